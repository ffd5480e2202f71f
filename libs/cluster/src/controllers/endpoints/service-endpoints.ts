// The rule set of the endpoint controllers in one pure function: which pod
// addresses serve which Service port, and in what condition. The network
// model reads the EndpointSlices from the store; this states what they hold.
import type { KubeObject } from '../../api/objects';
import type { ServicePortView, ServiceSpecView } from '../../registry/service';
import { familyOf } from '../../registry/service/ip-address';
import { findPort, podView, shouldPodBeInEndpoints } from './pod-view';
import { ipsOfFamily, selectedPods } from './service-pods';

export interface ServiceEndpoint {
  ip: string;
  podName: string;
  namespace: string;
  nodeName: string;
  /** The resolved target port on the pod. */
  port: number;
  /** Receives new connections: serving and not terminating (or publishNotReadyAddresses). */
  ready: boolean;
  /** The pod's Ready condition. */
  serving: boolean;
  /** The pod is being deleted. */
  terminating: boolean;
}

export interface ServicePortEndpoints {
  servicePort: ServicePortView;
  endpoints: ServiceEndpoint[];
}

/**
 * Per Service port, the endpoints the EndpointSlice controller publishes for
 * `pods` (the pods of the Service's namespace): pods the selector matches
 * that have an IP of the Service's family and are not finished; terminating
 * pods stay, not ready; a named targetPort resolves per pod through its
 * container ports, and pods without such a port are left out of that port.
 * A Service without a selector (hand-made endpoints) or of type ExternalName
 * gets nothing from the controllers.
 */
export function serviceEndpoints(spec: ServiceSpecView, pods: readonly KubeObject[]): ServicePortEndpoints[] {
  if (spec.type === 'ExternalName') return [];
  const selected = spec.selector ? selectedPods(pods, undefined, spec.selector) : [];
  const family = spec.clusterIPs[0] && familyOf(spec.clusterIPs[0]) === 'IPv6' ? 'IPv6' : 'IPv4';
  return spec.ports.map((servicePort) => {
    const endpoints: ServiceEndpoint[] = [];
    for (const pod of selected) {
      const view = podView(pod);
      if (!shouldPodBeInEndpoints(view, true)) continue;
      const ip = ipsOfFamily(view.podIPs, family)[0];
      const port = findPort(pod, servicePort);
      if (ip === undefined || port === undefined) continue;
      endpoints.push({
        ip,
        podName: view.name,
        namespace: view.namespace,
        nodeName: view.nodeName,
        port,
        ready: spec.publishNotReadyAddresses || (view.ready && !view.terminating),
        serving: view.ready,
        terminating: view.terminating,
      });
    }
    return { servicePort, endpoints };
  });
}
