// Builds a fresh cluster as kubeadm leaves one: created some time ago, its
// system pods long since running, through the same API as everything else.
import type { KubeObject } from '../api/objects';
import { RESOURCES, type ResourceRef } from '../api/resource-refs';
import type { ClusterConfig } from '../config';
import { nodeStatusFor } from '../controllers/kubelet/node-status';
import type { InternalClient } from '../controllers/internal-client';
import type { ControllerRuntime } from '../controllers/runtime';
import type { SimulatedClock } from '../runtime/clock';
import { nthAddress } from '../network/addresses';
import {
  corednsConfigMap,
  corednsDeployment,
  KUBE_DNS_IP_INDEX,
  kubeDnsService,
  kubeProxyConfigMap,
  kubeProxyDaemonSet,
  kubernetesService,
  serviceAccount,
} from './system-manifests';

/** How long before the learner arrives the cluster was set up; its bootstrap events have expired. */
export const CLUSTER_AGE_MS = 3 * 60 * 60 * 1000;

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function nodeInternalIP(config: ClusterConfig, index: number): string {
  return `192.168.${config.nodeNetworkOctet}.${index + 2}`;
}

export function bootstrapCluster(
  client: InternalClient,
  runtime: ControllerRuntime,
  clock: SimulatedClock,
  config: ClusterConfig,
): void {
  const start = clock.now() - CLUSTER_AGE_MS;
  clock.pinned(start, () => {
    const create = (ref: ResourceRef, object: KubeObject): KubeObject => client.create(ref, object);
    for (const name of SYSTEM_NAMESPACES) {
      create(RESOURCES.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    config.nodes.forEach((node, index) => {
      const created = create(RESOURCES.nodes, nodeObject(config, index));
      const withStatus = client.copy(created);
      withStatus.status = nodeStatusFor(node, nodeInternalIP(config, index), clock.now());
      client.updateStatus(RESOURCES.nodes, withStatus);
    });
    create(RESOURCES.services, kubernetesService(nthAddress(config.serviceCidr, 1)));
    publishApiServerEndpoints(client, nodeInternalIP(config, 0));
    for (const name of ['coredns', 'kube-proxy'])
      create(RESOURCES.serviceaccounts, serviceAccount('kube-system', name));
    create(RESOURCES.configmaps, corednsConfigMap());
    create(RESOURCES.configmaps, kubeProxyConfigMap(config));
    create(RESOURCES.services, kubeDnsService(nthAddress(config.serviceCidr, KUBE_DNS_IP_INDEX)));
    create(RESOURCES.deployments, corednsDeployment());
    create(RESOURCES.daemonsets, kubeProxyDaemonSet(config));
    runtime.drain();
  });
}

function nodeObject(config: ClusterConfig, index: number): KubeObject {
  const node = config.nodes[index];
  const name = node?.name ?? `node${index}`;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  const spec: Record<string, unknown> = {
    podCIDR: `10.244.${index}.0/24`,
    podCIDRs: [`10.244.${index}.0/24`],
  };
  if (node?.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
  };
}

/** What kube-apiserver's endpoint reconciler publishes for the `kubernetes` Service. */
function publishApiServerEndpoints(client: InternalClient, address: string): void {
  client.create(RESOURCES.endpoints, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip: address }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  client.create(RESOURCES.endpointslices, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [address], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}
