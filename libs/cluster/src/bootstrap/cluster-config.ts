// A lab's cluster options resolved against kubeadm's defaults.
import { DEFAULT_QUOTAS, nodeNames, type ClusterConfig, type ClusterOptions } from '../config';

export function resolveConfig(options: ClusterOptions): ClusterConfig {
  const nodes = Array.isArray(options.nodes) ? options.nodes : nodeNames(Math.max(1, options.nodes ?? 2));
  return {
    nodes,
    // 192.168.1.0/24, as the course texts' kubeadm clusters (controlplane 192.168.1.2).
    nodeNetworkOctet: options.nodeNetworkOctet ?? 1,
    serviceCidr: '10.96.0.0/12',
    podCidr: '10.244.0.0/16',
    nodePortRange: { min: 30000, max: 32767 },
    kubeProxyMode: options.kubeProxyMode ?? 'iptables',
    loadBalancer: {
      enabled: options.loadBalancer?.enabled ?? false,
      addressPool: options.loadBalancer?.addressPool ?? [
        '203.0.113.10',
        '203.0.113.11',
        '203.0.113.12',
        '203.0.113.13',
      ],
    },
    quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
    clusterDomain: 'cluster.local',
    kubernetesVersion: 'v1.32.0',
  };
}
