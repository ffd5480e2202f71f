// The Service objects of the recorded real cluster (scenario a), built the
// way kubectl sends them, and what the server stores for them.
import type { KubeObject } from '../../api/objects';
import { serviceServer } from './service.testing';

function specOf(object: KubeObject): Record<string, unknown> {
  return object.spec as Record<string, unknown>;
}

/** The random parts of a stored Service, replaced by placeholders. */
function withoutRandom(object: KubeObject): Record<string, unknown> {
  const spec = { ...specOf(object) };
  if (spec.clusterIP !== 'None' && spec.clusterIP !== undefined) {
    spec.clusterIP = '<ip>';
    spec.clusterIPs = ['<ip>'];
  }
  if (Array.isArray(spec.ports)) {
    spec.ports = (spec.ports as Array<Record<string, unknown>>).map((port) =>
      port.nodePort === undefined ? port : { ...port, nodePort: '<nodePort>' },
    );
  }
  return { spec, status: object.status };
}

describe('Services as kube-apiserver 1.32 stores them (scenario a)', () => {
  it('shop-cip: kubectl expose --port=8080 --target-port=80', () => {
    const api = serviceServer();
    const response = api.create({
      metadata: { creationTimestamp: null, labels: { app: 'shop' }, name: 'shop-cip' },
      spec: { ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }], selector: { app: 'shop' } },
      status: { loadBalancer: {} },
    });
    expect(response.status).toBe(201);
    const stored = api.get('shop-cip');
    expect(withoutRandom(stored)).toEqual({
      spec: {
        clusterIP: '<ip>',
        clusterIPs: ['<ip>'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }],
        selector: { app: 'shop' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
    expect(stored.metadata.generation).toBeUndefined();
    const ip = String(specOf(stored).clusterIP);
    expect(specOf(stored).clusterIPs).toEqual([ip]);
    // Dynamic allocation takes from above the 256 addresses kept for static use.
    expect(ip).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
    expect(ip.startsWith('10.96.0.')).toBe(false);
  });

  it('shop-np: kubectl expose --type=NodePort --port=80', () => {
    const api = serviceServer();
    api.create({
      metadata: { labels: { app: 'shop' }, name: 'shop-np' },
      spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'shop' }, type: 'NodePort' },
    });
    const stored = api.get('shop-np');
    expect(withoutRandom(stored)).toEqual({
      spec: {
        clusterIP: '<ip>',
        clusterIPs: ['<ip>'],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ nodePort: '<nodePort>', port: 80, protocol: 'TCP', targetPort: 80 }],
        selector: { app: 'shop' },
        sessionAffinity: 'None',
        type: 'NodePort',
      },
      status: { loadBalancer: {} },
    });
    const nodePort = (specOf(stored).ports as Array<{ nodePort: number }>)[0]?.nodePort ?? 0;
    expect(nodePort).toBeGreaterThanOrEqual(30086);
    expect(nodePort).toBeLessThanOrEqual(32767);
  });

  it('shop-lb: kubectl expose --type=LoadBalancer --port=80', () => {
    const api = serviceServer();
    api.create({
      metadata: { labels: { app: 'shop' }, name: 'shop-lb' },
      spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'shop' }, type: 'LoadBalancer' },
    });
    expect(withoutRandom(api.get('shop-lb'))).toEqual({
      spec: {
        allocateLoadBalancerNodePorts: true,
        clusterIP: '<ip>',
        clusterIPs: ['<ip>'],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ nodePort: '<nodePort>', port: 80, protocol: 'TCP', targetPort: 80 }],
        selector: { app: 'shop' },
        sessionAffinity: 'None',
        type: 'LoadBalancer',
      },
      status: { loadBalancer: {} },
    });
  });

  it('shop-db: kubectl create service externalname gets none of the IP fields', () => {
    const api = serviceServer();
    const response = api.create({
      metadata: { labels: { app: 'shop-db' }, name: 'shop-db' },
      spec: { externalName: 'db.example.org', selector: { app: 'shop-db' }, type: 'ExternalName' },
    });
    expect(response.status).toBe(201);
    expect(withoutRandom(api.get('shop-db'))).toEqual({
      spec: {
        externalName: 'db.example.org',
        selector: { app: 'shop-db' },
        sessionAffinity: 'None',
        type: 'ExternalName',
      },
      status: { loadBalancer: {} },
    });
  });

  it('shop-headless: kubectl create service clusterip --clusterip=None --tcp=80:80', () => {
    const api = serviceServer();
    api.create({
      metadata: { labels: { app: 'shop-headless' }, name: 'shop-headless' },
      spec: {
        clusterIP: 'None',
        ports: [{ name: '80-80', port: 80, protocol: 'TCP', targetPort: 80 }],
        selector: { app: 'shop-headless' },
        type: 'ClusterIP',
      },
    });
    expect(withoutRandom(api.get('shop-headless'))).toEqual({
      spec: {
        clusterIP: 'None',
        clusterIPs: ['None'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: '80-80', port: 80, protocol: 'TCP', targetPort: 80 }],
        selector: { app: 'shop-headless' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('shop-named: named ports, a named targetPort and an external IP', () => {
    const api = serviceServer();
    api.create({
      metadata: { name: 'shop-named', namespace: 'default' },
      spec: {
        externalIPs: ['192.168.1.100'],
        ports: [
          { name: 'http', port: 80, targetPort: 'http-web' },
          { name: 'metrics', port: 9100, protocol: 'TCP', targetPort: 9100 },
        ],
        selector: { app: 'shop' },
      },
    });
    expect(withoutRandom(api.get('shop-named'))).toEqual({
      spec: {
        clusterIP: '<ip>',
        clusterIPs: ['<ip>'],
        externalIPs: ['192.168.1.100'],
        // The recording's 1.28 server left this out; since 1.29 (kubernetes#119150) a
        // ClusterIP Service with externalIPs is externally accessible and defaulted.
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http-web' },
          { name: 'metrics', port: 9100, protocol: 'TCP', targetPort: 9100 },
        ],
        selector: { app: 'shop' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('the kubernetes Service keeps its static address 10.96.0.1', () => {
    const api = serviceServer();
    const response = api.create({
      metadata: { labels: { component: 'apiserver', provider: 'kubernetes' }, name: 'kubernetes' },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    });
    expect(response.status).toBe(201);
    expect(specOf(api.get('kubernetes'))).toEqual({
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
  });

  it('ClientIP affinity gets the default timeout', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'sticky' }, spec: { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } });
    expect(specOf(api.get('sticky')).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('a headless Service without a selector asks for both families, as on a real cluster', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'bare' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } });
    const spec = specOf(api.get('bare'));
    expect(spec.ipFamilyPolicy).toBe('RequireDualStack');
    expect(spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
  });

  it('serves the spec.clusterIP and spec.type field selectors', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'one' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    api.create({ metadata: { name: 'two' }, spec: { ports: [{ port: 80 }] } });
    const list = api.request({
      verb: 'list',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: 'default',
      query: { fieldSelector: 'spec.type=NodePort' },
    }).body as { items: KubeObject[] };
    expect(list.items.map((item) => item.metadata.name)).toEqual(['one']);
  });
});
