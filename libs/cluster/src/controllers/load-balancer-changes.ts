// needsUpdate (cloud-provider's service controller): which Service changes
// make the controller ensure its load balancer again.
import { isRecord, type KubeObject } from '../api/objects';
import { jsonEqual } from '../api/handlers/decode';

type Spec = Record<string, unknown>;

function specOf(service: Readonly<KubeObject>): Spec {
  return isRecord(service.spec) ? service.spec : {};
}

function wants(spec: Spec): boolean {
  return spec.type === 'LoadBalancer' && spec.loadBalancerClass === undefined;
}

function length(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

export function needsUpdate(old: Readonly<KubeObject>, current: Readonly<KubeObject>): boolean {
  const before = specOf(old);
  const after = specOf(current);
  if (!wants(before) && !wants(after)) return false;
  if (wants(before) !== wants(after)) return true;
  if (!jsonEqual(before.loadBalancerSourceRanges, after.loadBalancerSourceRanges)) return true;
  // portEqualForLB compares every field of a ServicePort.
  if (!jsonEqual(before.ports ?? [], after.ports ?? [])) return true;
  if (before.sessionAffinity !== after.sessionAffinity) return true;
  if (!jsonEqual(before.sessionAffinityConfig, after.sessionAffinityConfig)) return true;
  if (before.loadBalancerIP !== after.loadBalancerIP) return true;
  if (!jsonEqual(before.externalIPs ?? [], after.externalIPs ?? [])) return true;
  if (!jsonEqual(old.metadata.annotations ?? {}, current.metadata.annotations ?? {})) return true;
  if (old.metadata.uid !== current.metadata.uid) return true;
  if (before.externalTrafficPolicy !== after.externalTrafficPolicy) return true;
  if (before.healthCheckNodePort !== after.healthCheckNodePort) return true;
  return length(before.ipFamilies) !== length(after.ipFamilies);
}
