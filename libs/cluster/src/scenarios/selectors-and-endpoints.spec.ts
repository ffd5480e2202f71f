// "The set of Pods targeted by a Service is determined by a selector": the
// Endpoints follow pods as they come, go, change labels and roll.
import type { KubeObject } from '../api/objects';
import { deployment, pod, Scenario, service } from '../testing/scenario.testing';

describe('selectors and Endpoints', () => {
  it('adds pods as they become ready and drops them when they go', () => {
    const lab = new Scenario();
    lab.create(deployment('nginxsvc', 'nginx', 3));
    lab.create(service('nginxsvc', { selector: { app: 'nginxsvc' }, ports: [{ port: 80 }] }));
    expect(lab.endpointIPs('nginxsvc')).toEqual([]);
    expect(lab.table('Endpoints').find((row) => row[0] === 'nginxsvc')?.[1]).toBe('<none>');
    lab.wait(30);
    const ips = lab.podIPs('app=nginxsvc');
    expect(ips).toHaveLength(3);
    expect(lab.endpointIPs('nginxsvc')).toEqual(ips);

    lab.mergePatch('Deployment', 'nginxsvc', { spec: { replicas: 1 } });
    lab.wait(60);
    expect(lab.endpointIPs('nginxsvc')).toEqual(lab.podIPs('app=nginxsvc'));
    expect(lab.endpointIPs('nginxsvc')).toHaveLength(1);
  });

  it('takes a relabelled pod out of the Service while its ReplicaSet replaces it', () => {
    const lab = new Scenario();
    lab.create(deployment('api', 'nginx', 2));
    lab.create(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    lab.wait(30);
    const [first] = lab.list('Pod', 'default', { labelSelector: 'app=api' });
    const name = first?.metadata.name ?? '';
    const ip = String((first?.status as { podIP: string }).podIP);
    lab.mergePatch('Pod', name, { metadata: { labels: { app: 'debug' } } });
    expect(lab.endpointIPs('api')).not.toContain(ip);
    lab.wait(30);
    expect(lab.endpointIPs('api')).toHaveLength(2);
    // The relabelled pod lives on, no longer owned by the ReplicaSet.
    expect(lab.get('Pod', name).metadata.ownerReferences ?? []).toEqual([]);
  });

  it('serves pods of two Deployments through one Service', () => {
    const lab = new Scenario();
    lab.create(deployment('blue', 'nginx', 2, { app: 'shop', track: 'blue' }));
    lab.create(deployment('green', 'httpd', 1, { app: 'shop', track: 'green' }));
    lab.create(service('shop', { selector: { app: 'shop' }, ports: [{ port: 80 }] }));
    lab.wait(30);
    expect(lab.endpointIPs('shop')).toHaveLength(3);
    expect(lab.endpointIPs('shop')).toEqual(lab.podIPs('app=shop'));
  });

  it('lets the Service outlive its Deployment', () => {
    const lab = new Scenario();
    lab.create(deployment('web', 'nginx', 2));
    const created = lab.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    lab.wait(30);
    lab.delete('Deployment', 'web');
    lab.wait(60);
    expect(lab.list('Pod', 'default', { labelSelector: 'app=web' })).toEqual([]);
    const survivor = lab.get('Service', 'web');
    expect(survivor.metadata.uid).toBe(created.metadata.uid);
    expect(lab.endpointIPs('web')).toEqual([]);
    // A new Deployment with the same labels is picked up by the same Service.
    lab.create(deployment('web-v2', 'nginx', 1, { app: 'web' }));
    lab.wait(30);
    expect(lab.endpointIPs('web')).toEqual(lab.podIPs('app=web'));
  });

  it('lists not-ready pods as notReadyAddresses', () => {
    const lab = new Scenario();
    lab.create(
      pod(
        'slow',
        'nginx',
        { app: 'slow' },
        { readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } },
      ),
    );
    lab.create(service('slow', { selector: { app: 'slow' }, ports: [{ port: 80 }] }));
    lab.wait(30);
    const endpoints = lab.get('Endpoints', 'slow') as KubeObject & {
      subsets?: Array<{ addresses?: unknown[]; notReadyAddresses?: Array<{ ip: string }> }>;
    };
    expect(endpoints.subsets?.[0]?.addresses).toBeUndefined();
    expect(endpoints.subsets?.[0]?.notReadyAddresses?.map((address) => address.ip)).toEqual(lab.podIPs('app=slow'));
  });

  it('resolves a named targetPort per pod', () => {
    const lab = new Scenario();
    lab.create(pod('named', 'nginx', { app: 'named' }, { ports: [{ name: 'http-web', containerPort: 80 }] }));
    lab.create(service('named', { selector: { app: 'named' }, ports: [{ port: 8080, targetPort: 'http-web' }] }));
    lab.wait(30);
    const endpoints = lab.get('Endpoints', 'named') as KubeObject & {
      subsets: Array<{ ports: Array<{ port: number }> }>;
    };
    expect(endpoints.subsets[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('keeps user-managed Endpoints of a Service without a selector', () => {
    const lab = new Scenario();
    lab.create(service('external-db', { ports: [{ port: 5432 }] }));
    lab.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external-db' },
      subsets: [{ addresses: [{ ip: '192.168.1.50' }], ports: [{ port: 5432 }] }],
    });
    lab.wait(30);
    expect(lab.endpointIPs('external-db')).toEqual(['192.168.1.50']);
  });

  it('keeps the Service serving through a rolling update', () => {
    const lab = new Scenario();
    lab.create(deployment('web', 'nginx:1.25', 3));
    lab.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    lab.wait(30);
    lab.mergePatch('Deployment', 'web', {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    const images = new Set<string>();
    for (let second = 0; second < 60; second++) {
      lab.wait(1);
      const ready = lab.endpointIPs('web');
      expect(ready.length).toBeGreaterThanOrEqual(2);
      for (const candidate of lab.list('Pod', 'default', { labelSelector: 'app=web' })) {
        const ip = (candidate.status as { podIP?: string }).podIP;
        if (ip && ready.includes(ip)) {
          images.add(String((candidate.spec as { containers: Array<{ image: string }> }).containers[0]?.image));
        }
      }
    }
    expect([...images].sort()).toEqual(['nginx:1.25', 'nginx:1.27']);
    const after = lab
      .list('Pod', 'default', { labelSelector: 'app=web' })
      .filter((item) => !item.metadata.deletionTimestamp);
    expect(after.map((item) => (item.spec as { containers: Array<{ image: string }> }).containers[0]?.image)).toEqual([
      'nginx:1.27',
      'nginx:1.27',
      'nginx:1.27',
    ]);
    expect(lab.endpointIPs('web')).toHaveLength(3);
  });
});
