import type { KubeObject } from '../../api/objects';
import { buildTable } from '../table';
import { ago, cells, NOW, object } from '../printers.testing';

function service(name: string, ageSeconds: number, spec: Record<string, unknown>, status = {}): KubeObject {
  return object(
    'Service',
    name,
    { spec, status: { loadBalancer: {}, ...status } },
    { creationTimestamp: ago(ageSeconds) },
  );
}

const tcp = (port: number, extra = {}) => ({ port, protocol: 'TCP', targetPort: port, ...extra });

// The services of a-services.sh in /tmp/transcripts.txt, as `kubectl get svc -o wide` printed them.
const recorded = [
  service('kubernetes', 78, {
    clusterIP: '10.96.0.1',
    clusterIPs: ['10.96.0.1'],
    ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    type: 'ClusterIP',
  }),
  service('shop-cip', 47, {
    clusterIP: '10.96.239.239',
    clusterIPs: ['10.96.239.239'],
    ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }],
    selector: { app: 'shop' },
    type: 'ClusterIP',
  }),
  service('shop-db', 26, { externalName: 'db.example.org', selector: { app: 'shop-db' }, type: 'ExternalName' }),
  service('shop-headless', 18, {
    clusterIP: 'None',
    clusterIPs: ['None'],
    ports: [tcp(80, { name: '80-80' })],
    selector: { app: 'shop-headless' },
    type: 'ClusterIP',
  }),
  service('shop-lb', 34, {
    clusterIP: '10.102.5.177',
    clusterIPs: ['10.102.5.177'],
    ports: [tcp(80, { nodePort: 31022 })],
    selector: { app: 'shop' },
    type: 'LoadBalancer',
  }),
  service('shop-named', 8, {
    clusterIP: '10.107.163.248',
    clusterIPs: ['10.107.163.248'],
    externalIPs: ['192.168.1.100'],
    ports: [tcp(80, { name: 'http', targetPort: 'http-web' }), tcp(9100, { name: 'metrics' })],
    selector: { app: 'shop' },
    type: 'ClusterIP',
  }),
  service('shop-np', 41, {
    clusterIP: '10.96.106.196',
    clusterIPs: ['10.96.106.196'],
    ports: [tcp(80, { nodePort: 31028 })],
    selector: { app: 'shop' },
    type: 'NodePort',
  }),
];

describe('service printer', () => {
  it('matches the recorded kubectl get svc -o wide', () => {
    const table = buildTable('Service', recorded, { now: NOW, listResourceVersion: '330' });
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '78s', '<none>'],
      ['shop-cip', 'ClusterIP', '10.96.239.239', '<none>', '8080/TCP', '47s', 'app=shop'],
      ['shop-db', 'ExternalName', '<none>', 'db.example.org', '<none>', '26s', 'app=shop-db'],
      ['shop-headless', 'ClusterIP', 'None', '<none>', '80/TCP', '18s', 'app=shop-headless'],
      ['shop-lb', 'LoadBalancer', '10.102.5.177', '<pending>', '80:31022/TCP', '34s', 'app=shop'],
      ['shop-named', 'ClusterIP', '10.107.163.248', '192.168.1.100', '80/TCP,9100/TCP', '8s', 'app=shop'],
      ['shop-np', 'NodePort', '10.96.106.196', '<none>', '80:31028/TCP', '41s', 'app=shop'],
    ]);
  });

  it('prints the age of `kubectl get all` later on', () => {
    const [kubernetes] = recorded;
    if (!kubernetes) throw new Error('fixture');
    expect(cells(kubernetes, NOW + 84_000)[5]).toBe('2m42s');
  });

  // printers_test.go TestPrintServiceLoadBalancer (the server prints wide: no 16-character clipping)
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string, string]>([
    [
      'several ingress IPs',
      { clusterIPs: ['1.2.3.4'], type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }] } },
      '2.3.4.5,3.4.5.6',
      '80/TCP',
    ],
    [
      'pending ingress',
      {
        clusterIPs: ['1.3.4.5'],
        type: 'LoadBalancer',
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 8090, protocol: 'UDP' },
          { port: 8000, protocol: 'TCP' },
          { port: 7777, protocol: 'SCTP' },
        ],
      },
      {},
      '<pending>',
      '80/TCP,8090/UDP,8000/TCP,7777/SCTP',
    ],
    [
      'long ingress lists, unclipped',
      { clusterIPs: ['1.5.6.7'], type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }] } },
      '2.3.4.5,3.4.5.6,5.6.7.8',
      '80/TCP',
    ],
    [
      'hostnames, sorted and de-duplicated, then external IPs',
      {
        clusterIPs: ['1.5.6.7'],
        type: 'LoadBalancer',
        externalIPs: ['9.9.9.9'],
        ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }],
      },
      { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }, { ip: '2.3.4.5' }, { ip: '2.3.4.5' }] } },
      '2.3.4.5,lb.example.com,9.9.9.9',
      '80:30080/TCP',
    ],
    [
      'external IPs of a pending load balancer',
      { clusterIPs: ['1.5.6.7'], type: 'LoadBalancer', externalIPs: ['9.9.9.9', '8.8.8.8'] },
      {},
      '9.9.9.9,8.8.8.8',
      '<none>',
    ],
    ['a type the printer does not know', { type: 'Weird' }, {}, '<unknown>', '<none>'],
  ])('prints %s', (_name, spec, status, externalIP, ports) => {
    const row = cells(service('s', 0, spec, status));
    expect(row[3]).toBe(externalIP);
    expect(row[4]).toBe(ports);
  });
});
