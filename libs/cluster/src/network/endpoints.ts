// A Service's endpoints as kube-proxy's EndpointSlice cache sees them (one
// entry per address and port, ready/serving/terminating from the
// conditions, sorted by `ip:port`), and how kube-proxy sorts them into the
// endpoints Cluster and Local traffic policies use (pkg/proxy/topology.go
// CategorizeEndpoints, with the ProxyTerminatingEndpoints fallback).
import type { KubeObject } from '../api/objects';
import { record, records, strings, text } from '../registry/pod/json';
import type { ServicePortView } from '../registry/service';
import type { NetworkView } from './view';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface EndpointView {
  ip: string;
  port: number;
  nodeName: string | undefined;
  hostname: string | undefined;
  /** `conditions.ready`, nil meaning ready. */
  ready: boolean;
  /** `conditions.serving`, nil meaning the value of ready. */
  serving: boolean;
  terminating: boolean;
  targetRef: { kind: string; namespace: string; name: string } | undefined;
}

/** The IPv4 EndpointSlices of a Service. */
export function serviceSlices(view: NetworkView, namespace: string, name: string): KubeObject[] {
  return view.store
    .list('endpointslices.discovery.k8s.io', namespace)
    .filter((slice) => slice.metadata.labels?.[SERVICE_NAME_LABEL] === name && slice.addressType === 'IPv4');
}

export interface SliceEndpoint extends Omit<EndpointView, 'port'> {
  /** The slice's ports: `name`, `port` (-1 when unset) and `protocol`. */
  ports: Array<{ name: string; port: number; protocol: string }>;
}

/** Every endpoint of every slice of a Service, with the slice's ports. */
export function sliceEndpoints(view: NetworkView, namespace: string, name: string): SliceEndpoint[] {
  const out: SliceEndpoint[] = [];
  for (const slice of serviceSlices(view, namespace, name)) {
    const ports = records(slice.ports).map((port) => ({
      name: text(port.name),
      port: typeof port.port === 'number' ? port.port : -1,
      protocol: text(port.protocol) || 'TCP',
    }));
    for (const endpoint of records(slice.endpoints)) {
      const conditions = record(endpoint.conditions);
      const ready = conditions.ready !== false;
      const serving = typeof conditions.serving === 'boolean' ? conditions.serving : ready;
      const ref = endpoint.targetRef === undefined ? undefined : record(endpoint.targetRef);
      for (const ip of strings(endpoint.addresses)) {
        out.push({
          ip,
          nodeName: typeof endpoint.nodeName === 'string' ? endpoint.nodeName : undefined,
          hostname: typeof endpoint.hostname === 'string' ? endpoint.hostname : undefined,
          ready,
          serving,
          terminating: conditions.terminating === true,
          targetRef: ref
            ? { kind: text(ref.kind), namespace: text(ref.namespace) || namespace, name: text(ref.name) }
            : undefined,
          ports,
        });
      }
    }
  }
  return out;
}

/** The endpoints of one service port: slice ports match by name and protocol. */
export function endpointsForPort(
  view: NetworkView,
  namespace: string,
  name: string,
  port: Pick<ServicePortView, 'name' | 'protocol'>,
): EndpointView[] {
  const seen = new Map<string, EndpointView>();
  for (const endpoint of sliceEndpoints(view, namespace, name)) {
    const match = endpoint.ports.find(
      (candidate) => candidate.name === port.name && candidate.protocol === port.protocol,
    );
    if (!match || match.port <= 0) continue;
    const key = `${endpoint.ip}:${match.port}`;
    if (seen.has(key)) continue;
    const { ports: _ports, ...rest } = endpoint;
    seen.set(key, { ...rest, port: match.port });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, endpoint]) => endpoint);
}

export interface TrafficPolicies {
  internalLocal: boolean;
  externalLocal: boolean;
  externallyAccessible: boolean;
}

export interface CategorizedEndpoints {
  cluster: EndpointView[];
  local: EndpointView[];
  /** Endpoints this node's rules can reach at all (both lists, without repeats). */
  reachable: EndpointView[];
  /** Any usable endpoint on any node. */
  hasAny: boolean;
}

function usesClusterEndpoints(policies: TrafficPolicies): boolean {
  return !policies.internalLocal || (policies.externallyAccessible && !policies.externalLocal);
}

function usesLocalEndpoints(policies: TrafficPolicies): boolean {
  return policies.internalLocal || (policies.externallyAccessible && policies.externalLocal);
}

/** proxy.CategorizeEndpoints for `nodeName` (topology hints left out: the cluster has no zones). */
export function categorizeEndpoints(
  endpoints: readonly EndpointView[],
  policies: TrafficPolicies,
  nodeName: string,
): CategorizedEndpoints {
  let cluster: EndpointView[] = [];
  let local: EndpointView[] = [];
  let hasAny = false;
  const isLocal = (endpoint: EndpointView) => endpoint.nodeName === nodeName;
  const servingTerminating = (endpoint: EndpointView) => endpoint.serving && endpoint.terminating;
  if (usesClusterEndpoints(policies)) {
    cluster = endpoints.filter((endpoint) => endpoint.ready);
    // No ready endpoint anywhere: fall back to those still serving while terminating.
    if (cluster.length === 0) cluster = endpoints.filter(servingTerminating);
    hasAny = cluster.length > 0;
  }
  if (!usesLocalEndpoints(policies)) return { cluster, local, reachable: cluster, hasAny };
  let localReady = false;
  let localServingTerminating = false;
  for (const endpoint of endpoints) {
    if (endpoint.ready) {
      hasAny = true;
      if (isLocal(endpoint)) localReady = true;
    } else if (servingTerminating(endpoint)) {
      hasAny = true;
      if (isLocal(endpoint)) localServingTerminating = true;
    }
  }
  if (localReady) local = endpoints.filter((endpoint) => isLocal(endpoint) && endpoint.ready);
  else if (localServingTerminating)
    local = endpoints.filter((endpoint) => isLocal(endpoint) && servingTerminating(endpoint));
  if (!usesClusterEndpoints(policies)) return { cluster, local, reachable: local, hasAny };
  const reachable = [...cluster];
  for (const endpoint of local) if (!reachable.includes(endpoint)) reachable.push(endpoint);
  return { cluster, local, reachable, hasAny };
}
