// What learners test with curl and nslookup: which Service addresses answer
// from where, which pod answers, and how names resolve.
import type { ConnectResult, ConnectSource } from '../network';
import { deployment, pod, Scenario, service } from '../testing/scenario.testing';

const outside: ConnectSource = { kind: 'external' };

function answeredBy(result: ConnectResult): string {
  if (!result.ok) return `${result.error}`;
  return result.pod?.name ?? result.target;
}

function shop(lab: Scenario, replicas = 3, image = 'nginx'): void {
  lab.create(deployment('shop', image, replicas));
  lab.create(pod('client', 'busybox', { run: 'client' }, { command: ['sleep', '3600'] }));
  lab.wait(30);
}

function clusterIP(lab: Scenario, name: string, namespace = 'default'): string {
  return (lab.get('Service', name, namespace).spec as { clusterIP: string }).clusterIP;
}

const client: ConnectSource = { kind: 'pod', namespace: 'default', name: 'client' };

describe('reaching Services', () => {
  it('answers a ClusterIP from pods and nodes, never from outside', () => {
    const lab = new Scenario();
    shop(lab);
    lab.create(service('shop', { selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    const ip = clusterIP(lab, 'shop');
    const fromPod = lab.cluster.network.connect({ from: client, host: ip, port: 80, protocol: 'TCP', http: {} });
    expect(fromPod.ok && fromPod.response?.status).toBe(200);
    expect(fromPod.ok && fromPod.response?.body).toContain('<title>Welcome to nginx!</title>');
    expect(fromPod.ok && fromPod.pod?.name).toMatch(/^shop-/);
    expect(
      lab.cluster.network.connect({ from: { kind: 'node', name: 'node01' }, host: ip, port: 80, protocol: 'TCP' }).ok,
    ).toBe(true);
    expect(answeredBy(lab.cluster.network.connect({ from: outside, host: ip, port: 80, protocol: 'TCP' }))).toBe(
      'timeout',
    );
    expect(lab.cluster.network.ping(client, ip)).toBe(false);
  });

  it('opens a NodePort on every node, for clients outside the cluster', () => {
    const lab = new Scenario({ nodes: 3 });
    shop(lab);
    lab.create(
      service('shop', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, nodePort: 30008 }] }),
    );
    for (const nodeIP of ['192.168.1.2', '192.168.1.3', '192.168.1.4']) {
      const result = lab.cluster.network.connect({
        from: outside,
        host: nodeIP,
        port: 30008,
        protocol: 'TCP',
        http: {},
      });
      expect(result.ok && result.response?.status).toBe(200);
    }
    expect(
      answeredBy(lab.cluster.network.connect({ from: outside, host: '192.168.1.3', port: 30009, protocol: 'TCP' })),
    ).toBe('refused');
  });

  it('refuses connections when targetPort is not a port the container listens on', () => {
    const lab = new Scenario();
    shop(lab);
    lab.create(service('wrong', { selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 8080 }] }));
    const result = lab.cluster.network.connect({
      from: client,
      host: clusterIP(lab, 'wrong'),
      port: 80,
      protocol: 'TCP',
    });
    expect(answeredBy(result)).toBe('refused');
  });

  it('refuses connections to a Service whose selector matches no pod', () => {
    const lab = new Scenario();
    shop(lab);
    lab.create(service('typo', { selector: { app: 'shopp' }, ports: [{ port: 80 }] }));
    expect(answeredBy(lab.cluster.network.connect({ from: client, host: 'typo', port: 80, protocol: 'TCP' }))).toBe(
      'refused',
    );
  });

  it('spreads requests over the pods and shows whoami answering from each', () => {
    const lab = new Scenario({ kubeProxyMode: 'ipvs' });
    shop(lab, 3, 'traefik/whoami');
    lab.create(service('shop', { selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const result = lab.cluster.network.connect({ from: client, host: 'shop', port: 80, protocol: 'TCP', http: {} });
      expect(result.ok && result.response?.body).toMatch(/^Hostname: shop-/);
      seen.add(answeredBy(result));
    }
    expect(seen.size).toBe(3);
  });

  it('keeps a client on one pod with sessionAffinity ClientIP', () => {
    const lab = new Scenario();
    shop(lab);
    lab.create(service('sticky', { selector: { app: 'shop' }, sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }));
    const answers = new Set<string>();
    for (let i = 0; i < 10; i++) {
      answers.add(answeredBy(lab.cluster.network.connect({ from: client, host: 'sticky', port: 80, protocol: 'TCP' })));
    }
    expect(answers.size).toBe(1);
  });

  it('drops external traffic on nodes without a local pod under externalTrafficPolicy Local', () => {
    const lab = new Scenario({ nodes: 3 });
    lab.create(pod('solo', 'nginx', { app: 'solo' }));
    lab.wait(30);
    lab.create(
      service('solo', {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        selector: { app: 'solo' },
        ports: [{ port: 80, nodePort: 30100 }],
      }),
    );
    const node = (lab.get('Pod', 'solo').spec as { nodeName: string }).nodeName;
    const nodeIPs: Record<string, string> = {
      controlplane: '192.168.1.2',
      node01: '192.168.1.3',
      node02: '192.168.1.4',
    };
    const other = node === 'node01' ? 'node02' : 'node01';
    const local = lab.cluster.network.connect({
      from: outside,
      host: nodeIPs[node] ?? '',
      port: 30100,
      protocol: 'TCP',
    });
    expect(local.ok && local.snat).toBe(false);
    expect(
      answeredBy(
        lab.cluster.network.connect({ from: outside, host: nodeIPs[other] ?? '', port: 30100, protocol: 'TCP' }),
      ),
    ).toBe('timeout');
  });

  it('reaches a LoadBalancer only once the simulated cloud gave it an address', () => {
    const lab = new Scenario({ loadBalancer: { enabled: true, addressPool: ['203.0.113.7'] } });
    shop(lab);
    lab.create(service('shop', { type: 'LoadBalancer', selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    lab.wait(5);
    const result = lab.cluster.network.connect({
      from: outside,
      host: '203.0.113.7',
      port: 80,
      protocol: 'TCP',
      http: {},
    });
    expect(result.ok && result.response?.status).toBe(200);
  });

  it('keeps answering through a rolling update', () => {
    const lab = new Scenario();
    shop(lab, 3, 'nginx:1.25');
    lab.create(service('shop', { selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    lab.mergePatch('Deployment', 'shop', {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    const servers = new Set<string>();
    for (let second = 0; second < 60; second++) {
      lab.wait(1);
      const result = lab.cluster.network.connect({ from: client, host: 'shop', port: 80, protocol: 'TCP', http: {} });
      expect(result.ok && result.response?.status).toBe(200);
      const server = result.ok ? result.response?.headers.find(([name]) => name === 'Server')?.[1] : undefined;
      if (server) servers.add(server);
    }
    expect([...servers].sort()).toEqual([
      expect.stringMatching(/^nginx\/1\.25\./),
      expect.stringMatching(/^nginx\/1\.27\./),
    ]);
  });
});

describe('cluster DNS', () => {
  function dnsLab(): Scenario {
    const lab = new Scenario();
    lab.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } });
    lab.create({ ...deployment('db', 'redis', 1), metadata: { name: 'db', namespace: 'prod', labels: { app: 'db' } } });
    lab.create({
      ...service('db', { selector: { app: 'db' }, ports: [{ name: 'redis', port: 6379 }] }),
      metadata: { name: 'db', namespace: 'prod' },
    });
    lab.create(pod('client', 'busybox', { run: 'client' }, { command: ['sleep', '3600'] }));
    lab.wait(30);
    return lab;
  }

  const fromClient = { namespace: 'default', name: 'client' };

  it('resolves svc.ns and the FQDN to the ClusterIP, and not the bare name from another namespace', () => {
    const lab = dnsLab();
    const ip = clusterIP(lab, 'db', 'prod');
    for (const name of ['db.prod', 'db.prod.svc', 'db.prod.svc.cluster.local']) {
      const answer = lab.cluster.network.resolve({ fromPod: fromClient, name, type: 'A' });
      expect(answer.status).toBe('NOERROR');
      expect(answer.queriedName).toBe('db.prod.svc.cluster.local.');
      expect(answer.answers.map((record) => record.data)).toEqual([ip]);
    }
    expect(lab.cluster.network.resolve({ fromPod: fromClient, name: 'db', type: 'A' }).status).toBe('NXDOMAIN');
    expect(lab.cluster.network.resolve({ fromPod: fromClient, name: 'kubernetes', type: 'A' }).answers[0]?.data).toBe(
      '10.96.0.1',
    );
  });

  it('gives a pod resolv.conf with its namespace first in the search list', () => {
    const lab = dnsLab();
    expect(lab.cluster.network.resolvConf('default', 'client')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('answers headless Services with the pod IPs and ExternalName with a CNAME', () => {
    const lab = dnsLab();
    lab.create(deployment('web', 'nginx', 2));
    lab.create(service('web-headless', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    lab.create(service('ext', { type: 'ExternalName', externalName: 'db.example.org' }));
    lab.wait(30);
    const headless = lab.cluster.network.resolve({ fromPod: fromClient, name: 'web-headless', type: 'A' });
    expect(headless.answers.map((record) => record.data).sort()).toEqual(lab.podIPs('app=web'));
    const external = lab.cluster.network.resolve({ fromPod: fromClient, name: 'ext', type: 'A' });
    expect(external.answers[0]).toMatchObject({ type: 'CNAME', data: 'db.example.org.' });
  });

  it('serves SRV records for named ports', () => {
    const lab = dnsLab();
    const srv = lab.cluster.network.resolve({
      fromPod: fromClient,
      name: '_redis._tcp.db.prod.svc.cluster.local',
      type: 'SRV',
    });
    expect(srv.answers[0]?.data).toBe('0 100 6379 db.prod.svc.cluster.local.');
  });

  it('times out when CoreDNS is gone', () => {
    const lab = dnsLab();
    lab.mergePatch('Deployment', 'coredns', { spec: { replicas: 0 } }, 'kube-system');
    lab.wait(60);
    expect(lab.cluster.network.resolve({ fromPod: fromClient, name: 'db.prod', type: 'A' }).status).toBe('timeout');
  });
});
