import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { formatTimestamp } from '../../runtime/clock';
import { EndpointsController } from './endpoints-controller';
import { endpointsTest } from './endpoints.testing';
import type { EndpointSubset } from './types';

const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

function subsets(endpoints: KubeObject | undefined): EndpointSubset[] | undefined {
  return endpoints?.subsets as EndpointSubset[] | undefined;
}

function ips(endpoints: KubeObject | undefined, field: 'addresses' | 'notReadyAddresses' = 'addresses'): string[] {
  return (subsets(endpoints) ?? []).flatMap((subset) => (subset[field] ?? []).map((address) => address.ip));
}

function service(name: string, spec: Record<string, unknown>, labels: Record<string, string> = { app: name }) {
  return { metadata: { name, labels }, spec };
}

describe('Endpoints controller', () => {
  it('resolves a named targetPort per pod; without such a port the Service port stays empty (scenario a, shop-named)', () => {
    const test = endpointsTest();
    for (const [index, name] of ['shop-7d4b9c-a', 'shop-7d4b9c-b'].entries()) {
      test.createPod(name, { labels: { app: 'shop' }, ports: [{ containerPort: 80 }] });
      test.setStatus(name, `10.244.1.${10 + index}`, true);
    }
    test.createService(
      service(
        'shop-named',
        {
          selector: { app: 'shop' },
          ports: [
            { name: 'http', port: 80, targetPort: 'http-web' },
            { name: 'metrics', port: 9100, targetPort: 9100, protocol: 'TCP' },
          ],
        },
        {},
      ),
    );
    const endpoints = test.endpoints('shop-named');
    expect(endpoints?.metadata.labels).toBeUndefined();
    expect(subsets(endpoints)).toEqual([
      {
        addresses: [expect.objectContaining({ ip: '10.244.1.10' }), expect.objectContaining({ ip: '10.244.1.11' })],
        ports: [{ name: 'metrics', port: 9100, protocol: 'TCP' }],
      },
    ]);
  });

  it('splits pods whose named port resolves differently into subsets', () => {
    const test = endpointsTest();
    test.createPod('web-a', { labels: { app: 'web' }, ports: [{ name: 'web', containerPort: 8080 }] });
    test.createPod('web-b', { labels: { app: 'web' }, ports: [{ name: 'web', containerPort: 9090 }] });
    test.setStatus('web-a', '10.244.1.2', true);
    test.setStatus('web-b', '10.244.1.3', true);
    test.createService(service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'web' }] }));
    const byPort = (subsets(test.endpoints('web')) ?? []).map((subset) => [
      subset.ports?.[0]?.port,
      subset.addresses?.map((address) => address.ip),
    ]);
    expect(byPort).toEqual(
      expect.arrayContaining([
        [8080, ['10.244.1.2']],
        [9090, ['10.244.1.3']],
      ]),
    );
    expect(byPort).toHaveLength(2);
  });

  it('lists unready pods as notReadyAddresses, or as addresses with publishNotReadyAddresses', () => {
    const test = endpointsTest();
    test.createPod('api-a');
    test.createPod('api-b');
    test.setStatus('api-a', '10.244.1.2', true);
    test.setStatus('api-b', '10.244.1.3', false);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    test.createService(
      service('api-all', { selector: { app: 'api' }, ports: [{ port: 80 }], publishNotReadyAddresses: true }),
    );
    expect(ips(test.endpoints('api'))).toEqual(['10.244.1.2']);
    expect(ips(test.endpoints('api'), 'notReadyAddresses')).toEqual(['10.244.1.3']);
    expect(ips(test.endpoints('api-all'))).toEqual(['10.244.1.2', '10.244.1.3']);
  });

  it('leaves out pods without an IP, finished pods and terminating pods', () => {
    const test = endpointsTest();
    test.createPod('pending');
    test.createPod('done');
    test.createPod('leaving');
    test.createPod('serving');
    test.setStatus('done', '10.244.1.2', false);
    test.setStatus('leaving', '10.244.1.3', true);
    test.setStatus('serving', '10.244.1.4', true);
    const done = test.client.copy(test.get(RESOURCES.pods, 'done') as KubeObject);
    (done.status as Record<string, unknown>).phase = 'Succeeded';
    test.call('update', RESOURCES.pods, done, { name: 'done', subresource: 'status' });
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    test.call('delete', RESOURCES.pods, undefined, { name: 'leaving' });
    expect(test.get(RESOURCES.pods, 'leaving')?.metadata.deletionTimestamp).toBeDefined();
    expect(ips(test.endpoints('api'))).toEqual(['10.244.1.4']);
    expect(ips(test.endpoints('api'), 'notReadyAddresses')).toEqual([]);
  });

  it('drops a pod relabelled out of the selector, and clears the trigger time', () => {
    const test = endpointsTest();
    test.createPod('api-a');
    test.createPod('api-b');
    test.setStatus('api-a', '10.244.1.2', true);
    test.setStatus('api-b', '10.244.1.3', true);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    test.advance(5000);
    const pod = test.client.copy(test.get(RESOURCES.pods, 'api-b') as KubeObject);
    pod.metadata.labels = { app: 'debug' };
    test.call('update', RESOURCES.pods, pod, { name: 'api-b' });
    const endpoints = test.endpoints('api');
    expect(ips(endpoints)).toEqual(['10.244.1.2']);
    expect(endpoints?.metadata.annotations).toBeUndefined();

    // Back in: its Ready transition was never seen by this Service, so it is the trigger.
    const readyAt = (test.get(RESOURCES.pods, 'api-b')?.status as { conditions: Array<{ lastTransitionTime: string }> })
      .conditions[0]?.lastTransitionTime;
    const back = test.client.copy(test.get(RESOURCES.pods, 'api-b') as KubeObject);
    back.metadata.labels = { app: 'api' };
    test.call('update', RESOURCES.pods, back, { name: 'api-b' });
    expect(ips(test.endpoints('api'))).toEqual(['10.244.1.2', '10.244.1.3']);
    expect(test.endpoints('api')?.metadata.annotations).toEqual({ [TRIGGER]: readyAt });
  });

  it('stamps the time a pod became ready as the trigger time', () => {
    const test = endpointsTest();
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    const created = formatTimestamp(test.now());
    expect(test.endpoints('api')?.metadata.annotations).toEqual({ [TRIGGER]: created });
    expect(test.endpoints('api')?.subsets).toBeUndefined();
    test.createPod('api-a');
    test.advance(3000);
    test.setStatus('api-a', '10.244.1.2', true);
    expect(test.endpoints('api')?.metadata.annotations).toEqual({ [TRIGGER]: formatTimestamp(test.now()) });
  });

  it('selects the pods of two deployments sharing a label', () => {
    const test = endpointsTest();
    test.createPod('web-v1-a', { labels: { app: 'web', version: 'v1' } });
    test.createPod('web-v2-a', { labels: { app: 'web', version: 'v2' } });
    test.createPod('other', { labels: { app: 'other' } });
    test.setStatus('web-v1-a', '10.244.1.5', true);
    test.setStatus('web-v2-a', '10.244.1.4', true);
    test.setStatus('other', '10.244.1.6', true);
    test.createService(service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }));
    expect(subsets(test.endpoints('web'))).toEqual([
      {
        addresses: [
          expect.objectContaining({ ip: '10.244.1.4', targetRef: expect.objectContaining({ name: 'web-v2-a' }) }),
          expect.objectContaining({ ip: '10.244.1.5', targetRef: expect.objectContaining({ name: 'web-v1-a' }) }),
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('marks headless Services and sets hostnames of pods in their subdomain', () => {
    const test = endpointsTest();
    test.createPod('db-0', { labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' });
    test.setStatus('db-0', '10.244.1.7', true);
    test.createService(service('db', { selector: { app: 'db' }, clusterIP: 'None', ports: [{ port: 5432 }] }));
    const endpoints = test.endpoints('db');
    expect(endpoints?.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(subsets(endpoints)?.[0]?.addresses?.[0]).toEqual(
      expect.objectContaining({ ip: '10.244.1.7', hostname: 'db-0' }),
    );
  });

  it('leaves Services without a selector to their users, and gives ExternalName Services nothing', () => {
    const test = endpointsTest();
    test.createService(service('external', { ports: [{ port: 5432 }] }));
    test.createService(
      service('alias', { type: 'ExternalName', externalName: 'db.example.org', selector: { app: 'api' } }),
    );
    expect(test.endpoints('external')).toBeUndefined();
    expect(test.endpoints('alias')).toBeUndefined();
    test.call('create', RESOURCES.endpoints, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external' },
      subsets: [{ addresses: [{ ip: '192.168.1.50' }], ports: [{ port: 5432 }] }],
    });
    test.createPod('api-a');
    test.setStatus('api-a', '10.244.1.2', true);
    expect(ips(test.endpoints('external'))).toEqual(['192.168.1.50']);
  });

  it('deletes the Endpoints with its Service, and recreates them if deleted while the Service lives', () => {
    const test = endpointsTest();
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    test.call('delete', RESOURCES.endpoints, undefined, { name: 'api' });
    expect(test.endpoints('api')).toBeDefined();
    test.call('delete', RESOURCES.services, undefined, { name: 'api' });
    expect(test.endpoints('api')).toBeUndefined();
  });

  it('follows label changes of the Service', () => {
    const test = endpointsTest();
    const created = test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    const copy = test.client.copy(created);
    copy.metadata.labels = { app: 'api', tier: 'backend' };
    test.call('update', RESOURCES.services, copy, { name: 'api' });
    expect(test.endpoints('api')?.metadata.labels).toEqual({ app: 'api', tier: 'backend' });
  });

  it('truncates past 1000 addresses and says so', () => {
    const test = endpointsTest([new EndpointsController()]);
    for (let i = 0; i < 1001; i++) {
      const ip = `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      test.client.create(RESOURCES.pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `api-${i}`, namespace: 'default', labels: { app: 'api' } },
        spec: { nodeName: 'node01', containers: [{ name: 'api', image: 'nginx' }] },
      });
      const pod = test.client.copy(test.get(RESOURCES.pods, `api-${i}`) as KubeObject);
      pod.status = { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] };
      test.client.updateStatus(RESOURCES.pods, pod);
    }
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    const endpoints = test.endpoints('api');
    expect(endpoints?.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    expect(ips(endpoints)).toHaveLength(1000);
  });
});
