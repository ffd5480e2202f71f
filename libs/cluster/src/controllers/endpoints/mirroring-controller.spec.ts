import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { endpointsTest } from './endpoints.testing';

function manualEndpoints(name: string, subsets: unknown[], labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, ...(labels ? { labels } : {}) }, subsets };
}

const DATABASE = [{ addresses: [{ ip: '192.168.1.50' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }];

describe('EndpointSlice mirroring controller', () => {
  it('mirrors the hand-written Endpoints of a Service without a selector', () => {
    const test = endpointsTest();
    test.createService({ metadata: { name: 'external' }, spec: { ports: [{ name: 'pg', port: 5432 }] } });
    const endpoints = test.call('create', RESOURCES.endpoints, manualEndpoints('external', DATABASE, { team: 'db' }));
    const slices = test.slices('external');
    expect(slices).toHaveLength(1);
    const slice = slices[0] as KubeObject;
    expect(slice).toEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: expect.objectContaining({
        generateName: 'external-',
        name: expect.stringMatching(/^external-[a-z0-9]{5}$/),
        labels: {
          team: 'db',
          'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
          'kubernetes.io/service-name': 'external',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Endpoints',
            name: 'external',
            uid: endpoints.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      }),
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.168.1.50'], conditions: { ready: true } }],
      ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
    });
    expect(slice.metadata.annotations).toBeUndefined();
  });

  it('follows changes of the Endpoints and removes the copies with them', () => {
    const test = endpointsTest();
    test.createService({ metadata: { name: 'external' }, spec: { ports: [{ port: 5432 }] } });
    const created = test.call('create', RESOURCES.endpoints, manualEndpoints('external', DATABASE));
    const name = test.slices('external')[0]?.metadata.name;
    const changed = test.client.copy(created);
    changed.subsets = [
      {
        addresses: [{ ip: '192.168.1.50' }],
        notReadyAddresses: [{ ip: '192.168.1.51' }],
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      },
    ];
    test.call('update', RESOURCES.endpoints, changed, { name: 'external' });
    const slices = test.slices('external');
    expect(slices.map((slice) => slice.metadata.name)).toEqual([name]);
    expect(slices[0]?.endpoints).toEqual([
      { addresses: ['192.168.1.50'], conditions: { ready: true } },
      { addresses: ['192.168.1.51'], conditions: { ready: false } },
    ]);
    test.call('delete', RESOURCES.endpoints, undefined, { name: 'external' });
    expect(test.slices('external')).toEqual([]);
  });

  it('skips Endpoints labelled skip-mirror, like the API server’s own `kubernetes`', () => {
    const test = endpointsTest();
    test.createService({
      metadata: { name: 'kubernetes' },
      spec: { ports: [{ name: 'https', port: 443, targetPort: 6443 }] },
    });
    test.call(
      'create',
      RESOURCES.endpoints,
      manualEndpoints(
        'kubernetes',
        [{ addresses: [{ ip: '192.0.2.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
        { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      ),
    );
    expect(test.slices('kubernetes')).toEqual([]);
  });

  it('mirrors nothing for a Service with a selector or without a Service', () => {
    const test = endpointsTest();
    test.call('create', RESOURCES.endpoints, manualEndpoints('orphan', DATABASE));
    expect(test.slices('orphan')).toEqual([]);
    test.createService({ metadata: { name: 'orphan' }, spec: { ports: [{ port: 5432 }] } });
    expect(test.slices('orphan')).toHaveLength(1);
    test.call('delete', RESOURCES.services, undefined, { name: 'orphan' });
    // The Endpoints controller deletes the Endpoints of a deleted Service; the copies go too.
    expect(test.endpoints('orphan')).toBeUndefined();
    expect(test.slices('orphan')).toEqual([]);
  });
});
