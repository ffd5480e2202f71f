import { coreDnsAnswer } from './coredns';
import { resolve } from './dns';
import { networkTest, type NetworkTest } from './network.testing';
import { resolvConf } from './resolv-conf';
import type { PodDnsSource } from './resolv-conf';

const fromDefault: PodDnsSource = { namespace: 'default', dnsPolicy: 'ClusterFirst', hostNetwork: false };
const fromProd: PodDnsSource = { namespace: 'prod', dnsPolicy: 'ClusterFirst', hostNetwork: false };

function web(net: NetworkTest, namespace = 'prod'): void {
  net.service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] }, namespace);
}

function clusterIP(net: NetworkTest, name: string, namespace = 'default'): string {
  return String(
    (net.client.get({ group: '', version: 'v1', resource: 'services' }, namespace, name)?.spec as { clusterIP: string })
      .clusterIP,
  );
}

describe('resolv.conf', () => {
  it('is what a ClusterFirst pod sees', () => {
    const net = networkTest();
    const pod = net.runPod('client', { ip: '10.244.1.5', namespace: 'prod' });
    expect(resolvConf(pod, net.view.config, '10.96.0.10')).toBe(
      'search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('follows the node for Default and for ClusterFirst on the host network', () => {
    const net = networkTest();
    const plain = net.runPod('plain', { ip: '10.244.1.6', dnsPolicy: 'Default' });
    const host = net.runPod('host', { ip: '192.168.1.3', hostNetwork: true });
    expect(resolvConf(plain, net.view.config, '10.96.0.10')).toBe('nameserver 192.168.1.1\n');
    expect(resolvConf(host, net.view.config, '10.96.0.10')).toBe('nameserver 192.168.1.1\n');
  });

  it('takes dnsConfig for None and merges it into ClusterFirst', () => {
    const net = networkTest();
    const none = net.runPod('none', {
      ip: '10.244.1.7',
      dnsPolicy: 'None',
      dnsConfig: {
        nameservers: ['1.1.1.1'],
        searches: ['corp.example.com'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      },
    });
    const merged = net.runPod('merged', {
      ip: '10.244.1.8',
      dnsConfig: {
        searches: ['corp.example.com'],
        options: [
          { name: 'ndots', value: '1' },
          { name: 'timeout', value: '2' },
        ],
      },
    });
    expect(resolvConf(none, net.view.config, '10.96.0.10')).toBe(
      'search corp.example.com\nnameserver 1.1.1.1\noptions ndots:2 edns0\n',
    );
    expect(resolvConf(merged, net.view.config, '10.96.0.10')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local corp.example.com\nnameserver 10.96.0.10\noptions ndots:1 timeout:2\n',
    );
  });
});

describe('service names from pods', () => {
  it('resolves the short name, svc.ns and the FQDN from the same namespace', () => {
    const net = networkTest();
    web(net);
    const ip = clusterIP(net, 'web', 'prod');
    for (const name of [
      'web',
      'web.prod',
      'web.prod.svc',
      'web.prod.svc.cluster.local',
      'web.prod.svc.cluster.local.',
    ]) {
      const result = resolve(net.view, { fromPod: fromProd, name, type: 'A' });
      expect(result.status).toBe('NOERROR');
      expect(result.queriedName).toBe('web.prod.svc.cluster.local.');
      expect(result.answers).toEqual([{ name: 'web.prod.svc.cluster.local.', type: 'A', ttl: 30, data: ip }]);
      expect(result.server).toBe('10.96.0.10');
    }
  });

  it('walks the search list in order', () => {
    const net = networkTest();
    web(net);
    expect(resolve(net.view, { fromPod: fromDefault, name: 'web.prod', type: 'A' }).tried).toEqual([
      'web.prod.default.svc.cluster.local.',
      'web.prod.svc.cluster.local.',
    ]);
    // Five dots or more: the name as given first.
    expect(resolve(net.view, { fromPod: fromDefault, name: 'web.prod.svc.cluster.local', type: 'A' }).tried).toEqual([
      'web.prod.svc.cluster.local.default.svc.cluster.local.',
      'web.prod.svc.cluster.local.svc.cluster.local.',
      'web.prod.svc.cluster.local.cluster.local.',
      'web.prod.svc.cluster.local.',
    ]);
  });

  it('does not find a short name from another namespace', () => {
    const net = networkTest();
    web(net);
    const result = resolve(net.view, { fromPod: fromDefault, name: 'web', type: 'A' });
    expect(result.status).toBe('NXDOMAIN');
    expect(result.tried).toEqual([
      'web.default.svc.cluster.local.',
      'web.svc.cluster.local.',
      'web.cluster.local.',
      'web.',
    ]);
    expect(resolve(net.view, { fromPod: fromDefault, name: 'web.prod', type: 'A' }).status).toBe('NOERROR');
  });

  it('answers kubernetes.default and NXDOMAIN for unknown namespaces', () => {
    const net = networkTest();
    expect(resolve(net.view, { fromPod: fromProd, name: 'kubernetes.default', type: 'A' }).answers[0]?.data).toBe(
      '10.96.0.1',
    );
    expect(coreDnsAnswer(net.view, 'web.nowhere.svc.cluster.local', 'A').status).toBe('NXDOMAIN');
    expect(coreDnsAnswer(net.view, 'prod.svc.cluster.local', 'A')).toMatchObject({ status: 'NOERROR', answers: [] });
  });

  it('answers NODATA for AAAA of an IPv4 service', () => {
    const net = networkTest();
    web(net);
    const answer = coreDnsAnswer(net.view, 'web.prod.svc.cluster.local.', 'AAAA');
    expect(answer).toMatchObject({ status: 'NOERROR', answers: [] });
  });

  it('times out when CoreDNS has no ready endpoint', () => {
    const net = networkTest();
    const slice = net.view.store.list('endpointslices.discovery.k8s.io', 'kube-system')[0];
    if (!slice) throw new Error('no slice');
    const copy = net.client.copy(slice);
    copy.endpoints = [];
    net.call('update', { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' }, 'kube-system', copy);
    const result = resolve(net.view, { fromPod: fromDefault, name: 'kubernetes', type: 'A' });
    expect(result.status).toBe('timeout');
    expect(result.tried).toEqual(['kubernetes.default.svc.cluster.local.']);
  });
});

describe('headless services and pods', () => {
  function headless(net: NetworkTest): void {
    net.service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] });
    net.slice(
      'db',
      [
        { ip: '10.244.1.10', node: 'node01', hostname: 'db-0', pod: 'db-0' },
        { ip: '10.244.2.11', node: 'node02', hostname: 'db-1', pod: 'db-1' },
        { ip: '10.244.2.12', node: 'node02', hostname: 'db-2', pod: 'db-2', ready: false },
      ],
      [{ name: 'pg', port: 5432, protocol: 'TCP' }],
    );
  }

  it('gives one A record per ready endpoint', () => {
    const net = networkTest();
    headless(net);
    const answer = coreDnsAnswer(net.view, 'db.default.svc.cluster.local', 'A');
    expect(answer.answers.map((record) => record.data)).toEqual(['10.244.1.10', '10.244.2.11']);
  });

  it('names each StatefulSet pod through its hostname', () => {
    const net = networkTest();
    headless(net);
    expect(resolve(net.view, { fromPod: fromDefault, name: 'db-0.db', type: 'A' }).answers).toEqual([
      { name: 'db-0.db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.1.10' },
    ]);
    expect(coreDnsAnswer(net.view, 'db-2.db.default.svc.cluster.local', 'A').status).toBe('NXDOMAIN');
  });

  it('answers SRV per endpoint with additional addresses', () => {
    const net = networkTest();
    headless(net);
    const answer = coreDnsAnswer(net.view, '_pg._tcp.db.default.svc.cluster.local', 'SRV');
    expect(answer.answers).toEqual([
      {
        name: '_pg._tcp.db.default.svc.cluster.local.',
        type: 'SRV',
        ttl: 30,
        data: '0 50 5432 db-0.db.default.svc.cluster.local.',
      },
      {
        name: '_pg._tcp.db.default.svc.cluster.local.',
        type: 'SRV',
        ttl: 30,
        data: '0 50 5432 db-1.db.default.svc.cluster.local.',
      },
    ]);
    expect(answer.additional).toEqual([
      { name: 'db-0.db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.1.10' },
      { name: 'db-1.db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.2.11' },
    ]);
  });

  it('uses the dashed address for endpoints without a hostname, in reverse lookups too', () => {
    const net = networkTest();
    net.service('api', { clusterIP: 'None', selector: { app: 'api' }, ports: [{ port: 80 }] });
    net.slice('api', [{ ip: '10.244.1.5', node: 'node01' }], [{ name: '', port: 80, protocol: 'TCP' }]);
    expect(coreDnsAnswer(net.view, '10-244-1-5.api.default.svc.cluster.local', 'A').answers[0]?.data).toBe(
      '10.244.1.5',
    );
    expect(coreDnsAnswer(net.view, '5.1.244.10.in-addr.arpa.', 'PTR').answers).toEqual([
      { name: '5.1.244.10.in-addr.arpa.', type: 'PTR', ttl: 30, data: '10-244-1-5.api.default.svc.cluster.local.' },
    ]);
  });

  it('answers any address-shaped pod name (pods insecure)', () => {
    const net = networkTest();
    expect(coreDnsAnswer(net.view, '10-244-1-99.default.pod.cluster.local', 'A').answers).toEqual([
      { name: '10-244-1-99.default.pod.cluster.local.', type: 'A', ttl: 30, data: '10.244.1.99' },
    ]);
    expect(coreDnsAnswer(net.view, 'not-an-ip.default.pod.cluster.local', 'A').status).toBe('NXDOMAIN');
    expect(coreDnsAnswer(net.view, '10-244-1-99.nowhere.pod.cluster.local', 'A').status).toBe('NXDOMAIN');
  });
});

describe('records of ClusterIP and ExternalName services', () => {
  it('answers SRV for named ports with the service as target', () => {
    const net = networkTest();
    web(net, 'default');
    const ip = clusterIP(net, 'web');
    const answer = coreDnsAnswer(net.view, '_http._tcp.web.default.svc.cluster.local', 'SRV');
    expect(answer.answers).toEqual([
      {
        name: '_http._tcp.web.default.svc.cluster.local.',
        type: 'SRV',
        ttl: 30,
        data: '0 100 80 web.default.svc.cluster.local.',
      },
    ]);
    expect(answer.additional).toEqual([{ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, data: ip }]);
    expect(coreDnsAnswer(net.view, '_grpc._tcp.web.default.svc.cluster.local', 'SRV').status).toBe('NXDOMAIN');
  });

  it('gives the PTR of a ClusterIP', () => {
    const net = networkTest();
    expect(coreDnsAnswer(net.view, '10.0.96.10.in-addr.arpa', 'PTR').answers[0]?.data).toBe(
      'kube-dns.kube-system.svc.cluster.local.',
    );
    expect(coreDnsAnswer(net.view, '77.0.96.10.in-addr.arpa', 'PTR').status).toBe('NXDOMAIN');
  });

  it('answers ExternalName with a CNAME followed outside', () => {
    const net = networkTest();
    net.service('shop-db', { type: 'ExternalName', externalName: 'db.example.org' });
    net.service('elsewhere', { type: 'ExternalName', externalName: 'db.corp.internal' });
    expect(resolve(net.view, { fromPod: fromDefault, name: 'shop-db', type: 'A' }).answers).toEqual([
      { name: 'shop-db.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'db.example.org.' },
      { name: 'db.example.org.', type: 'A', ttl: 30, data: '93.184.215.14' },
    ]);
    expect(coreDnsAnswer(net.view, 'shop-db.default.svc.cluster.local', 'CNAME').answers).toEqual([
      { name: 'shop-db.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'db.example.org.' },
    ]);
    expect(coreDnsAnswer(net.view, 'elsewhere.default.svc.cluster.local', 'A')).toMatchObject({
      status: 'NOERROR',
      answers: [{ type: 'CNAME', data: 'db.corp.internal.' }],
    });
  });

  it('forwards other names to the outside world', () => {
    const net = networkTest();
    const result = resolve(net.view, { fromPod: fromDefault, name: 'www.example.com', type: 'A' });
    expect(result).toMatchObject({ status: 'NOERROR', queriedName: 'www.example.com.' });
    expect(result.answers).toEqual([{ name: 'www.example.com.', type: 'A', ttl: 30, data: '93.184.215.14' }]);
    expect(resolve(net.view, { fromPod: fromDefault, name: 'kubernetes.io', type: 'A' }).status).toBe('NXDOMAIN');
  });

  it('knows no cluster name through the node resolver', () => {
    const net = networkTest();
    const hostPod: PodDnsSource = { namespace: 'default', dnsPolicy: 'Default', hostNetwork: false };
    expect(
      resolve(net.view, { fromPod: hostPod, name: 'kubernetes.default.svc.cluster.local', type: 'A' }).status,
    ).toBe('NXDOMAIN');
    expect(resolve(net.view, { fromPod: hostPod, name: 'example.org', type: 'A' }).answers[0]?.ttl).toBe(300);
  });
});
