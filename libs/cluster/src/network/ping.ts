// Whether an ICMP echo gets an answer (`ping`): hosts answer, pods and nodes
// alike; Service VIPs do not in iptables mode, where they exist only as
// DNAT rules for their ports, but do in ipvs mode, where kube-proxy binds
// them to the kube-ipvs0 dummy interface of every node.
import type { ConnectSource } from './connect-types';
import { virtualServers } from './ipvs';
import { isOutsideHost } from './outside';
import { proxyModeFor, type NetworkState } from './state';
import { configuredProxyMode, nodeNamed, nodeWithAddress, podsWithAddress, type NetworkView } from './view';
import { podSpec } from '../registry/pod';

export function pingable(view: NetworkView, from: ConnectSource, ip: string, state?: NetworkState): boolean {
  if (ip.startsWith('127.')) return from.kind !== 'external';
  if (nodeWithAddress(view, ip) || isOutsideHost(ip)) return true;
  if (from.kind === 'external') return false;
  if (podsWithAddress(view, ip).length > 0) return true;
  const pod = from.kind === 'pod' ? view.store.get('pods', from.namespace, from.name) : undefined;
  const nodeName = from.kind === 'node' ? from.name : pod ? podSpec(pod).nodeName : '';
  if (!nodeNamed(view, nodeName)) return false;
  const mode = state ? proxyModeFor(view, state, nodeName) : configuredProxyMode(view);
  return (
    mode === 'ipvs' && virtualServers(view, nodeName).some((server) => server.ip === ip && server.kind !== 'nodePort')
  );
}
