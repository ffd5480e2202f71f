// Where a connection starts and what the name it was given stands for there:
// pods resolve through their resolv.conf (only they know cluster names),
// nodes through the host resolver (/etc/hosts names the nodes, upstream DNS
// the rest), machines outside through the outside world's DNS.
import type { KubeObject } from '../api/objects';
import { podIP, podSpec } from '../registry/pod';
import { isIPv4 } from './addresses';
import type { ConnectRequest, ConnectResult, Hop } from './connect-types';
import { failure } from './deliver';
import { resolve } from './dns';
import { outsideLookup } from './outside';
import { podDnsSource } from './resolv-conf';
import {
  clusterNodes,
  externalClientAddress,
  nodeNamed,
  podHasNetwork,
  sourceAddressToward,
  type NetworkView,
  type NodeView,
} from './view';

export interface Source {
  /** hostNetwork pods send as their node does. */
  kind: 'pod' | 'node' | 'external';
  /** The node the packet starts on (pods and nodes). */
  node: NodeView | undefined;
  pod: KubeObject | undefined;
  /** The source address before any NAT (a node's depends on the destination). */
  address: (destination: string) => string;
}

export function sourceOf(view: NetworkView, request: ConnectRequest): Source | string {
  const from = request.from;
  if (from.kind === 'external') {
    const address = from.address ?? externalClientAddress(view);
    return { kind: 'external', node: undefined, pod: undefined, address: () => address };
  }
  if (from.kind === 'node') {
    const node = nodeNamed(view, from.name);
    if (!node) return `node ${from.name} not found`;
    return {
      kind: 'node',
      node,
      pod: undefined,
      address: (destination) => sourceAddressToward(view, node, destination),
    };
  }
  const pod = view.store.get('pods', from.namespace, from.name);
  if (!pod || !podHasNetwork(pod)) return `pod ${from.namespace}/${from.name} is not running`;
  const node = nodeNamed(view, podSpec(pod).nodeName);
  if (podSpec(pod).hostNetwork && node) {
    return { kind: 'node', node, pod, address: (destination) => sourceAddressToward(view, node, destination) };
  }
  const ip = podIP(pod);
  return { kind: 'pod', node, pod, address: () => ip };
}

export type Resolved = { ok: true; ip: string; via: Hop[] } | { ok: false; result: ConnectResult };

/** The address `request.host` stands for at the source (`localhost` is 127.0.0.1 everywhere). */
export function resolveHost(view: NetworkView, source: Source, request: ConnectRequest): Resolved {
  const host = request.host.replace(/\.$/, '') === 'localhost' ? '127.0.0.1' : request.host;
  if (isIPv4(host)) return { ok: true, ip: host, via: [] };
  if (source.pod) {
    const resolution = resolve(view, {
      fromPod: podDnsSource(source.pod),
      name: host,
      type: 'A',
      ...(source.node ? { node: source.node.name } : {}),
      random: request.random,
    });
    const address = resolution.answers.find((record) => record.type === 'A')?.data;
    if (resolution.status === 'NOERROR' && address) {
      return {
        ok: true,
        ip: address,
        via: [{ kind: 'dns', name: host, address, queriedName: resolution.queriedName }],
      };
    }
    const detail = resolution.status === 'timeout' ? 'DNS timed out' : `DNS answered ${resolution.status}`;
    return {
      ok: false,
      result: { ...failure('nxdomain', `Could not resolve host: ${host} (${detail})`, []), resolution },
    };
  }
  if (source.kind === 'node') {
    const node = clusterNodes(view).find((candidate) => candidate.name === host.toLowerCase());
    if (node) return { ok: true, ip: node.internalIP, via: [] };
  }
  const address = outsideLookup(`${host}.`, 'A').answers[0]?.data;
  if (address) return { ok: true, ip: address, via: [{ kind: 'dns', name: host, address, queriedName: `${host}.` }] };
  return { ok: false, result: failure('nxdomain', `Could not resolve host: ${host}`, []) };
}
