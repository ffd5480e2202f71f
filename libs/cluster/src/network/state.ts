// What the dataplane remembers between connections, as the nodes' kernels
// do: IPVS round-robin positions, ClientIP affinity entries (the iptables
// `recent` lists and IPVS persistence templates, per node, expiring on the
// simulated clock), connection counters of the pods' servers, and the mode
// each node's kube-proxy started in. Plain JSON, so a cluster snapshot can
// carry it.
import type { KubeProxyMode } from '../config';
import { configuredProxyMode, kubeProxyPod, type NetworkView } from './view';

export interface AffinityEntry {
  /** `ip:port` of the endpoint the client is pinned to. */
  endpoint: string;
  /** Epoch ms of the last connection through it; the pin holds for the timeout after that. */
  lastSeen: number;
}

export interface NetworkState {
  /** Next real server index, per `node|protocol|vip:port`. */
  roundRobin: Record<string, number>;
  /** Per `node|chain-or-virtual-server|clientIP`. */
  affinity: Record<string, AffinityEntry>;
  /** Connections served, per pod uid (nginx numbers them in its error log). */
  connections: Record<string, number>;
  /** The mode each node's kube-proxy read from its ConfigMap when it started, with that pod's uid. */
  proxyModes: Record<string, { podUid: string; mode: KubeProxyMode }>;
}

export function emptyNetworkState(): NetworkState {
  return { roundRobin: {}, affinity: {}, connections: {}, proxyModes: {} };
}

/**
 * The mode kube-proxy on `nodeName` runs in: the ConfigMap is read when the
 * kube-proxy pod starts, so an edited `mode` takes effect only once the pod is
 * replaced (its uid changes), as on a real cluster.
 */
export function proxyModeFor(view: NetworkView, state: NetworkState, nodeName: string): KubeProxyMode {
  const pod = kubeProxyPod(view, nodeName);
  const uid = pod?.metadata.uid ?? '';
  const known = state.proxyModes[nodeName];
  if (known && (known.podUid === uid || uid === '')) return known.mode;
  const mode = configuredProxyMode(view);
  if (uid !== '') state.proxyModes[nodeName] = { podUid: uid, mode };
  return mode;
}

/** The endpoint a client is pinned to, if the pin is still fresh. */
export function pinnedEndpoint(
  state: NetworkState,
  key: string,
  timeoutSeconds: number,
  now: number,
): string | undefined {
  const entry = state.affinity[key];
  if (!entry) return undefined;
  if (now - entry.lastSeen > timeoutSeconds * 1000) {
    delete state.affinity[key];
    return undefined;
  }
  return entry.endpoint;
}

export function pin(state: NetworkState, key: string, endpoint: string, now: number): void {
  state.affinity[key] = { endpoint, lastSeen: now };
}

/** The next round-robin index for a virtual server with `count` real servers. */
export function nextRoundRobin(state: NetworkState, key: string, count: number): number {
  const position = state.roundRobin[key] ?? 0;
  state.roundRobin[key] = (position + 1) % Math.max(count, 1);
  return position % Math.max(count, 1);
}

/** Counts one more connection served by a pod: the number of this one (1 for the first). */
export function countConnection(state: NetworkState, podUid: string): number {
  const next = (state.connections[podUid] ?? 0) + 1;
  state.connections[podUid] = next;
  return next;
}
