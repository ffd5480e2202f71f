// What answers on a node's own addresses: the daemons every kubeadm node runs
// (sshd, the kubelet, kube-proxy's health check), the control plane's static
// pods on the control-plane node (their manifests bind some ports to
// 127.0.0.1 only), hostNetwork pods' servers, and hostPort mappings the CNI
// portmap plugin installs (DNAT to the pod).
import type { KubeObject } from '../api/objects';
import { podSpec } from '../registry/pod';
import { listenerOn, type PodListener } from './listeners';
import { hostNetworkPods, podHasNetwork, type NetworkView, type NodeView } from './view';

export interface HostDaemon {
  port: number;
  protocol: string;
  process: string;
  /** Bound to 127.0.0.1 only. */
  loopbackOnly: boolean;
}

const EVERY_NODE: HostDaemon[] = [
  { port: 22, protocol: 'TCP', process: 'sshd', loopbackOnly: false },
  { port: 10248, protocol: 'TCP', process: 'kubelet', loopbackOnly: true },
  { port: 10249, protocol: 'TCP', process: 'kube-proxy', loopbackOnly: true },
  { port: 10250, protocol: 'TCP', process: 'kubelet', loopbackOnly: false },
  { port: 10256, protocol: 'TCP', process: 'kube-proxy', loopbackOnly: false },
];

const CONTROL_PLANE: HostDaemon[] = [
  { port: 2379, protocol: 'TCP', process: 'etcd', loopbackOnly: false },
  { port: 2380, protocol: 'TCP', process: 'etcd', loopbackOnly: false },
  { port: 2381, protocol: 'TCP', process: 'etcd', loopbackOnly: true },
  { port: 6443, protocol: 'TCP', process: 'kube-apiserver', loopbackOnly: false },
  { port: 10257, protocol: 'TCP', process: 'kube-controller-manager', loopbackOnly: true },
  { port: 10259, protocol: 'TCP', process: 'kube-scheduler', loopbackOnly: true },
];

export type HostAnswer =
  { kind: 'daemon'; daemon: HostDaemon } | { kind: 'hostNetwork'; pod: KubeObject; listener: PodListener };

/** What listens on `port` of a node (through `loopback` or its InternalIP). */
export function hostListener(
  view: NetworkView,
  node: NodeView,
  port: number,
  protocol: string,
  loopback: boolean,
): HostAnswer | undefined {
  const daemons = node.controlPlane ? [...EVERY_NODE, ...CONTROL_PLANE] : EVERY_NODE;
  const daemon = daemons.find(
    (candidate) => candidate.port === port && candidate.protocol === protocol && (loopback || !candidate.loopbackOnly),
  );
  if (daemon) return { kind: 'daemon', daemon };
  for (const pod of hostNetworkPods(view, node.name)) {
    const listener = listenerOn(view, pod, port, protocol);
    if (listener) return { kind: 'hostNetwork', pod, listener };
  }
  return undefined;
}

export interface HostPortMapping {
  pod: KubeObject;
  containerPort: number;
}

/** The pod a hostPort on the node maps to (`ports[].hostPort` of a running pod on that node). */
export function hostPortMapping(
  view: NetworkView,
  node: NodeView,
  port: number,
  protocol: string,
): HostPortMapping | undefined {
  for (const pod of view.store.list('pods')) {
    const spec = podSpec(pod);
    if (spec.nodeName !== node.name || spec.hostNetwork || !podHasNetwork(pod)) continue;
    for (const container of spec.containers) {
      const mapped = container.ports.find((entry) => entry.hostPort === port && entry.protocol === protocol);
      if (mapped) return { pod, containerPort: mapped.containerPort };
    }
  }
  return undefined;
}
