// The course's Service types, created as learners create them, read back as
// kube-apiserver serves them.
import { deployment, Scenario, service, statusOf } from '../testing/scenario.testing';

function shop(): Scenario {
  const lab = new Scenario();
  lab.create(deployment('shop', 'nginx', 2));
  lab.wait(30);
  return lab;
}

describe('Service types', () => {
  it('gives a ClusterIP Service a virtual IP from 10.96.0.0/12 and the real defaults', () => {
    const lab = shop();
    const created = lab.create(
      service('shop-cip', { selector: { app: 'shop' }, ports: [{ port: 8080, targetPort: 80 }] }),
    );
    expect(created.spec).toEqual({
      clusterIP: expect.stringMatching(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/),
      clusterIPs: [(created.spec as { clusterIP: string }).clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'shop' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(created.status).toEqual({ loadBalancer: {} });
  });

  it('allocates a NodePort in 30000-32767 and refuses a taken or out-of-range one', () => {
    const lab = shop();
    const created = lab.create(
      service('shop-np', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80 }] }),
    );
    const [port] = (created.spec as { ports: Array<{ nodePort: number }> }).ports;
    expect(port?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(port?.nodePort).toBeLessThanOrEqual(32767);
    expect((created.spec as { externalTrafficPolicy: string }).externalTrafficPolicy).toBe('Cluster');

    lab.create(
      service('fixed', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, nodePort: 30080 }] }),
    );
    const taken = lab.tryCreate(
      service('nginx', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, nodePort: 30080 }] }),
    );
    expect(statusOf(taken).message).toBe(
      'Service "nginx" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    const outside = lab.tryCreate(
      service('nginx', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, nodePort: 40000 }] }),
    );
    expect(statusOf(outside).message).toBe(
      'Service "nginx" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('releases a NodePort when the Service is deleted', () => {
    const lab = shop();
    lab.create(
      service('first', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, nodePort: 30080 }] }),
    );
    lab.delete('Service', 'first');
    expect(
      lab.tryCreate(
        service('second', { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, nodePort: 30080 }] }),
      ).status,
    ).toBe(201);
  });

  it('leaves a LoadBalancer <pending> without a cloud provider', () => {
    const lab = shop();
    lab.create(service('shop-lb', { type: 'LoadBalancer', selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    lab.wait(60);
    const row = lab.table('Service').find((cells) => cells[0] === 'shop-lb');
    expect(row?.[1]).toBe('LoadBalancer');
    expect(row?.[3]).toBe('<pending>');
    expect(row?.[4]).toMatch(/^80:3\d{4}\/TCP$/);
  });

  it('assigns an address from the pool when the lab enables the simulated cloud', () => {
    const lab = new Scenario({ loadBalancer: { enabled: true, addressPool: ['203.0.113.50'] } });
    lab.create(service('shop-lb', { type: 'LoadBalancer', selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    lab.wait(5);
    const status = lab.get('Service', 'shop-lb').status as { loadBalancer: { ingress?: Array<{ ip: string }> } };
    expect(status.loadBalancer.ingress?.[0]?.ip).toBe('203.0.113.50');
    expect(lab.table('Service').find((cells) => cells[0] === 'shop-lb')?.[3]).toBe('203.0.113.50');
  });

  it('keeps an ExternalName Service free of IPs and refuses a clusterIP on it', () => {
    const lab = new Scenario();
    const created = lab.create(service('shop-db', { type: 'ExternalName', externalName: 'db.example.org' }));
    expect(created.spec).toEqual({ externalName: 'db.example.org', sessionAffinity: 'None', type: 'ExternalName' });
    const refused = lab.tryCreate(
      service('ext', {
        type: 'ExternalName',
        externalName: 'db.example.org',
        clusterIP: '10.96.50.50',
        ports: [{ port: 5432 }],
      }),
    );
    expect(statusOf(refused).message).toBe(
      'Service "ext" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    );
  });

  it('makes a headless Service with clusterIP None and lists its pods in Endpoints', () => {
    const lab = shop();
    const created = lab.create(
      service('shop-headless', { clusterIP: 'None', selector: { app: 'shop' }, ports: [{ port: 80 }] }),
    );
    expect((created.spec as { clusterIPs: string[] }).clusterIPs).toEqual(['None']);
    expect(lab.endpointIPs('shop-headless')).toEqual(lab.podIPs('app=shop'));
    expect(
      lab
        .table('Service')
        .find((cells) => cells[0] === 'shop-headless')
        ?.slice(1, 5),
    ).toEqual(['ClusterIP', 'None', '<none>', '80/TCP']);
  });

  it('keeps clusterIP immutable', () => {
    const lab = shop();
    const created = lab.create(service('web', { selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    const changed = lab.mergePatch('Service', 'web', { spec: { clusterIP: '10.96.1.1', clusterIPs: ['10.96.1.1'] } });
    expect(changed.status).toBe(422);
    expect(statusOf(changed).message).toContain(
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.1.1"}: may not change once set',
    );
    expect((lab.get('Service', 'web').spec as { clusterIP: string }).clusterIP).toBe(
      (created.spec as { clusterIP: string }).clusterIP,
    );
  });

  it('starts with the kubernetes and kube-dns Services at the first and tenth addresses', () => {
    const lab = new Scenario();
    expect((lab.get('Service', 'kubernetes').spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    expect((lab.get('Service', 'kube-dns', 'kube-system').spec as { clusterIP: string }).clusterIP).toBe('10.96.0.10');
    expect(lab.endpointIPs('kubernetes')).toEqual(['192.168.1.2']);
    expect(lab.endpointIPs('kube-dns', 'kube-system')).toHaveLength(2);
  });
});
