// Allocation through the API: conflicts, release on delete and type change,
// dry runs, and what an update may and may not change.
import type { KubeObject } from '../../api/objects';
import { message, serviceServer } from './service.testing';

type Spec = {
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: Array<{ nodePort?: number; port: number; protocol?: string; name?: string }>;
  type?: string;
  externalTrafficPolicy?: string;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  internalTrafficPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
};

function spec(object: KubeObject): Spec {
  return object.spec as Spec;
}

describe('ClusterIP allocation', () => {
  it('refuses an address outside the service CIDR', () => {
    const api = serviceServer();
    const response = api.create({
      metadata: { name: 'web' },
      spec: { clusterIP: '10.200.0.5', ports: [{ port: 80 }] },
    });
    expect(response.status).toBe(422);
    expect(message(response.body)).toBe(
      'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.200.0.5"}: failed to allocate IP 10.200.0.5: the provided IP (10.200.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('refuses an address another Service holds, and frees it on delete', () => {
    const api = serviceServer();
    expect(
      api.create({ metadata: { name: 'a' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } }).status,
    ).toBe(201);
    const clash = api.create({ metadata: { name: 'b' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } });
    expect(message(clash.body)).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(api.remove('a').status).toBe(200);
    expect(
      api.create({ metadata: { name: 'b' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } }).status,
    ).toBe(201);
  });

  it('allocation errors come before validation errors, as BeginCreate runs first', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'a' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } });
    const response = api.create({
      metadata: { name: 'b' },
      spec: { clusterIP: '10.96.0.10', ports: [{ port: 80, protocol: 'HTTP' }] },
    });
    expect(message(response.body)).toContain('provided IP is already allocated');
    expect(message(response.body)).not.toContain('protocol');
  });

  it('a dry run allocates nothing and reports placeholders, as the dry-run allocators do', () => {
    const api = serviceServer();
    const dry = api.create(
      {
        metadata: { name: 'web' },
        spec: {
          type: 'NodePort',
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 81 },
          ],
        },
      },
      { dryRun: 'All' },
    );
    expect(dry.status).toBe(201);
    const body = dry.body as KubeObject;
    expect(spec(body).clusterIP).toBe('10.96.0.0');
    expect(spec(body).ports?.map((port) => port.nodePort)).toEqual([32769, 32770]);
    expect(api.get('web').kind).toBe('Status');
    const stored = api.create({ metadata: { name: 'web' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } });
    expect(stored.status).toBe(201);
    const again = api.create(
      { metadata: { name: 'other' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } },
      { dryRun: 'All' },
    );
    // The dry-run IP allocator only checks the range.
    expect(again.status).toBe(201);
  });
});

describe('NodePort allocation', () => {
  const nodePortService = (name: string, nodePort?: number) => ({
    metadata: { name },
    spec: { type: 'NodePort', ports: [{ port: 80, ...(nodePort ? { nodePort } : {}) }] },
  });

  it('refuses a NodePort another Service holds', () => {
    const api = serviceServer();
    expect(api.create(nodePortService('a', 30080)).status).toBe(201);
    const clash = api.create(nodePortService('b', 30080));
    expect(message(clash.body)).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('gives TCP and UDP of the same port one NodePort', () => {
    const api = serviceServer();
    api.create({
      metadata: { name: 'dns' },
      spec: {
        type: 'NodePort',
        ports: [
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'dns-udp', port: 53, protocol: 'UDP' },
        ],
      },
    });
    const [tcp, udp] = spec(api.get('dns')).ports ?? [];
    expect(tcp?.nodePort).toBeDefined();
    expect(udp?.nodePort).toBe(tcp?.nodePort);
  });

  it('releases NodePorts on delete', () => {
    const api = serviceServer();
    api.create(nodePortService('a', 30080));
    api.remove('a');
    expect(api.create(nodePortService('b', 30080)).status).toBe(201);
  });
});

describe('Service updates', () => {
  it('keeps allocated values when a client resubmits its manifest', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    const before = spec(api.get('web'));
    const response = api.update({ metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    expect(response.status).toBe(200);
    const after = spec(response.body as KubeObject);
    expect(after.clusterIP).toBe(before.clusterIP);
    expect(after.ports?.[0]?.nodePort).toBe(before.ports?.[0]?.nodePort);
  });

  it('may not change the clusterIP once set', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'web' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } });
    const edited = api.get('web');
    spec(edited).clusterIP = '10.96.0.20';
    const response = api.update(edited);
    expect(response.status).toBe(422);
    expect(message(response.body)).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
    );
  });

  it('may not change the IP family of a Service with an address', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'web' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] } });
    const edited = api.get('web');
    spec(edited).ipFamilies = ['IPv6'];
    const response = api.update(edited);
    expect(message(response.body)).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.10": expected an IPv6 value as indicated by `ipFamilies[0]`',
    );
  });

  it('NodePort -> ClusterIP drops and releases the NodePort and the external policy', () => {
    const api = serviceServer();
    api.create(nodePortServiceSpec('web', 30080));
    const edited = api.get('web');
    spec(edited).type = 'ClusterIP';
    const response = api.update(edited);
    expect(response.status).toBe(200);
    const after = spec(response.body as KubeObject);
    expect(after.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(after.externalTrafficPolicy).toBeUndefined();
    expect(api.create(nodePortServiceSpec('other', 30080)).status).toBe(201);
  });

  it('ClusterIP -> NodePort -> LoadBalancer -> NodePort keeps the address and the port', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
    const clusterIP = spec(api.get('web')).clusterIP;
    const toNodePort = api.get('web');
    spec(toNodePort).type = 'NodePort';
    const asNodePort = spec(api.update(toNodePort).body as KubeObject);
    expect(asNodePort.externalTrafficPolicy).toBe('Cluster');
    const nodePort = asNodePort.ports?.[0]?.nodePort;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    const toLoadBalancer = api.get('web');
    spec(toLoadBalancer).type = 'LoadBalancer';
    const asLoadBalancer = spec(api.update(toLoadBalancer).body as KubeObject);
    expect(asLoadBalancer.allocateLoadBalancerNodePorts).toBe(true);
    expect(asLoadBalancer.ports?.[0]?.nodePort).toBe(nodePort);
    const back = api.get('web');
    spec(back).type = 'NodePort';
    const again = spec(api.update(back).body as KubeObject);
    expect(again.allocateLoadBalancerNodePorts).toBeUndefined();
    expect(again.clusterIP).toBe(clusterIP);
    expect(again.ports?.[0]?.nodePort).toBe(nodePort);
  });

  it('ExternalName -> ClusterIP allocates an address; back to ExternalName frees it', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.org' } });
    const edited = api.get('db');
    Object.assign(spec(edited), { type: 'ClusterIP', ports: [{ port: 5432 }] });
    const response = api.update(edited);
    expect(response.status).toBe(200);
    const asClusterIP = spec(response.body as KubeObject);
    expect(asClusterIP.clusterIPs).toEqual([asClusterIP.clusterIP]);
    expect(asClusterIP.ipFamilies).toEqual(['IPv4']);
    expect(asClusterIP.ipFamilyPolicy).toBe('SingleStack');
    expect(asClusterIP.internalTrafficPolicy).toBe('Cluster');

    const back = api.get('db');
    spec(back).type = 'ExternalName';
    const external = api.update(back);
    expect(external.status).toBe(200);
    const asExternal = spec(external.body as KubeObject);
    expect(asExternal.clusterIP).toBeUndefined();
    expect(asExternal.clusterIPs).toBeUndefined();
    expect(asExternal.ipFamilies).toBeUndefined();
    expect(asExternal.ipFamilyPolicy).toBeUndefined();
    expect(asExternal.internalTrafficPolicy).toBeUndefined();
    const reuse = api.create({
      metadata: { name: 'web' },
      spec: { clusterIP: asClusterIP.clusterIP, ports: [{ port: 80 }] },
    });
    expect(reuse.status).toBe(201);
  });
});

describe('Service status', () => {
  it('defaults ipMode and keeps ingress to LoadBalancer Services', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } });
    const written = api.patch('lb', { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } }, 'status');
    expect(written.status).toBe(200);
    expect((written.body as KubeObject).status).toEqual({
      loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] },
    });

    api.create({ metadata: { name: 'cip' }, spec: { ports: [{ port: 80 }] } });
    const refused = api.patch('cip', { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } }, 'status');
    expect(message(refused.body)).toBe(
      'Service "cip" is invalid: status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is \'LoadBalancer\'',
    );
  });
});

function nodePortServiceSpec(name: string, nodePort: number) {
  return { metadata: { name }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort }] } };
}
