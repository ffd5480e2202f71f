// A typed, read-only view of a stored Service for the modules around it:
// the endpoints controller, kube-proxy's model, DNS, printers.
import type { KubeObject } from '../../api/objects';
import { statusOf, storedSpec } from './service-json';

export interface ServicePortView {
  /** `''` when unnamed. */
  name: string;
  port: number;
  /** A number, or the name of a container port. */
  targetPort: number | string;
  protocol: string;
  /** Undefined when none was allocated. */
  nodePort: number | undefined;
}

export interface LoadBalancerIngressView {
  ip: string | undefined;
  hostname: string | undefined;
  ipMode: string | undefined;
}

export interface ServiceSpecView {
  type: string;
  /** `''` for ExternalName, `None` for headless. */
  clusterIP: string;
  clusterIPs: string[];
  ports: ServicePortView[];
  /** Undefined for a Service without a selector (its endpoints are managed by hand). */
  selector: Record<string, string> | undefined;
  externalIPs: string[];
  externalName: string | undefined;
  sessionAffinity: string;
  /** Set when sessionAffinity is ClientIP. */
  sessionAffinityTimeoutSeconds: number | undefined;
  externalTrafficPolicy: string | undefined;
  internalTrafficPolicy: string | undefined;
  publishNotReadyAddresses: boolean;
  loadBalancerIngress: LoadBalancerIngressView[];
}

export function serviceSpec(object: Readonly<KubeObject>): ServiceSpecView {
  const spec = storedSpec(object);
  const status = statusOf(object);
  const selector = spec.selector && Object.keys(spec.selector).length > 0 ? { ...spec.selector } : undefined;
  return {
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.clusterIP ?? '',
    clusterIPs: [...(spec.clusterIPs ?? [])],
    ports: (spec.ports ?? []).map((port) => ({
      name: port.name ?? '',
      port: port.port ?? 0,
      targetPort: port.targetPort ?? port.port ?? 0,
      protocol: port.protocol ?? 'TCP',
      nodePort: port.nodePort || undefined,
    })),
    selector,
    externalIPs: [...(spec.externalIPs ?? [])],
    externalName: spec.externalName,
    sessionAffinity: spec.sessionAffinity ?? 'None',
    sessionAffinityTimeoutSeconds:
      spec.sessionAffinity === 'ClientIP' ? spec.sessionAffinityConfig?.clientIP?.timeoutSeconds : undefined,
    externalTrafficPolicy: spec.externalTrafficPolicy,
    internalTrafficPolicy: spec.internalTrafficPolicy,
    publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
    loadBalancerIngress: (status.loadBalancer?.ingress ?? []).map((entry) => ({
      ip: entry.ip,
      hostname: entry.hostname,
      ipMode: entry.ipMode,
    })),
  };
}
