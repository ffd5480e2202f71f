// The NodePort range (--service-node-port-range) as portallocator keeps it,
// used through a PortAllocationOperation (portallocator/operation.go). Taken
// ports are derived from the stored Services.
import type { StoreReader } from '../../api/strategy';
import type { SeededRandom } from '../../runtime/random';
import { needsHealthCheck, needsNodePort, storedSpec } from './service-json';

/** The low band kept for static ports: min(max(16, size/32), 128). */
export function portRangeOffset(size: number): number {
  const min = 16;
  const max = 128;
  const step = 32;
  if (size <= min) return 0;
  return Math.min(Math.max(Math.floor(size / step), min), max);
}

export interface PortRange {
  min: number;
  max: number;
}

/** Every NodePort (and health-check NodePort) the stored Services hold. */
export function takenNodePorts(store: StoreReader): Set<number> {
  const taken = new Set<number>();
  for (const service of store.list('services')) {
    const spec = storedSpec(service);
    if (needsNodePort(spec)) {
      for (const port of spec.ports ?? []) if (port.nodePort) taken.add(port.nodePort);
    }
    if (needsHealthCheck(spec) && spec.healthCheckNodePort) taken.add(spec.healthCheckNodePort);
  }
  return taken;
}

export class PortAllocationOperation {
  private readonly taken: Set<number>;
  /** Ports this operation allocated (op.allocated). */
  private readonly allocated: number[] = [];

  constructor(
    private readonly range: PortRange,
    store: StoreReader,
    private readonly random: SeededRandom,
    private readonly dryRun: boolean,
  ) {
    this.taken = takenNodePorts(store);
  }

  private get text(): string {
    return `${this.range.min}-${this.range.max}`;
  }

  /** Allocate: the error text, or undefined once reserved. A dry run only checks for clashes. */
  allocate(port: number): string | undefined {
    if (this.dryRun) {
      if (this.has(port) || this.allocated.includes(port)) return 'provided port is already allocated';
      this.allocated.push(port);
      return undefined;
    }
    if (port < this.range.min || port > this.range.max) {
      return `provided port is not in the valid range. The range of valid ports is ${this.text}`;
    }
    if (this.taken.has(port)) return 'provided port is already allocated';
    this.taken.add(port);
    this.allocated.push(port);
    return undefined;
  }

  /** AllocateNext: a random free port, upper band first; undefined when the range is full. */
  allocateNext(): number | undefined {
    if (this.dryRun) {
      // operation.go hands out dummy numbers above the range in a dry run.
      const last = this.allocated.length ? Math.max(...this.allocated) : 32768;
      this.allocated.push(last + 1);
      return last + 1;
    }
    const size = this.range.max - this.range.min + 1;
    const offset = portRangeOffset(size);
    const inUse = [...this.taken].filter((port) => port >= this.range.min && port <= this.range.max).length;
    if (inUse >= size) return undefined;
    const pick = (from: number, count: number): number | undefined => {
      const start = this.random.int(count);
      for (let i = 0; i < count; i++) {
        const port = this.range.min + from + ((start + i) % count);
        if (!this.taken.has(port)) return port;
      }
      return undefined;
    };
    const port = pick(offset, size - offset) ?? (offset > 0 ? pick(0, offset) : undefined);
    if (port === undefined) return undefined;
    this.taken.add(port);
    this.allocated.push(port);
    return port;
  }

  private has(port: number): boolean {
    return port >= this.range.min && port <= this.range.max && this.taken.has(port);
  }
}
