// The service rules kube-proxy programs on one node, in the terms of
// pkg/proxy/iptables/proxier.go syncProxyRules: for every port of every
// Service with a virtual IP, its frontends (ClusterIP, externalIPs,
// load-balancer ingress IPs, the NodePort) and the endpoints each kind of
// traffic is sent to under the Service's traffic policies, or what happens
// instead (REJECT when the Service has no endpoints at all, DROP when a
// Local policy finds none on this node).
import type { KubeObject } from '../api/objects';
import { serviceSpec, type ServicePortView, type ServiceSpecView } from '../registry/service';
import { endpointChain, serviceChains, servicePortName, type ServiceChains } from './chain-names';
import { categorizeEndpoints, endpointsForPort, type EndpointView, type TrafficPolicies } from './endpoints';
import type { NetworkView } from './view';

export interface ProgrammedEndpoint extends EndpointView {
  /** KUBE-SEP-XXXX */
  chain: string;
  /** `ip:port` */
  address: string;
  /** On the node the rules are for. */
  local: boolean;
}

export type FrontendKind = 'clusterIP' | 'externalIP' | 'loadBalancer' | 'nodePort';

export interface ServicePortRules {
  namespace: string;
  name: string;
  /** The port's name, `''` when unnamed. */
  portName: string;
  /** ServicePortName.String(): `default/web:http`. */
  servicePortName: string;
  protocol: string;
  port: number;
  nodePort: number | undefined;
  type: string;
  clusterIP: string;
  externalIPs: string[];
  loadBalancerIPs: string[];
  chains: ServiceChains;
  /** ClientIP session affinity, with its timeout. */
  affinitySeconds: number | undefined;
  policies: TrafficPolicies;
  /** Endpoints of Cluster policy (ready ones, or serving-terminating ones when none is ready). */
  clusterEndpoints: ProgrammedEndpoint[];
  /** This node's endpoints, for Local policies. */
  localEndpoints: ProgrammedEndpoint[];
  /** Endpoints ClusterIP traffic goes to (Local policy: this node's only). */
  internalEndpoints: ProgrammedEndpoint[];
  /** Endpoints traffic from outside the cluster to the external frontends goes to. */
  externalEndpoints: ProgrammedEndpoint[];
  /** Endpoint chains written on this node. */
  reachableEndpoints: ProgrammedEndpoint[];
  hasEndpoints: boolean;
  hasInternalEndpoints: boolean;
  hasExternalEndpoints: boolean;
}

/** Services kube-proxy skips: headless ones and ExternalName ones have no virtual IP. */
export function isProxied(spec: ServiceSpecView): boolean {
  return spec.type !== 'ExternalName' && spec.clusterIP !== '' && spec.clusterIP !== 'None';
}

function programmed(
  endpoints: EndpointView[],
  nodeName: string,
  servicePort: string,
  protocol: string,
): ProgrammedEndpoint[] {
  return endpoints.map((endpoint) => {
    const address = `${endpoint.ip}:${endpoint.port}`;
    return {
      ...endpoint,
      address,
      chain: endpointChain(servicePort, protocol, address),
      local: endpoint.nodeName === nodeName,
    };
  });
}

/** The rules of one port of a Service on `nodeName`. */
export function servicePortRules(
  view: NetworkView,
  service: Readonly<KubeObject>,
  port: ServicePortView,
  nodeName: string,
): ServicePortRules {
  const spec = serviceSpec(service);
  const namespace = service.metadata.namespace ?? '';
  const name = service.metadata.name ?? '';
  const portName = servicePortName(namespace, name, port.name);
  const loadBalancerIPs = spec.loadBalancerIngress
    .filter((ingress) => ingress.ip && ingress.ipMode !== 'Proxy')
    .map((ingress) => ingress.ip ?? '');
  const nodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? port.nodePort : undefined;
  const externallyAccessible = nodePort !== undefined || loadBalancerIPs.length > 0 || spec.externalIPs.length > 0;
  const policies: TrafficPolicies = {
    internalLocal: spec.internalTrafficPolicy === 'Local',
    externalLocal: externallyAccessible && spec.externalTrafficPolicy === 'Local',
    externallyAccessible,
  };
  const all = endpointsForPort(view, namespace, name, port);
  const sorted = categorizeEndpoints(all, policies, nodeName);
  const wrap = (list: EndpointView[]) => programmed(list, nodeName, portName, port.protocol);
  const clusterEndpoints = wrap(sorted.cluster);
  const localEndpoints = wrap(sorted.local);
  const hasInternalEndpoints = sorted.hasAny && (!policies.internalLocal || localEndpoints.length > 0);
  const hasExternalEndpoints = sorted.hasAny && (!policies.externalLocal || localEndpoints.length > 0);
  return {
    namespace,
    name,
    portName: port.name,
    servicePortName: portName,
    protocol: port.protocol,
    port: port.port,
    nodePort,
    type: spec.type,
    clusterIP: spec.clusterIP,
    externalIPs: spec.externalIPs,
    loadBalancerIPs,
    chains: serviceChains(portName, port.protocol),
    affinitySeconds: spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityTimeoutSeconds ?? 10800) : undefined,
    policies,
    clusterEndpoints,
    localEndpoints,
    internalEndpoints: policies.internalLocal ? localEndpoints : clusterEndpoints,
    externalEndpoints: policies.externalLocal ? localEndpoints : clusterEndpoints,
    reachableEndpoints: wrap(sorted.reachable),
    hasEndpoints: sorted.hasAny,
    hasInternalEndpoints,
    hasExternalEndpoints,
  };
}

function compareRules(a: ServicePortRules, b: ServicePortRules): number {
  const left = `${a.servicePortName}/${a.protocol}`;
  const right = `${b.servicePortName}/${b.protocol}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Every service port kube-proxy programs on `nodeName`, in a stable order
 * (kube-proxy walks a Go map: the real order differs from sync to sync).
 */
export function programmedRules(view: NetworkView, nodeName: string): ServicePortRules[] {
  const rules: ServicePortRules[] = [];
  for (const service of view.store.list('services')) {
    const spec = serviceSpec(service);
    if (!isProxied(spec) || service.metadata.deletionTimestamp) continue;
    for (const port of spec.ports) rules.push(servicePortRules(view, service, port, nodeName));
  }
  return rules.sort(compareRules);
}

export interface FrontendMatch {
  rules: ServicePortRules;
  kind: FrontendKind;
}

/**
 * The service port whose frontend `ip:port` is, on a node whose own addresses
 * are `nodeAddresses` (NodePorts answer on any of them).
 */
export function matchFrontend(
  rules: readonly ServicePortRules[],
  ip: string,
  port: number,
  protocol: string,
  nodeAddresses: readonly string[],
): FrontendMatch | undefined {
  for (const rule of rules) {
    if (rule.protocol !== protocol) continue;
    if (rule.port === port) {
      if (rule.clusterIP === ip) return { rules: rule, kind: 'clusterIP' };
      if (rule.externalIPs.includes(ip)) return { rules: rule, kind: 'externalIP' };
      if (rule.loadBalancerIPs.includes(ip)) return { rules: rule, kind: 'loadBalancer' };
    }
  }
  if (!nodeAddresses.includes(ip)) return undefined;
  const nodePort = rules.find((rule) => rule.protocol === protocol && rule.nodePort === port);
  return nodePort ? { rules: nodePort, kind: 'nodePort' } : undefined;
}
