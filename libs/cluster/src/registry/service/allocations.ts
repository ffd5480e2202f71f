// The allocations of a Service write (service/storage/alloc.go): ClusterIPs
// from the service CIDR and NodePorts from the NodePort range. What is taken
// is read from the stored Services, so a write that fails, or a dry run,
// leaves nothing behind, and a delete releases by removing the object.
import { ApiError, apiErrors } from '../../api/errors';
import { fieldErrors, goStringSlice } from '../../api/field-errors';
import type { StrategyContext } from '../../api/strategy';
import { initIPFamilyFields } from './ip-families';
import { ClusterIpAllocation, ClusterIpRange, RANGE_FULL } from './ip-allocator';
import { PortAllocationOperation } from './port-allocator';
import {
  ClusterIPNone,
  needsHealthCheck,
  needsNodePort,
  ServiceType,
  shouldAllocateNodePorts,
  type ServiceSpecJson,
} from './service-json';

const SERVICE_KIND = { group: '', kind: 'Service' };

function invalidNodePort(name: string, index: number, port: number, reason: string): ApiError {
  return apiErrors.invalid(SERVICE_KIND, name, [fieldErrors.invalid(`spec.ports[${index}].nodePort`, port, reason)]);
}

/** A plain Go error surfacing from the registry: a 500 without a reason. */
function unknownError(message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

function allocClusterIPs(spec: ServiceSpecJson, context: StrategyContext, name: string): void {
  if (spec.type === ServiceType.ExternalName) return;
  if (spec.clusterIPs?.[0] === ClusterIPNone) return;
  const clusterIPs = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  while (clusterIPs.length < families.length) clusterIPs.push('');
  spec.clusterIPs = clusterIPs;
  const allocation = new ClusterIpAllocation(
    new ClusterIpRange(context.config.serviceCidr),
    context.store,
    context.dryRun,
  );
  families.forEach((_family, index) => {
    const requested = clusterIPs[index] ?? '';
    let allocated = requested;
    if (!requested) {
      const next = allocation.allocateNext(context.random);
      if (next === undefined) throw apiErrors.internal(`failed to allocate a serviceIP: ${RANGE_FULL}`);
      allocated = next;
    } else {
      const failure = allocation.allocate(requested);
      if (failure !== undefined) {
        const detail = `failed to allocate IP ${requested}: ${failure}`;
        throw apiErrors.invalid(SERVICE_KIND, name, [
          fieldErrors.invalid('spec.clusterIPs', goStringSlice(spec.clusterIPs), detail),
        ]);
      }
    }
    clusterIPs[index] = allocated;
    if (index === 0) spec.clusterIP = allocated;
  });
}

function nodePortOperation(context: StrategyContext): PortAllocationOperation {
  return new PortAllocationOperation(context.config.nodePortRange, context.store, context.random, context.dryRun);
}

function nextNodePort(operation: PortAllocationOperation): number {
  const next = operation.allocateNext();
  if (next === undefined) throw apiErrors.internal(`failed to allocate a nodePort: ${RANGE_FULL}`);
  return next;
}

/** initNodePorts: ports with the same number share one NodePort (TCP and UDP of a DNS port). */
function initNodePorts(spec: ServiceSpecJson, operation: PortAllocationOperation, name: string): void {
  const ports = spec.ports ?? [];
  const byServicePort = new Map<number, number>();
  ports.forEach((port, index) => {
    if (!port.nodePort && !shouldAllocateNodePorts(spec)) return;
    const number = port.port ?? 0;
    const allocated = byServicePort.get(number);
    if (allocated === undefined) {
      const requested = ports.find((other) => other.port === number && other.nodePort)?.nodePort;
      if (requested) {
        const failure = operation.allocate(requested);
        if (failure !== undefined) throw invalidNodePort(name, index, requested, failure);
        port.nodePort = requested;
      } else port.nodePort = nextNodePort(operation);
      byServicePort.set(number, port.nodePort);
    } else if (port.nodePort !== allocated) {
      if (!port.nodePort) port.nodePort = allocated;
      else {
        const failure = operation.allocate(port.nodePort);
        if (failure !== undefined) throw invalidNodePort(name, index, port.nodePort, failure);
      }
    }
  });
}

function updateNodePorts(
  spec: ServiceSpecJson,
  old: Readonly<ServiceSpecJson>,
  operation: PortAllocationOperation,
  name: string,
): void {
  const oldNumbers = (old.ports ?? []).map((port) => port.nodePort).filter((port) => port);
  const claimed = new Set<number>();
  const seen = new Set<string>();
  (spec.ports ?? []).forEach((port, index) => {
    if (!port.nodePort && !shouldAllocateNodePorts(spec)) return;
    if (port.nodePort) {
      if (!oldNumbers.includes(port.nodePort) && !claimed.has(port.nodePort)) {
        const failure = operation.allocate(port.nodePort);
        if (failure !== undefined) throw invalidNodePort(name, index, port.nodePort, failure);
        claimed.add(port.nodePort);
      }
    } else port.nodePort = nextNodePort(operation);
    const key = `{${port.protocol ?? ''} ${port.nodePort}}`;
    if (seen.has(key)) throw unknownError(`duplicate nodePort: ${key}`);
    seen.add(key);
  });
}

/** allocHealthCheckNodePort, whose failures the registry reports as internal errors. */
function allocHealthCheckNodePort(spec: ServiceSpecJson, operation: PortAllocationOperation): void {
  const requested = spec.healthCheckNodePort;
  if (requested) {
    const failure = operation.allocate(requested);
    if (failure !== undefined) {
      throw apiErrors.internal(`failed to allocate requested HealthCheck NodePort ${requested}: ${failure}`);
    }
    return;
  }
  const next = operation.allocateNext();
  if (next === undefined) throw apiErrors.internal(`failed to allocate a HealthCheck NodePort 0: ${RANGE_FULL}`);
  spec.healthCheckNodePort = next;
}

/** allocateCreate: families, then ClusterIPs, then NodePorts. Throws the API error of a failed allocation. */
export function allocateCreate(spec: ServiceSpecJson, context: StrategyContext, name: string): void {
  initIPFamilyFields(spec, undefined, name);
  allocClusterIPs(spec, context, name);
  const operation = nodePortOperation(context);
  if (needsNodePort(spec)) initNodePorts(spec, operation, name);
  if (needsHealthCheck(spec)) allocHealthCheckNodePort(spec, operation);
}

/** allocateUpdate: allocates what the new type needs; what the old one held is freed once stored. */
export function allocateUpdate(
  spec: ServiceSpecJson,
  old: Readonly<ServiceSpecJson>,
  context: StrategyContext,
  name: string,
): void {
  initIPFamilyFields(spec, old, name);
  if (old.type === ServiceType.ExternalName && spec.type !== ServiceType.ExternalName) {
    allocClusterIPs(spec, context, name);
  }
  const operation = nodePortOperation(context);
  if (needsNodePort(spec)) updateNodePorts(spec, old, operation, name);
  if (!needsHealthCheck(old) && needsHealthCheck(spec)) allocHealthCheckNodePort(spec, operation);
}
