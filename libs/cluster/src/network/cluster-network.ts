// The dataplane as a sandbox's callers see it (the shell's curl, nslookup,
// ping; the grader's reachability checks): the network functions bound to the
// cluster's current state, its clock, its randomness and the kubelet's logs.
import { apiErrors } from '../api/errors';
import type { KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import type { StoreReader } from '../api/strategy';
import type { ClusterConfig } from '../config';
import type { SimulatedClock } from '../runtime/clock';
import type { SeededRandom } from '../runtime/random';
import { connect } from './connect';
import type { ConnectRequest, ConnectResult, ConnectSource, LogSink } from './connect-types';
import { resolve, type ResolveRequest, type ResolveResult } from './dns';
import { iptablesSave, type IptablesTable } from './iptables-save';
import { ipvsadmList } from './ipvs';
import { pingable } from './ping';
import { podDnsSource, resolvConf } from './resolv-conf';
import { proxyModeFor, type NetworkState } from './state';
import { networkView, type NetworkView } from './view';

export interface NetworkParts {
  store: Pick<StoreReader, 'get' | 'list'>;
  config: ClusterConfig;
  clock: SimulatedClock;
  random: SeededRandom;
  state: NetworkState;
  logs: () => LogSink | undefined;
  /** Brings the cluster up to the current time before a question is answered. */
  settle: () => void;
}

export type ClusterConnectRequest = Omit<ConnectRequest, 'random' | 'now' | 'logs'>;

export interface ClusterResolveRequest extends Omit<ResolveRequest, 'fromPod' | 'random'> {
  /** The querying pod by namespace and name; without one, a question straight to cluster DNS. */
  fromPod?: { namespace: string; name: string };
}

export class ClusterNetwork {
  constructor(private readonly parts: NetworkParts) {}

  get state(): NetworkState {
    return this.parts.state;
  }

  /** A TCP/UDP connection (and optionally one HTTP exchange) from a pod, a node or outside. */
  connect(request: ClusterConnectRequest): ConnectResult {
    this.parts.settle();
    const logs = this.parts.logs();
    return connect(this.view(), this.parts.state, {
      ...request,
      random: this.parts.random,
      now: this.parts.clock.now(),
      ...(logs ? { logs } : {}),
    });
  }

  /** A DNS question as the pod's resolver asks it (search list, ndots), or straight to CoreDNS. */
  resolve(request: ClusterResolveRequest): ResolveResult {
    this.parts.settle();
    const { fromPod, ...rest } = request;
    const source = fromPod ? podDnsSource(this.pod(fromPod.namespace, fromPod.name)) : undefined;
    const node = fromPod ? this.nodeOf(fromPod.namespace, fromPod.name) : rest.node;
    return resolve(this.view(), {
      ...rest,
      ...(source ? { fromPod: source } : {}),
      ...(node ? { node } : {}),
      random: this.parts.random,
    });
  }

  /** Whether ICMP echo to `ip` is answered from `from` (pods and nodes yes; ClusterIPs only under ipvs). */
  ping(from: ConnectSource, ip: string): boolean {
    this.parts.settle();
    return pingable(this.view(), from, ip, this.parts.state);
  }

  /** `/etc/resolv.conf` inside a pod. */
  resolvConf(namespace: string, name: string): string {
    const kubeDns = this.parts.store.get(keyOf(RESOURCES.services), 'kube-system', 'kube-dns');
    const ip = (kubeDns?.spec as { clusterIP?: string } | undefined)?.clusterIP ?? '';
    return resolvConf(this.pod(namespace, name), this.parts.config, ip);
  }

  /** `iptables-save` on a node. */
  iptablesSave(node: string, table?: IptablesTable): string {
    this.parts.settle();
    return iptablesSave(this.view(), node, { now: this.parts.clock.now(), ...(table ? { table } : {}) });
  }

  /** `ipvsadm -Ln` on a node (empty tables when its kube-proxy runs in iptables mode). */
  ipvsadm(node: string): string {
    this.parts.settle();
    return ipvsadmList(this.view(), node, proxyModeFor(this.view(), this.parts.state, node));
  }

  private view(): NetworkView {
    return networkView(this.parts.store, this.parts.config);
  }

  private pod(namespace: string, name: string): Readonly<KubeObject> {
    const pod = this.parts.store.get(keyOf(RESOURCES.pods), namespace, name);
    if (!pod) throw apiErrors.notFound({ group: '', resource: 'pods' }, name);
    return pod;
  }

  private nodeOf(namespace: string, name: string): string | undefined {
    const nodeName = (this.pod(namespace, name).spec as { nodeName?: string } | undefined)?.nodeName;
    return nodeName || undefined;
  }
}
