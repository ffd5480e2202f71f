// A kubeadm node's status as its kubelet (v1.32, containerd 1.7, Ubuntu
// 22.04) reports it: a 2-CPU, 4 GiB VM with kubeadm's default eviction
// thresholds taken out of allocatable, the four node conditions, its
// addresses, the images it holds, and nodeInfo. The bootstrap writes it once;
// nothing heartbeats afterwards, to keep the store quiet.
import type { NodeConfig } from '../../config';
import { formatTimestamp } from '../../runtime/clock';
import { fakeDigest, resolveImage } from '../../images';
import { sha256Hex } from '../../runtime/sha256';

export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

const KUBELET_VERSION = 'v1.32.0';
const CONTAINERD_VERSION = 'containerd://1.7.24';
const KERNEL_VERSION = '6.8.0-52-generic';
const OS_IMAGE = 'Ubuntu 22.04.5 LTS';
// 4005032Ki of RAM less evictionHard memory.available=100Mi; a 19.2 GiB disk less nodefs.available=10%.
const MEMORY_CAPACITY_KI = 4005032;
const EVICTION_MEMORY_KI = 100 * 1024;
const DISK_CAPACITY_KI = 20134592;

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** An image entry as node status lists it: the repo digest and the tag. */
export function nodeImageEntry(repository: string, tag: string, digest: string, sizeBytes: number): NodeImage {
  return { names: [`${repository}@${digest}`, `${repository}:${tag}`], sizeBytes };
}

/** An image the node holds from the start, with the catalogue's digest and size when it has the image. */
function systemImage(repository: string, tag: string, sizeBytes: number): NodeImage {
  const known = resolveImage(`${repository}:${tag}`);
  if (known.kind === 'found') return nodeImageEntry(repository, tag, known.image.digest, known.image.sizeBytes);
  return nodeImageEntry(repository, tag, fakeDigest(`${repository}:${tag}`), sizeBytes);
}

/** What kubeadm pulled onto the node: the control plane's static pods, kube-proxy, CoreDNS and pause. */
export function bootstrapImages(node: NodeConfig, kubernetesVersion = KUBELET_VERSION): NodeImage[] {
  const images = [
    systemImage('registry.k8s.io/kube-proxy', kubernetesVersion, 30_907_488),
    systemImage('registry.k8s.io/pause', '3.10', 320_368),
    systemImage('registry.k8s.io/coredns/coredns', 'v1.11.3', 18_562_039),
  ];
  if (node.controlPlane) {
    images.push(
      systemImage('registry.k8s.io/etcd', '3.5.16-0', 57_680_541),
      systemImage('registry.k8s.io/kube-apiserver', kubernetesVersion, 28_671_624),
      systemImage('registry.k8s.io/kube-controller-manager', kubernetesVersion, 26_258_470),
      systemImage('registry.k8s.io/kube-scheduler', kubernetesVersion, 20_656_471),
    );
  }
  return sortImages(images);
}

/** The kubelet lists images largest first. */
export function sortImages(images: NodeImage[]): NodeImage[] {
  return [...images].sort((a, b) => b.sizeBytes - a.sizeBytes);
}

function condition(type: string, status: string, reason: string, message: string, at: string): Record<string, string> {
  return { lastHeartbeatTime: at, lastTransitionTime: at, message, reason, status, type };
}

export function nodeStatusFor(
  node: NodeConfig,
  internalIP: string,
  now: number,
  kubernetesVersion = KUBELET_VERSION,
): Record<string, unknown> {
  const at = formatTimestamp(now);
  const identity = sha256Hex(`kubelab-node/${node.name}`);
  const diskBytes = DISK_CAPACITY_KI * 1024;
  const resources = (memoryKi: number, disk: string): Record<string, string> => ({
    cpu: '2',
    'ephemeral-storage': disk,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${memoryKi}Ki`,
    pods: '110',
  });
  return {
    addresses: [
      { address: internalIP, type: 'InternalIP' },
      { address: node.name, type: 'Hostname' },
    ],
    // The eviction threshold is a float32 percentage (evictionapi.GetThresholdQuantity).
    allocatable: resources(
      MEMORY_CAPACITY_KI - EVICTION_MEMORY_KI,
      String(diskBytes - Math.floor(Math.fround(0.1) * diskBytes)),
    ),
    capacity: resources(MEMORY_CAPACITY_KI, `${DISK_CAPACITY_KI}Ki`),
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', at),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', at),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', at),
      condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', at),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: bootstrapImages(node, kubernetesVersion),
    nodeInfo: {
      architecture: 'amd64',
      bootID: uuidFrom(sha256Hex(`${identity}/boot`)),
      containerRuntimeVersion: CONTAINERD_VERSION,
      kernelVersion: KERNEL_VERSION,
      kubeProxyVersion: '',
      kubeletVersion: kubernetesVersion,
      machineID: identity.slice(0, 32),
      operatingSystem: 'linux',
      osImage: OS_IMAGE,
      systemUUID: uuidFrom(sha256Hex(`${identity}/system`)),
    },
  };
}
