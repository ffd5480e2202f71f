// The ClusterIP range of --service-cluster-ip-range as ipallocator.Range
// keeps it (bitmap over the CIDR without its network and broadcast
// addresses). Which addresses are taken is derived from the stored
// Services, so nothing needs saving besides them.
import type { StoreReader } from '../../api/strategy';
import { numberToIp, parseCidr } from '../../network/addresses';
import type { SeededRandom } from '../../runtime/random';
import { parseIPv4 } from './ip-address';
import { ClusterIPNone, ServiceType, storedSpec } from './service-json';

/** Why an address could not be reserved (ipallocator's errors). */
export type IpAllocationError = string;

export const RANGE_FULL = 'range is full';

/**
 * The size of the low band kept for static (user-chosen) addresses: dynamic
 * allocation prefers the rest (calculateRangeOffset, KEP-3070).
 */
export function ipRangeOffset(cidrSize: number): number {
  const min = 16;
  const max = 256;
  const step = 16;
  if (cidrSize <= min) return 0;
  return Math.min(Math.max(Math.floor(cidrSize / step), min), max);
}

export class ClusterIpRange {
  /** The first usable address (the network address + 1), as a number. */
  private readonly base: number;
  /** Usable addresses. */
  readonly max: number;
  /** Addresses below this offset are left for static allocation. */
  readonly offset: number;

  constructor(readonly cidr: string) {
    const range = parseCidr(cidr);
    this.base = range.base + 1;
    this.max = Math.max(0, range.size - 2);
    this.offset = ipRangeOffset(range.size);
  }

  /** The offset of an address in the range, or undefined when outside it. */
  indexOf(text: string): number | undefined {
    const ip = parseIPv4(text);
    if (!ip) return undefined;
    const index = ip.value - this.base;
    return index >= 0 && index < this.max ? index : undefined;
  }

  addressAt(index: number): string {
    return numberToIp(this.base + index);
  }

  /** The network address, which a dry run reports instead of choosing one. */
  networkAddress(): string {
    return numberToIp(this.base - 1);
  }
}

/** One request's allocations against the addresses stored Services hold. */
export class ClusterIpAllocation {
  private readonly taken: Set<number>;

  constructor(
    private readonly range: ClusterIpRange,
    store: StoreReader,
    private readonly dryRun: boolean,
  ) {
    this.taken = takenAddresses(range, store);
  }

  /** Range.Allocate: a dry run only checks the range. */
  allocate(text: string): IpAllocationError | undefined {
    const index = this.range.indexOf(text);
    if (index === undefined) {
      // net.IP prints in canonical form.
      const shown = parseIPv4(text)?.canonical ?? text;
      return `the provided IP (${shown}) is not in the valid range. The range of valid IPs is ${this.range.cidr}`;
    }
    if (this.dryRun) return undefined;
    if (this.taken.has(index)) return 'provided IP is already allocated';
    this.taken.add(index);
    return undefined;
  }

  /** Range.AllocateNext with the random scan that prefers the upper band; undefined when full. */
  allocateNext(random: SeededRandom): string | undefined {
    if (this.dryRun) return this.range.networkAddress();
    const { max, offset } = this.range;
    if (this.taken.size >= max) return undefined;
    const pick = (from: number, size: number): number | undefined => {
      const start = random.int(size);
      for (let i = 0; i < size; i++) {
        const at = from + ((start + i) % size);
        if (!this.taken.has(at)) return at;
      }
      return undefined;
    };
    const index = pick(offset, max - offset) ?? (offset > 0 ? pick(0, offset) : undefined);
    if (index === undefined) return undefined;
    this.taken.add(index);
    return this.range.addressAt(index);
  }
}

function takenAddresses(range: ClusterIpRange, store: StoreReader): Set<number> {
  const taken = new Set<number>();
  for (const service of store.list('services')) {
    const spec = storedSpec(service);
    if (spec.type === ServiceType.ExternalName) continue;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
      if (ip === ClusterIPNone) continue;
      const index = range.indexOf(ip);
      if (index !== undefined) taken.add(index);
    }
  }
  return taken;
}
