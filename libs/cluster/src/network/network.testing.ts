// A cluster for the network specs: three nodes (controlplane, node01,
// node02) as kubeadm labels them, the kubernetes and kube-dns Services with
// running CoreDNS pods, kube-proxy's ConfigMap, and helpers to run pods,
// create Services and write EndpointSlices by hand (no controllers run).
import type { KubeObject, Status } from '../api/objects';
import { RESOURCES, type ResourceRef } from '../api/resource-refs';
import { corednsConfigMap, kubeDnsService, kubeProxyConfigMap, kubernetesService } from '../bootstrap/system-manifests';
import type { ClusterOptions } from '../config';
import { nodeStatusFor } from '../controllers/kubelet/node-status';
import {
  configMapDefinition,
  endpointSliceDefinition,
  namespaceDefinition,
  nodeDefinition,
  secretDefinition,
} from '../registry/core-kinds';
import { podDefinition } from '../registry/pod';
import { serviceDefinition } from '../registry/service';
import { SeededRandom } from '../runtime/random';
import { formatTimestamp } from '../runtime/clock';
import { createTestServer, type TestServer } from '../testing/test-server.testing';
import { emptyNetworkState, type NetworkState } from './state';
import { networkView, type NetworkView } from './view';

export interface PodSetup {
  namespace?: string;
  node?: string;
  ip: string;
  image?: string;
  labels?: Record<string, string>;
  ready?: boolean;
  hostname?: string;
  subdomain?: string;
  command?: string[];
  env?: Array<{ name: string; value: string }>;
  ports?: Array<Record<string, unknown>>;
  hostNetwork?: boolean;
  dnsPolicy?: string;
  dnsConfig?: Record<string, unknown>;
  /** Leave the containers waiting (not started). */
  notRunning?: boolean;
}

export interface SliceEndpoint {
  ip: string;
  node?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  hostname?: string;
  pod?: string;
}

export interface NetworkTest extends TestServer {
  view: NetworkView;
  state: NetworkState;
  random: SeededRandom;
  call(
    verb: 'create' | 'update',
    ref: ResourceRef,
    namespace: string | undefined,
    body: KubeObject,
    subresource?: string,
  ): KubeObject;
  runPod(name: string, setup: PodSetup): KubeObject;
  service(name: string, spec: Record<string, unknown>, namespace?: string): KubeObject;
  setLoadBalancer(name: string, ip: string, namespace?: string): void;
  slice(
    service: string,
    endpoints: SliceEndpoint[],
    ports: Array<Record<string, unknown>>,
    namespace?: string,
  ): KubeObject;
}

const NODES = [
  { name: 'controlplane', ip: '192.168.1.2', cidr: '10.244.0.0/24', controlPlane: true },
  { name: 'node01', ip: '192.168.1.3', cidr: '10.244.1.0/24', controlPlane: false },
  { name: 'node02', ip: '192.168.1.4', cidr: '10.244.2.0/24', controlPlane: false },
];

function nodeObject(node: (typeof NODES)[number]): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux' };
  if (node.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, labels },
    spec: { podCIDR: node.cidr, podCIDRs: [node.cidr] },
  };
}

export function networkTest(options: ClusterOptions = {}): NetworkTest {
  const test = createTestServer({
    definitions: [
      namespaceDefinition,
      nodeDefinition,
      podDefinition,
      serviceDefinition,
      endpointSliceDefinition,
      configMapDefinition,
      secretDefinition,
    ],
    options,
  });
  const config = test.server.config;
  const call: NetworkTest['call'] = (verb, ref, namespace, body, subresource) => {
    const response = test.request({
      verb,
      ...ref,
      ...(namespace ? { namespace } : {}),
      ...(verb === 'update' ? { name: body.metadata.name ?? '' } : {}),
      ...(subresource ? { subresource } : {}),
      body,
    });
    if (response.status >= 400) throw new Error((response.body as Status).message);
    return response.body as KubeObject;
  };
  for (const name of ['default', 'kube-system', 'prod']) {
    call('create', RESOURCES.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (const node of NODES) {
    const created = call('create', RESOURCES.nodes, undefined, nodeObject(node));
    const withStatus = test.client.copy(created);
    withStatus.status = nodeStatusFor({ name: node.name, controlPlane: node.controlPlane }, node.ip, test.now());
    call('update', RESOURCES.nodes, undefined, withStatus, 'status');
  }
  call('create', RESOURCES.configmaps, 'kube-system', kubeProxyConfigMap(config));
  call('create', RESOURCES.configmaps, 'kube-system', corednsConfigMap());
  call('create', RESOURCES.services, 'default', kubernetesService('10.96.0.1'));
  call('create', RESOURCES.services, 'kube-system', kubeDnsService('10.96.0.10'));

  const runPod: NetworkTest['runPod'] = (name, setup) => {
    const namespace = setup.namespace ?? 'default';
    const container: Record<string, unknown> = { name: 'main', image: setup.image ?? 'nginx:1.27' };
    if (setup.command) container.command = setup.command;
    if (setup.env) container.env = setup.env;
    if (setup.ports) container.ports = setup.ports;
    const spec: Record<string, unknown> = { containers: [container], nodeName: setup.node ?? 'node01' };
    for (const key of ['hostname', 'subdomain', 'hostNetwork', 'dnsPolicy', 'dnsConfig'] as const) {
      if (setup[key] !== undefined) spec[key] = setup[key];
    }
    const created = call('create', RESOURCES.pods, namespace, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: setup.labels ?? { app: name } },
      spec,
    });
    const copy = test.client.copy(created);
    const now = formatTimestamp(test.now());
    const ready = setup.ready ?? true;
    copy.status = {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now }],
      podIP: setup.ip,
      podIPs: [{ ip: setup.ip }],
      hostIP: NODES.find((node) => node.name === (setup.node ?? 'node01'))?.ip ?? '',
      startTime: now,
      containerStatuses: [
        {
          name: 'main',
          image: String(container.image),
          imageID: '',
          ready,
          restartCount: 0,
          started: !setup.notRunning,
          state: setup.notRunning ? { waiting: { reason: 'ContainerCreating' } } : { running: { startedAt: now } },
          lastState: {},
        },
      ],
    };
    return call('update', RESOURCES.pods, namespace, copy, 'status');
  };

  // CoreDNS, as kubeadm runs it, and the slices the controller would write.
  for (const [name, ip] of [
    ['coredns-668d6bf9bc-4xk8p', '10.244.0.2'],
    ['coredns-668d6bf9bc-l9vjt', '10.244.0.3'],
  ] as const) {
    runPod(name, {
      namespace: 'kube-system',
      node: 'controlplane',
      ip,
      image: 'registry.k8s.io/coredns/coredns:v1.11.3',
      labels: { 'k8s-app': 'kube-dns' },
      dnsPolicy: 'Default',
    });
  }

  const slice: NetworkTest['slice'] = (service, endpoints, ports, namespace = 'default') =>
    call('create', RESOURCES.endpointslices, namespace, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${service}-`, namespace, labels: { 'kubernetes.io/service-name': service } },
      addressType: 'IPv4',
      endpoints: endpoints.map((endpoint) => {
        const entry: Record<string, unknown> = {
          addresses: [endpoint.ip],
          conditions: {
            ready: endpoint.ready ?? true,
            serving: endpoint.serving ?? endpoint.ready ?? true,
            terminating: endpoint.terminating ?? false,
          },
        };
        if (endpoint.node) entry.nodeName = endpoint.node;
        if (endpoint.hostname) entry.hostname = endpoint.hostname;
        if (endpoint.pod) entry.targetRef = { kind: 'Pod', name: endpoint.pod, namespace };
        return entry;
      }),
      ports,
    });
  slice(
    'kube-dns',
    [
      { ip: '10.244.0.2', node: 'controlplane', pod: 'coredns-668d6bf9bc-4xk8p' },
      { ip: '10.244.0.3', node: 'controlplane', pod: 'coredns-668d6bf9bc-l9vjt' },
    ],
    [
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ],
    'kube-system',
  );
  slice('kubernetes', [{ ip: '192.168.1.2' }], [{ name: 'https', port: 6443, protocol: 'TCP' }]);

  return {
    ...test,
    view: networkView(test.server.store, config),
    state: emptyNetworkState(),
    random: SeededRandom.fromSeed('network'),
    call,
    runPod,
    slice,
    service: (name, spec, namespace = 'default') =>
      call('create', RESOURCES.services, namespace, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace },
        spec,
      }),
    setLoadBalancer(name, ip, namespace = 'default') {
      const service = test.client.get(RESOURCES.services, namespace, name);
      if (!service) throw new Error(`no service ${name}`);
      const copy = test.client.copy(service);
      copy.status = { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
      call('update', RESOURCES.services, namespace, copy, 'status');
    },
  };
}
