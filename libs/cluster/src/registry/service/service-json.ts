// The Service as JSON: the v1 field names and the constants of
// k8s.io/api/core/v1, with small accessors that keep the rest of the
// module free of casts.
import { isRecord, type KubeObject } from '../../api/objects';

export const ClusterIPNone = 'None';

export const ServiceType = {
  ClusterIP: 'ClusterIP',
  NodePort: 'NodePort',
  LoadBalancer: 'LoadBalancer',
  ExternalName: 'ExternalName',
} as const;

export const IPv4 = 'IPv4';
export const IPv6 = 'IPv6';
export const SingleStack = 'SingleStack';
export const PreferDualStack = 'PreferDualStack';
export const RequireDualStack = 'RequireDualStack';

/** core.DefaultClientIPServiceAffinitySeconds / MaxClientIPServiceAffinitySeconds. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

export interface ServicePortJson {
  name?: string;
  protocol?: string;
  appProtocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpecJson {
  type?: string;
  ports?: ServicePortJson[];
  selector?: Record<string, string>;
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  externalName?: string;
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  loadBalancerClass?: string;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
  trafficDistribution?: string;
}

export interface LoadBalancerIngressJson {
  ip?: string;
  hostname?: string;
  ipMode?: string;
  ports?: unknown[];
}

export interface ServiceStatusJson {
  loadBalancer?: { ingress?: LoadBalancerIngressJson[] };
  conditions?: unknown[];
}

/** A Service whose spec and status have been through `decodeServiceFields`. */
export interface ServiceObject extends KubeObject {
  spec: ServiceSpecJson;
  status?: ServiceStatusJson;
}

/** The spec of a decoded Service (created empty when missing). */
export function specOf(object: KubeObject): ServiceSpecJson {
  if (!isRecord(object.spec)) object.spec = {};
  return object.spec as ServiceSpecJson;
}

/** A read-only view of a stored Service's spec. */
export function storedSpec(object: Readonly<KubeObject>): Readonly<ServiceSpecJson> {
  return isRecord(object.spec) ? object.spec : {};
}

export function statusOf(object: Readonly<KubeObject>): Readonly<ServiceStatusJson> {
  return isRecord(object.status) ? object.status : {};
}

export function isHeadless(spec: Readonly<ServiceSpecJson>): boolean {
  return spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === ClusterIPNone;
}

export function needsClusterIP(spec: Readonly<ServiceSpecJson>): boolean {
  return spec.type !== ServiceType.ExternalName;
}

export function needsNodePort(spec: Readonly<ServiceSpecJson>): boolean {
  return spec.type === ServiceType.NodePort || spec.type === ServiceType.LoadBalancer;
}

/** apiservice.ExternallyAccessible. */
export function externallyAccessible(spec: Readonly<ServiceSpecJson>): boolean {
  return (
    spec.type === ServiceType.LoadBalancer ||
    spec.type === ServiceType.NodePort ||
    (spec.type === ServiceType.ClusterIP && (spec.externalIPs?.length ?? 0) > 0)
  );
}

/** apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(spec: Readonly<ServiceSpecJson>): boolean {
  return spec.type === ServiceType.LoadBalancer && spec.externalTrafficPolicy === 'Local';
}

export function shouldAllocateNodePorts(spec: Readonly<ServiceSpecJson>): boolean {
  if (spec.type === ServiceType.NodePort) return true;
  if (spec.type === ServiceType.LoadBalancer) return spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

export function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, index) => item === right[index]);
}
