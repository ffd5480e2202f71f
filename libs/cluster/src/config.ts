// What a lab may choose about its cluster, with the defaults of a kubeadm
// cluster as learners meet it in exams.

export type KubeProxyMode = 'iptables' | 'ipvs';

export interface NodeConfig {
  name: string;
  controlPlane: boolean;
}

export interface QuotaLimits {
  /** Objects of all kinds in the sandbox. */
  objects: number;
  pods: number;
  /** `spec.replicas` of one workload. */
  replicas: number;
  /** Bytes of one object as JSON. */
  objectBytes: number;
}

export interface LoadBalancerConfig {
  /** A simulated cloud provider assigns these addresses to LoadBalancer Services in order. */
  enabled: boolean;
  addressPool: string[];
}

export interface ClusterConfig {
  nodes: NodeConfig[];
  /** Third octet of the nodes' 192.168.x.0/24 network. */
  nodeNetworkOctet: number;
  serviceCidr: string;
  podCidr: string;
  nodePortRange: { min: number; max: number };
  kubeProxyMode: KubeProxyMode;
  loadBalancer: LoadBalancerConfig;
  quotas: QuotaLimits;
  clusterDomain: string;
  kubernetesVersion: string;
}

export const DEFAULT_QUOTAS: QuotaLimits = { objects: 2000, pods: 100, replicas: 50, objectBytes: 256 * 1024 };

export interface ClusterOptions {
  /** Seeds every random choice; the same seed and commands give the same cluster. */
  seed?: string | number;
  /** Node count (default 2: controlplane, node01) or explicit nodes. */
  nodes?: number | NodeConfig[];
  kubeProxyMode?: KubeProxyMode;
  loadBalancer?: Partial<LoadBalancerConfig>;
  quotas?: Partial<QuotaLimits>;
  nodeNetworkOctet?: number;
}

export function nodeNames(count: number): NodeConfig[] {
  const nodes: NodeConfig[] = [{ name: 'controlplane', controlPlane: true }];
  for (let i = 1; i < count; i++) nodes.push({ name: `node${String(i).padStart(2, '0')}`, controlPlane: false });
  return nodes;
}
