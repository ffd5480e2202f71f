// kubeadm's static pod manifests, shortened to the fields learners inspect
// (image, command flags, probes of the API server left out).
export interface StaticPodOptions {
  nodeIP: string;
  version: string;
  podSubnet: string;
  serviceSubnet: string;
}

function manifest(name: string, image: string, command: string[]): string {
  const flags = command.map((flag) => `    - ${flag}\n`).join('');
  return `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    component: ${name}
    tier: control-plane
  name: ${name}
  namespace: kube-system
spec:
  containers:
  - command:
${flags}    image: ${image}
    imagePullPolicy: IfNotPresent
    name: ${name}
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
status: {}
`;
}

export function staticPodManifests(options: StaticPodOptions): Record<string, string> {
  const { nodeIP, version } = options;
  return {
    'etcd.yaml': manifest('etcd', 'registry.k8s.io/etcd:3.5.16-0', [
      'etcd',
      `--advertise-client-urls=https://${nodeIP}:2379`,
      '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
      '--client-cert-auth=true',
      '--data-dir=/var/lib/etcd',
      `--listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379`,
      '--key-file=/etc/kubernetes/pki/etcd/server.key',
      '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    ]),
    'kube-apiserver.yaml': manifest('kube-apiserver', `registry.k8s.io/kube-apiserver:${version}`, [
      'kube-apiserver',
      `--advertise-address=${nodeIP}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--enable-admission-plugins=NodeRestriction',
      '--etcd-servers=https://127.0.0.1:2379',
      '--secure-port=6443',
      `--service-cluster-ip-range=${options.serviceSubnet}`,
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ]),
    'kube-controller-manager.yaml': manifest(
      'kube-controller-manager',
      `registry.k8s.io/kube-controller-manager:${version}`,
      [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        `--cluster-cidr=${options.podSubnet}`,
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        `--service-cluster-ip-range=${options.serviceSubnet}`,
        '--use-service-account-credentials=true',
      ],
    ),
    'kube-scheduler.yaml': manifest('kube-scheduler', `registry.k8s.io/kube-scheduler:${version}`, [
      'kube-scheduler',
      '--bind-address=127.0.0.1',
      '--kubeconfig=/etc/kubernetes/scheduler.conf',
      '--leader-elect=true',
    ]),
  };
}
