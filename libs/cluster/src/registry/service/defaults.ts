// SetDefaults_Service and SetDefaults_ServicePort (pkg/apis/core/v1/defaults.go):
// what the scheme fills in on every decode, before the registry runs.
import type { KubeObject } from '../../api/objects';
import {
  DEFAULT_CLIENT_IP_AFFINITY_SECONDS,
  externallyAccessible,
  ServiceType,
  specOf,
  type ServiceStatusJson,
} from './service-json';
import { decodeServiceFields } from './decode';

export function applyServiceDefaults(object: KubeObject): void {
  decodeServiceFields(object);
  const spec = specOf(object);
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  spec.type ??= ServiceType.ClusterIP;
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  // Externally-accessible Services default to the "Cluster" policy for consistency.
  if (externallyAccessible(spec) && spec.externalTrafficPolicy === undefined) spec.externalTrafficPolicy = 'Cluster';
  const type = spec.type;
  if (
    spec.internalTrafficPolicy === undefined &&
    (type === ServiceType.NodePort || type === ServiceType.LoadBalancer || type === ServiceType.ClusterIP)
  ) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (type === ServiceType.LoadBalancer) {
    spec.allocateLoadBalancerNodePorts ??= true;
    // LoadBalancerIPMode (beta, on in 1.32): an ingress IP without a mode is a VIP.
    const status = object.status as ServiceStatusJson | undefined;
    for (const ingress of status?.loadBalancer?.ingress ?? []) {
      if (ingress.ip && ingress.ipMode === undefined) ingress.ipMode = 'VIP';
    }
  }
}
