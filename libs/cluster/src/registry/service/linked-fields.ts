// The interlinked Service fields the registry fixes up around a write
// (service/storage/storage.go and strategy.go): clusterIP and clusterIPs
// kept in step, allocated values carried over when a client leaves them
// out, and type-dependent fields dropped when the type changes.
import { familyOf } from './ip-address';
import {
  ClusterIPNone,
  externallyAccessible,
  IPv4,
  IPv6,
  needsClusterIP,
  needsHealthCheck,
  needsNodePort,
  RequireDualStack,
  sameStrings,
  ServiceType,
  SingleStack,
  type ServiceSpecJson,
  type ServiceStatusJson,
} from './service-json';

/** normalizeClusterIPs: the singular field fills the plural one for older clients. */
export function normalizeClusterIPs(spec: ServiceSpecJson, old: Readonly<ServiceSpecJson> | undefined): void {
  if (!old) {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  // An old client patched some field and did not send clusterIPs.
  if (old.clusterIPs?.length && !spec.clusterIPs?.length && old.clusterIP === spec.clusterIP) {
    spec.clusterIPs = [...old.clusterIPs];
  }
  if (old.clusterIP !== spec.clusterIP) {
    if (old.clusterIP && !spec.clusterIP) {
      if (sameStrings(old.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs;
    } else if (sameStrings(old.clusterIPs, spec.clusterIPs) && spec.clusterIP) {
      spec.clusterIPs = [spec.clusterIP];
    }
  }
}

/** patchAllocatedValues: resubmitting the YAML a Service was created from keeps what was allocated. */
export function patchAllocatedValues(spec: ServiceSpecJson, old: Readonly<ServiceSpecJson>): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!spec.clusterIPs?.length && old.clusterIPs?.length) spec.clusterIPs = [...old.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = new Set((spec.ports ?? []).map((port) => port.nodePort).filter((port) => port !== undefined));
    const inBoth = new Set(
      (old.ports ?? []).map((port) => port.nodePort).filter((port) => port !== undefined && used.has(port)),
    );
    const byName = new Map<string, number | undefined>();
    for (const port of old.ports ?? []) byName.set(port.name ?? '', port.nodePort);
    for (const port of spec.ports ?? []) {
      if (port.nodePort) continue;
      const previous = byName.get(port.name ?? '');
      if (previous !== undefined && !inBoth.has(previous)) port.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort && old.healthCheckNodePort) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/**
 * dropTypeDependentFields: on update, fields the new type does not use are
 * cleared when the client left them as they were (they are released).
 */
export function dropTypeDependentFields(
  spec: ServiceSpecJson,
  status: ServiceStatusJson,
  old: Readonly<ServiceSpecJson>,
): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (old.clusterIP === spec.clusterIP && sameStrings(old.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameStrings(old.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (old.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec)) {
    const oldPorts = new Set((old.ports ?? []).map((port) => port.nodePort).filter((port) => port));
    const unchanged = (spec.ports ?? []).every((port) => !port.nodePort || oldPorts.has(port.nodePort));
    if (unchanged) for (const port of spec.ports ?? []) delete port.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && old.healthCheckNodePort === spec.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  if (old.type === ServiceType.LoadBalancer && spec.type !== ServiceType.LoadBalancer) {
    const before = old.allocateLoadBalancerNodePorts;
    if (before !== undefined && spec.allocateLoadBalancerNodePorts === before)
      delete spec.allocateLoadBalancerNodePorts;
    if (old.loadBalancerClass === spec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (
    externallyAccessible(old) &&
    !externallyAccessible(spec) &&
    old.externalTrafficPolicy === spec.externalTrafficPolicy
  ) {
    delete spec.externalTrafficPolicy;
  }
  // The load balancer goes away asynchronously, but its status does not linger.
  if (spec.type !== ServiceType.LoadBalancer) status.loadBalancer = {};
}

/** defaultOnReadIPFamilies: families for Services stored before dual-stack existed. */
export function defaultIPFamiliesOnRead(spec: ServiceSpecJson): void {
  if (!needsClusterIP(spec) || spec.ipFamilies?.length) return;
  if (spec.clusterIP === ClusterIPNone) {
    const selectorless = Object.keys(spec.selector ?? {}).length === 0;
    spec.ipFamilyPolicy = selectorless ? RequireDualStack : SingleStack;
    spec.ipFamilies = selectorless ? [IPv4, IPv6] : [IPv4];
    return;
  }
  spec.ipFamilies = (spec.clusterIPs ?? []).map((ip) => (familyOf(ip) === IPv6 ? IPv6 : IPv4));
  if (spec.ipFamilies.length === 1) spec.ipFamilyPolicy = SingleStack;
  else if (spec.ipFamilies.length === 2) spec.ipFamilyPolicy = RequireDualStack;
}
