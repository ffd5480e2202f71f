import { nodeStatusFor } from './node-status';

describe('nodeStatusFor', () => {
  it('describes a kubeadm worker as its kubelet reports it', () => {
    const status = nodeStatusFor(
      { name: 'node01', controlPlane: false },
      '192.168.1.3',
      Date.parse('2026-11-22T07:00:00Z'),
    );
    expect(status).toMatchObject({
      addresses: [
        { address: '192.168.1.3', type: 'InternalIP' },
        { address: 'node01', type: 'Hostname' },
      ],
      allocatable: { cpu: '2', 'ephemeral-storage': '18556039957', memory: '3902632Ki', pods: '110' },
      capacity: { cpu: '2', 'ephemeral-storage': '20134592Ki', memory: '4005032Ki', pods: '110' },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.32.0',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
      },
    });
    const conditions = status.conditions as Array<Record<string, string>>;
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    expect(conditions[3]).toMatchObject({
      lastHeartbeatTime: '2026-11-22T07:00:00Z',
      lastTransitionTime: '2026-11-22T07:00:00Z',
    });
    const images = status.images as Array<{ names: string[]; sizeBytes: number }>;
    expect(images.map((image) => image.names[1])).toEqual([
      'registry.k8s.io/kube-proxy:v1.32.0',
      'registry.k8s.io/coredns/coredns:v1.11.3',
      'registry.k8s.io/pause:3.10',
    ]);
  });

  it('holds the control plane images on the control plane node', () => {
    const status = nodeStatusFor({ name: 'controlplane', controlPlane: true }, '192.168.1.2', 0);
    const names = (status.images as Array<{ names: string[] }>).map((image) => image.names[1]);
    expect(names).toContain('registry.k8s.io/etcd:3.5.16-0');
    expect(names).toContain('registry.k8s.io/kube-apiserver:v1.32.0');
  });
});
