// A packet meeting a Service frontend on a node, as that node's kube-proxy
// rules treat it. iptables: REJECT when the Service has no endpoints at all
// (the client sees "Connection refused"), DROP when a Local policy finds no
// endpoint on the node (a timeout), the KUBE-EXT short-circuits of
// externalTrafficPolicy Local (pods and the node itself still use every
// endpoint), a uniformly random endpoint, `recent` lists for ClientIP
// affinity, and masquerading of traffic from outside the pod network.
// ipvs: the virtual server's real servers in round-robin order, persistence
// for ClientIP affinity, and a virtual server without real servers answering
// with ICMP port unreachable (refused) as IP_VS does.
import type { KubeProxyMode } from '../config';
import type { SeededRandom } from '../runtime/random';
import { cidrContains } from './addresses';
import type { Hop } from './connect-types';
import { ipvsNodeAddresses, sortedRealServers, virtualServerKey, virtualServers } from './ipvs';
import type { FrontendMatch, ProgrammedEndpoint } from './kube-proxy';
import { nextRoundRobin, pin, pinnedEndpoint, type NetworkState } from './state';
import { clusterCidr, sourceAddressToward, type NetworkView, type NodeView } from './view';

/** Where the packet comes from, as the node's rules tell it apart. */
export type Origin = 'pod' | 'local-node' | 'external';

export interface RoutingInput {
  match: FrontendMatch;
  /** The frontend address the client used (a NodePort's node address). */
  ip: string;
  node: NodeView;
  origin: Origin;
  clientIp: string;
  mode: KubeProxyMode;
  now: number;
  random: Pick<SeededRandom, 'int'>;
}

export type Routed =
  | { ok: true; endpoint: ProgrammedEndpoint; clientIpSeen: string; snat: boolean; hop: Hop }
  | { ok: false; error: 'refused' | 'timeout'; detail: string; hop: Hop };

const HOP_KINDS = {
  clusterIP: 'service',
  nodePort: 'nodeport',
  loadBalancer: 'loadbalancer',
  externalIP: 'externalip',
} as const;

function hopFor(input: RoutingInput, via: string, snat: boolean): Hop {
  const rules = input.match.rules;
  return {
    kind: HOP_KINDS[input.match.kind],
    namespace: rules.namespace,
    name: rules.name,
    servicePort: rules.servicePortName,
    frontend: input.match.kind,
    ip: input.ip,
    port: input.match.kind === 'nodePort' ? (rules.nodePort ?? rules.port) : rules.port,
    node: input.node.name,
    mode: input.mode,
    via,
    snat,
  };
}

interface Candidates {
  endpoints: ProgrammedEndpoint[];
  chain: string;
  masquerade: boolean;
}

/** The iptables verdict for the frontend: candidates, or why the packet goes no further. */
function iptablesCandidates(
  input: RoutingInput,
  podCidr: string,
): Candidates | { error: 'refused' | 'timeout'; detail: string } {
  const rules = input.match.rules;
  const name = rules.servicePortName;
  if (!rules.hasEndpoints) return { error: 'refused', detail: `${name} has no endpoints` };
  if (input.match.kind === 'clusterIP') {
    if (!rules.hasInternalEndpoints) return { error: 'timeout', detail: `${name} has no local endpoints` };
    const chain = rules.policies.internalLocal ? rules.chains.local : rules.chains.cluster;
    return { endpoints: rules.internalEndpoints, chain, masquerade: !cidrContains(podCidr, input.clientIp) };
  }
  if (!rules.policies.externalLocal) {
    return { endpoints: rules.clusterEndpoints, chain: rules.chains.cluster, masquerade: true };
  }
  if (input.origin === 'pod') {
    return { endpoints: rules.clusterEndpoints, chain: rules.chains.cluster, masquerade: false };
  }
  if (input.origin === 'local-node') {
    return { endpoints: rules.clusterEndpoints, chain: rules.chains.cluster, masquerade: true };
  }
  if (!rules.hasExternalEndpoints) return { error: 'timeout', detail: `${name} has no local endpoints` };
  return { endpoints: rules.localEndpoints, chain: rules.chains.local, masquerade: false };
}

function finish(
  view: NetworkView,
  input: RoutingInput,
  endpoint: ProgrammedEndpoint,
  masquerade: boolean,
  via: string,
): Routed {
  // Hairpin: a pod reaching itself through the Service is masqueraded by its KUBE-SEP chain.
  const snat = masquerade || endpoint.ip === input.clientIp;
  const clientIpSeen = snat ? sourceAddressToward(view, input.node, endpoint.ip) : input.clientIp;
  return { ok: true, endpoint, clientIpSeen, snat, hop: hopFor(input, via, snat) };
}

function choose(
  state: NetworkState,
  affinityKey: string,
  timeout: number | undefined,
  endpoints: ProgrammedEndpoint[],
  now: number,
  pick: () => number,
): ProgrammedEndpoint | undefined {
  if (timeout !== undefined) {
    const pinned = pinnedEndpoint(state, affinityKey, timeout, now);
    const still = endpoints.find((endpoint) => endpoint.address === pinned);
    if (still) {
      pin(state, affinityKey, still.address, now);
      return still;
    }
  }
  const chosen = endpoints[pick()];
  if (chosen && timeout !== undefined) pin(state, affinityKey, chosen.address, now);
  return chosen;
}

function routeIptables(view: NetworkView, state: NetworkState, input: RoutingInput): Routed {
  const verdict = iptablesCandidates(input, clusterCidr(view));
  if ('error' in verdict)
    return { ok: false, error: verdict.error, detail: verdict.detail, hop: hopFor(input, '', false) };
  const { endpoints, chain, masquerade } = verdict;
  if (endpoints.length === 0) {
    return {
      ok: false,
      error: 'timeout',
      detail: `no rule sends the packet on from ${chain}`,
      hop: hopFor(input, chain, false),
    };
  }
  const key = `${input.node.name}|${chain}|${input.clientIp}`;
  const endpoint = choose(state, key, input.match.rules.affinitySeconds, endpoints, input.now, () =>
    input.random.int(endpoints.length),
  );
  if (!endpoint) return { ok: false, error: 'timeout', detail: 'no endpoint chosen', hop: hopFor(input, chain, false) };
  return finish(view, input, endpoint, masquerade, endpoint.chain);
}

function routeIpvs(view: NetworkView, state: NetworkState, input: RoutingInput): Routed {
  const rules = input.match.rules;
  const ip = input.ip;
  const port = input.match.kind === 'nodePort' ? (rules.nodePort ?? rules.port) : rules.port;
  const addresses = ipvsNodeAddresses(view, input.node.name);
  const server = virtualServers(view, input.node.name).find(
    (candidate) =>
      candidate.protocol === rules.protocol &&
      candidate.port === port &&
      (candidate.ip === ip ||
        (input.match.kind === 'nodePort' &&
          candidate.kind === 'nodePort' &&
          addresses.includes(candidate.ip) &&
          addresses.includes(ip))),
  );
  const name = `${rules.protocol}  ${ip}:${port}`;
  const real = server ? sortedRealServers(server) : [];
  if (!server || real.length === 0) {
    return {
      ok: false,
      error: 'refused',
      detail: `virtual server ${name} has no real servers`,
      hop: hopFor(input, name, false),
    };
  }
  const key = virtualServerKey(input.node.name, server);
  const endpoint = choose(state, `${key}|${input.clientIp}`, server.persistentSeconds, real, input.now, () =>
    nextRoundRobin(state, key, real.length),
  );
  if (!endpoint)
    return {
      ok: false,
      error: 'refused',
      detail: `virtual server ${name} chose nothing`,
      hop: hopFor(input, name, false),
    };
  const masquerade =
    input.match.kind === 'clusterIP'
      ? !cidrContains(clusterCidr(view), input.clientIp)
      : !rules.policies.externalLocal || input.origin === 'local-node';
  return finish(view, input, endpoint, masquerade, name);
}

/** The endpoint the node's kube-proxy rules send the packet to, or why none. */
export function routeThroughService(view: NetworkView, state: NetworkState, input: RoutingInput): Routed {
  return input.mode === 'ipvs' ? routeIpvs(view, state, input) : routeIptables(view, state, input);
}
