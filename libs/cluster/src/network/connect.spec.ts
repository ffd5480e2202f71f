import { ContainerLogBuffer } from '../controllers/kubelet/logs';
import { connect } from './connect';
import type { ConnectRequest, ConnectResult, ConnectSource } from './connect-types';
import { networkTest, type NetworkTest } from './network.testing';
import { pingable } from './ping';

const client: ConnectSource = { kind: 'pod', namespace: 'default', name: 'client' };
const outside: ConnectSource = { kind: 'external' };

function webCluster(options: Parameters<typeof networkTest>[0] = {}, spec: Record<string, unknown> = {}): NetworkTest {
  const net = networkTest(options);
  net.runPod('client', { ip: '10.244.1.20', node: 'node01', image: 'busybox:1.36', command: ['sleep', '3600'] });
  net.runPod('web-1', { ip: '10.244.1.5', node: 'node01', labels: { app: 'web' } });
  net.runPod('web-2', { ip: '10.244.2.6', node: 'node02', labels: { app: 'web' } });
  net.service('web', {
    type: 'NodePort',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 80, nodePort: 30080 }],
    ...spec,
  });
  net.slice(
    'web',
    [
      { ip: '10.244.1.5', node: 'node01', pod: 'web-1' },
      { ip: '10.244.2.6', node: 'node02', pod: 'web-2' },
    ],
    [{ name: '', port: 80, protocol: 'TCP' }],
  );
  return net;
}

function open(
  net: NetworkTest,
  from: ConnectSource,
  host: string,
  port: number,
  extra: Partial<ConnectRequest> = {},
): ConnectResult {
  return connect(net.view, net.state, {
    from,
    host,
    port,
    protocol: 'TCP',
    random: net.random,
    now: net.now(),
    ...extra,
  });
}

function podName(result: ConnectResult): string {
  if (!result.ok) throw new Error(`${result.error}: ${result.detail}`);
  return result.pod?.name ?? '';
}

function clusterIP(net: NetworkTest, name = 'web'): string {
  const spec = net.view.store.get('services', 'default', name)?.spec as { clusterIP: string };
  return spec.clusterIP;
}

describe('ClusterIP', () => {
  it('is reached from pods by name and address, keeping the client address', () => {
    const net = webCluster();
    const byName = open(net, client, 'web', 80);
    expect(byName).toMatchObject({
      ok: true,
      target: 'pod',
      containerPort: 80,
      snat: false,
      clientIpSeen: '10.244.1.20',
    });
    expect(byName.via[0]).toMatchObject({ kind: 'dns', name: 'web', address: clusterIP(net) });
    expect(byName.via[1]).toMatchObject({
      kind: 'service',
      namespace: 'default',
      name: 'web',
      frontend: 'clusterIP',
      node: 'node01',
    });
    expect(open(net, client, 'web.default.svc.cluster.local', 80).ok).toBe(true);
    expect(open(net, client, clusterIP(net), 80).ok).toBe(true);
  });

  it('is not reachable from outside the cluster', () => {
    const net = webCluster();
    expect(open(net, outside, clusterIP(net), 80)).toMatchObject({ ok: false, error: 'timeout' });
    expect(open(net, outside, 'web.default.svc.cluster.local', 80)).toMatchObject({ ok: false, error: 'nxdomain' });
  });

  it('is reached from a node, masqueraded, while cluster names do not resolve there', () => {
    const net = webCluster();
    const result = open(net, { kind: 'node', name: 'controlplane' }, clusterIP(net), 80);
    expect(result).toMatchObject({ ok: true, snat: true });
    if (!result.ok) return;
    // MASQUERADE picks the interface toward the pod: flannel.1 for another node's pod.
    expect(result.clientIpSeen).toBe('10.244.0.0');
    expect(open(net, { kind: 'node', name: 'node01' }, 'web', 80)).toMatchObject({ ok: false, error: 'nxdomain' });
  });

  it('refuses when the target port has no listener', () => {
    const net = networkTest();
    net.runPod('client', { ip: '10.244.1.20', image: 'busybox:1.36', command: ['sleep', '3600'] });
    net.runPod('api-1', { ip: '10.244.2.8', node: 'node02', labels: { app: 'api' } });
    net.service('api', { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }] });
    net.slice('api', [{ ip: '10.244.2.8', node: 'node02', pod: 'api-1' }], [{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(open(net, client, 'api', 80)).toMatchObject({ ok: false, error: 'refused' });
    expect(open(net, client, '10.244.2.8', 80)).toMatchObject({ ok: true, target: 'pod' });
  });

  it('refuses when the Service has no endpoints, in both modes', () => {
    for (const kubeProxyMode of ['iptables', 'ipvs'] as const) {
      const net = networkTest({ kubeProxyMode });
      net.runPod('client', { ip: '10.244.1.20', image: 'busybox:1.36', command: ['sleep', '3600'] });
      net.service('lonely', { selector: { app: 'none' }, ports: [{ port: 80 }] });
      expect(open(net, client, 'lonely', 80)).toMatchObject({ ok: false, error: 'refused' });
    }
  });

  it('goes to a headless Service pod directly', () => {
    const net = webCluster();
    net.service('web-direct', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] });
    net.slice(
      'web-direct',
      [{ ip: '10.244.2.6', node: 'node02', pod: 'web-2' }],
      [{ name: '', port: 80, protocol: 'TCP' }],
    );
    const result = open(net, client, 'web-direct', 80);
    expect(result).toMatchObject({ ok: true, pod: { name: 'web-2', ip: '10.244.2.6' } });
    expect(result.via.map((hop) => hop.kind)).toEqual(['dns', 'pod']);
  });
});

describe('load balancing', () => {
  it('picks endpoints at random in iptables mode', () => {
    const net = webCluster();
    const counts: Record<string, number> = {};
    for (let i = 0; i < 400; i++) {
      const name = podName(open(net, client, 'web', 80));
      counts[name] = (counts[name] ?? 0) + 1;
    }
    expect(counts['web-1']).toBeGreaterThan(150);
    expect(counts['web-2']).toBeGreaterThan(150);
  });

  it('takes turns in ipvs mode', () => {
    const net = webCluster({ kubeProxyMode: 'ipvs' });
    const names = Array.from({ length: 6 }, () => podName(open(net, client, 'web', 80)));
    expect(names).toEqual(['web-1', 'web-2', 'web-1', 'web-2', 'web-1', 'web-2']);
    // The state is plain JSON: a restored copy carries on where the original stopped.
    net.state = JSON.parse(JSON.stringify(net.state)) as typeof net.state;
    expect(podName(open(net, client, 'web', 80))).toBe('web-1');
  });

  it('pins a client with ClientIP affinity until the timeout passes', () => {
    const net = webCluster(
      {},
      { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
    );
    const first = podName(open(net, client, 'web', 80));
    for (let i = 0; i < 20; i++) {
      net.advance(30_000);
      expect(podName(open(net, client, 'web', 80))).toBe(first);
    }
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      net.advance(61_000);
      seen.add(podName(open(net, client, 'web', 80)));
    }
    expect(seen).toEqual(new Set(['web-1', 'web-2']));
  });
});

describe('NodePort, LoadBalancer and external IPs', () => {
  it('answers on every node from outside, masqueraded to the forwarding node', () => {
    const net = webCluster();
    for (const ip of ['192.168.1.2', '192.168.1.3', '192.168.1.4']) {
      const result = open(net, outside, ip, 30080);
      expect(result).toMatchObject({ ok: true, snat: true });
      expect(result.via[0]).toMatchObject({ kind: 'nodeport', ip, port: 30080 });
    }
    const viaControlPlane = open(net, outside, '192.168.1.2', 30080);
    if (!viaControlPlane.ok) throw new Error('unreachable');
    expect(['10.244.0.0']).toContain(viaControlPlane.clientIpSeen);
  });

  it('keeps the client address with externalTrafficPolicy Local and drops where no endpoint runs', () => {
    const net = webCluster({}, { externalTrafficPolicy: 'Local' });
    expect(open(net, outside, '192.168.1.3', 30080)).toMatchObject({
      ok: true,
      pod: { name: 'web-1' },
      snat: false,
      clientIpSeen: '192.168.1.100',
    });
    expect(open(net, outside, '192.168.1.2', 30080)).toMatchObject({ ok: false, error: 'timeout' });
    // Pods are not subject to the policy.
    expect(open(net, client, '192.168.1.2', 30080)).toMatchObject({
      ok: true,
      snat: false,
      clientIpSeen: '10.244.1.20',
    });
  });

  it('keeps ClusterIP traffic on the node with internalTrafficPolicy Local', () => {
    const net = webCluster({}, { internalTrafficPolicy: 'Local' });
    net.runPod('far-client', {
      ip: '10.244.0.30',
      node: 'controlplane',
      image: 'busybox:1.36',
      command: ['sleep', '3600'],
    });
    for (let i = 0; i < 5; i++) expect(podName(open(net, client, 'web', 80))).toBe('web-1');
    expect(open(net, { kind: 'pod', namespace: 'default', name: 'far-client' }, 'web', 80)).toMatchObject({
      ok: false,
      error: 'timeout',
    });
  });

  it('falls back to serving terminating endpoints when none is ready', () => {
    const net = networkTest();
    net.runPod('client', { ip: '10.244.1.20', image: 'busybox:1.36', command: ['sleep', '3600'] });
    net.runPod('old', { ip: '10.244.2.9', node: 'node02', labels: { app: 'old' }, ready: false });
    net.service('old', { selector: { app: 'old' }, ports: [{ port: 80 }] });
    net.slice(
      'old',
      [{ ip: '10.244.2.9', node: 'node02', ready: false, serving: true, terminating: true, pod: 'old' }],
      [{ name: '', port: 80, protocol: 'TCP' }],
    );
    expect(open(net, client, 'old', 80)).toMatchObject({ ok: true, pod: { name: 'old' } });
  });

  it('reaches a LoadBalancer only once the provider assigned its address', () => {
    const net = webCluster({}, { type: 'LoadBalancer' });
    expect(open(net, outside, '203.0.113.10', 80)).toMatchObject({ ok: false, error: 'timeout' });
    net.setLoadBalancer('web', '203.0.113.10');
    const result = open(net, outside, '203.0.113.10', 80);
    expect(result).toMatchObject({ ok: true, snat: true });
    expect(result.via[0]).toMatchObject({ kind: 'loadbalancer', ip: '203.0.113.10' });
    // The control plane is excluded from external load balancers.
    expect(result.via[0]).not.toMatchObject({ node: 'controlplane' });
    expect(open(net, client, '203.0.113.10', 80).ok).toBe(true);
  });

  it('reaches externalIPs from outside and inside', () => {
    const net = webCluster({}, { externalIPs: ['192.168.1.100'] });
    expect(open(net, outside, '192.168.1.100', 80)).toMatchObject({ ok: true, target: 'pod' });
    expect(open(net, client, '192.168.1.100', 80).via[0]).toMatchObject({ kind: 'externalip', node: 'node01' });
  });
});

describe('pods, nodes and the outside world', () => {
  it('reaches pod addresses from pods and nodes, not from outside or when the pod is gone', () => {
    const net = webCluster();
    expect(open(net, client, '10.244.2.6', 80)).toMatchObject({ ok: true, clientIpSeen: '10.244.1.20' });
    expect(open(net, { kind: 'node', name: 'node02' }, '10.244.2.6', 80)).toMatchObject({
      ok: true,
      clientIpSeen: '10.244.2.1',
    });
    expect(open(net, outside, '10.244.2.6', 80)).toMatchObject({ ok: false, error: 'timeout' });
    expect(open(net, client, '10.244.2.77', 80)).toMatchObject({ ok: false, error: 'no-route' });
    net.runPod('waiting', { ip: '10.244.2.40', node: 'node02', notRunning: true });
    expect(open(net, client, '10.244.2.40', 80)).toMatchObject({ ok: false, error: 'refused' });
  });

  it('answers ping for pods and nodes but not for ClusterIPs in iptables mode', () => {
    const net = webCluster();
    expect(pingable(net.view, client, '10.244.2.6')).toBe(true);
    expect(pingable(net.view, client, '192.168.1.4')).toBe(true);
    expect(pingable(net.view, client, clusterIP(net))).toBe(false);
    const ipvs = webCluster({ kubeProxyMode: 'ipvs' });
    expect(pingable(ipvs.view, client, clusterIP(ipvs))).toBe(true);
    expect(pingable(net.view, outside, '10.244.2.6')).toBe(false);
  });

  it('follows ExternalName out to the fixed outside zone', () => {
    const net = webCluster();
    net.service('docs', { type: 'ExternalName', externalName: 'www.example.com' });
    expect(open(net, client, 'docs', 80)).toMatchObject({ ok: true, target: 'external', address: '93.184.215.14:80' });
    expect(open(net, client, 'docs', 5432)).toMatchObject({ ok: false, error: 'refused' });
    expect(open(net, client, '203.0.114.1', 80)).toMatchObject({ ok: false, error: 'unreachable' });
  });

  it('answers HTTP with the image server and logs the request in the pod', () => {
    const net = webCluster();
    const logs = new ContainerLogBuffer();
    const result = open(net, client, '10.244.2.6', 80, {
      http: { path: '/', headers: [['User-Agent', 'curl/8.5.0']] },
      logs,
    });
    if (!result.ok) throw new Error(result.detail);
    expect(result.response?.status).toBe(200);
    expect(result.response?.body).toContain('Welcome to nginx!');
    const pod = net.view.store.get('pods', 'default', 'web-2');
    const lines = logs.entries(pod?.metadata.uid ?? '', 'main', 0).map((entry) => entry.text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^10\.244\.1\.20 - - \[22\/Nov\/2026:10:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"$/,
    );
  });

  it('reaches the API server through the kubernetes Service', () => {
    const net = webCluster();
    expect(open(net, client, 'kubernetes.default', 443)).toMatchObject({
      ok: true,
      target: 'node',
      node: 'controlplane',
      process: 'kube-apiserver',
      address: '192.168.1.2:6443',
      clientIpSeen: '10.244.1.20',
    });
  });

  it('serves hostNetwork pods and hostPorts on the node address', () => {
    const net = webCluster();
    net.runPod('edge', { ip: '192.168.1.4', node: 'node02', hostNetwork: true, labels: { app: 'edge' } });
    net.runPod('mapped', {
      ip: '10.244.1.30',
      node: 'node01',
      labels: { app: 'mapped' },
      ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }],
    });
    expect(open(net, outside, '192.168.1.4', 80)).toMatchObject({ ok: true, pod: { name: 'edge' } });
    const mapped = open(net, outside, '192.168.1.3', 8080);
    expect(mapped).toMatchObject({
      ok: true,
      pod: { name: 'mapped' },
      containerPort: 80,
      clientIpSeen: '192.168.1.100',
    });
    expect(mapped.via[0]).toMatchObject({ kind: 'hostport', node: 'node01', port: 8080 });
    expect(open(net, outside, '192.168.1.3', 8081)).toMatchObject({ ok: false, error: 'refused' });
  });

  it('serves NodePorts on localhost in iptables mode only', () => {
    const node01 = { kind: 'node', name: 'node01' } as const;
    expect(open(webCluster(), node01, 'localhost', 30080).ok).toBe(true);
    expect(open(webCluster({ kubeProxyMode: 'ipvs' }), node01, '127.0.0.1', 30080)).toMatchObject({
      ok: false,
      error: 'refused',
    });
    expect(open(webCluster(), node01, '127.0.0.1', 10248)).toMatchObject({ ok: true, process: 'kubelet' });
  });

  it('refuses other ports of a ClusterIP in ipvs mode and lets them time out in iptables mode', () => {
    const iptables = webCluster();
    expect(open(iptables, client, clusterIP(iptables), 8080)).toMatchObject({ ok: false, error: 'timeout' });
    const ipvs = webCluster({ kubeProxyMode: 'ipvs' });
    expect(open(ipvs, client, clusterIP(ipvs), 8080)).toMatchObject({ ok: false, error: 'refused' });
  });
});
