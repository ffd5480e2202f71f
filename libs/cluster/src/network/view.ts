// What the dataplane is computed from: a read-only view of the API state and
// the cluster's configuration, with typed readers for nodes, pods and the
// add-ons (kube-dns, kube-proxy's ConfigMap) the network model consults.
import type { KubeObject } from '../api/objects';
import type { StoreReader } from '../api/strategy';
import type { ClusterConfig, KubeProxyMode } from '../config';
import { podIP, podSpec, podStatus } from '../registry/pod';
import { record, records, text } from '../registry/pod/json';
import { serviceSpec } from '../registry/service';
import { cidrContains, networkAddress, nthAddress } from './addresses';

export interface NetworkView {
  readonly store: Pick<StoreReader, 'get' | 'list'>;
  readonly config: ClusterConfig;
}

export function networkView(store: Pick<StoreReader, 'get' | 'list'>, config: ClusterConfig): NetworkView {
  return { store, config };
}

export interface NodeView {
  name: string;
  internalIP: string;
  /** The node's share of the pod network (`10.244.1.0/24`). */
  podCIDR: string;
  /** `node.kubernetes.io/exclude-from-external-load-balancers`: cloud load balancers skip the node. */
  excludedFromLoadBalancers: boolean;
  /** Runs the control plane's static pods (kube-apiserver, etcd, ...). */
  controlPlane: boolean;
}

export function clusterNodes(view: NetworkView): NodeView[] {
  return view.store.list('nodes').map((node) => {
    const addresses = records(record(node.status).addresses);
    const internal = addresses.find((entry) => entry.type === 'InternalIP');
    const labels = node.metadata.labels ?? {};
    return {
      name: node.metadata.name ?? '',
      internalIP: text(internal?.address),
      podCIDR: text(record(node.spec).podCIDR),
      excludedFromLoadBalancers: 'node.kubernetes.io/exclude-from-external-load-balancers' in labels,
      controlPlane: 'node-role.kubernetes.io/control-plane' in labels,
    };
  });
}

export function nodeNamed(view: NetworkView, name: string): NodeView | undefined {
  return clusterNodes(view).find((node) => node.name === name);
}

/** The node whose InternalIP this is. */
export function nodeWithAddress(view: NetworkView, ip: string): NodeView | undefined {
  return clusterNodes(view).find((node) => node.internalIP === ip);
}

/** The node whose pod CIDR holds the address. */
export function nodeForPodAddress(view: NetworkView, ip: string): NodeView | undefined {
  return clusterNodes(view).find((node) => node.podCIDR !== '' && cidrContains(node.podCIDR, ip));
}

/** cni0, the bridge pods on the node hang off: the first host address of its pod CIDR. */
export function bridgeAddress(node: NodeView): string {
  return nthAddress(node.podCIDR, 1);
}

/** flannel.1, the node's VXLAN interface toward other nodes' pods: the network address of its pod CIDR. */
export function tunnelAddress(node: NodeView): string {
  return networkAddress(node.podCIDR);
}

/**
 * The source address a node's kernel picks toward `destination` (and what
 * MASQUERADE rewrites to): cni0 for its own pods, flannel.1 for other nodes'
 * pods, its InternalIP otherwise.
 */
export function sourceAddressToward(view: NetworkView, node: NodeView, destination: string): string {
  if (node.podCIDR && cidrContains(node.podCIDR, destination)) return bridgeAddress(node);
  if (node.podCIDR && nodeForPodAddress(view, destination)) return tunnelAddress(node);
  return node.internalIP;
}

/**
 * Whether the pod's sandbox holds its address: Running (terminating ones
 * too), or Pending once the network is set up while containers start.
 */
export function podHasNetwork(pod: Readonly<KubeObject>): boolean {
  const status = podStatus(pod);
  return (status.phase === 'Running' || status.phase === 'Pending') && podIP(pod) !== '';
}

/** Pods holding `ip` in their own network namespace (hostNetwork pods share their node's address). */
export function podsWithAddress(view: NetworkView, ip: string): KubeObject[] {
  return view.store.list('pods').filter((pod) => podIP(pod) === ip && !podSpec(pod).hostNetwork && podHasNetwork(pod));
}

/** hostNetwork pods running on a node: their processes listen on the node's addresses. */
export function hostNetworkPods(view: NetworkView, nodeName: string): KubeObject[] {
  return view.store.list('pods').filter((pod) => {
    const spec = podSpec(pod);
    return spec.hostNetwork && spec.nodeName === nodeName && podHasNetwork(pod);
  });
}

/** The kube-dns Service's ClusterIP, the nameserver of ClusterFirst pods (the kubelet's clusterDNS). */
export function kubeDnsAddress(view: NetworkView): string {
  const service = view.store.get('services', 'kube-system', 'kube-dns');
  const clusterIP = service ? serviceSpec(service).clusterIP : '';
  return clusterIP && clusterIP !== 'None' ? clusterIP : nthAddress(view.config.serviceCidr, 10);
}

/** The resolver of the nodes' network (systemd-resolved's upstream): the gateway of the node subnet. */
export function upstreamResolver(view: NetworkView): string {
  return `192.168.${view.config.nodeNetworkOctet}.1`;
}

/** Where traffic from outside the cluster comes from: a machine on the nodes' subnet. */
export function externalClientAddress(view: NetworkView): string {
  return `192.168.${view.config.nodeNetworkOctet}.100`;
}

/**
 * kube-proxy's mode as its ConfigMap says (`mode: ""` is iptables). kube-proxy
 * reads it when it starts; see `proxyModeFor` in state.ts for the restart rule.
 */
export function configuredProxyMode(view: NetworkView): KubeProxyMode {
  const configMap = view.store.get('configmaps', 'kube-system', 'kube-proxy');
  const conf = text(record(configMap?.data)['config.conf']);
  if (!configMap) return view.config.kubeProxyMode;
  const match = /^mode:\s*(.*)$/m.exec(conf);
  const mode = (match?.[1] ?? '').trim().replace(/^["']|["']$/g, '');
  return mode === 'ipvs' ? 'ipvs' : 'iptables';
}

/** The cluster CIDR kube-proxy's local-traffic detector uses (`clusterCIDR` of its config). */
export function clusterCidr(view: NetworkView): string {
  const configMap = view.store.get('configmaps', 'kube-system', 'kube-proxy');
  const conf = text(record(configMap?.data)['config.conf']);
  const match = /^clusterCIDR:\s*(\S+)\s*$/m.exec(conf);
  return match?.[1] ?? view.config.podCidr;
}

/** The kube-proxy pod of a node (DaemonSet `kube-proxy` in kube-system). */
export function kubeProxyPod(view: NetworkView, nodeName: string): KubeObject | undefined {
  return view.store
    .list('pods', 'kube-system')
    .find((pod) => pod.metadata.labels?.['k8s-app'] === 'kube-proxy' && podSpec(pod).nodeName === nodeName);
}
