import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { EndpointsController } from './endpoints-controller';
import { endpointsTest } from './endpoints.testing';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointSliceMirroringController } from './mirroring-controller';
import type { SliceEndpoint, SlicePort } from './types';

function endpointsOf(slice: KubeObject | undefined): SliceEndpoint[] {
  return (slice?.endpoints as SliceEndpoint[] | null | undefined) ?? [];
}

function portsOf(slice: KubeObject | undefined): SlicePort[] {
  return (slice?.ports as SlicePort[] | null | undefined) ?? [];
}

function service(name: string, spec: Record<string, unknown>) {
  return { metadata: { name, labels: { app: name } }, spec };
}

describe('EndpointSlice controller', () => {
  it('keeps a terminating pod with ready false, serving from its readiness, terminating true', () => {
    const test = endpointsTest();
    test.createPod('api-a');
    test.createPod('api-b');
    test.setStatus('api-a', '10.244.1.2', true);
    test.setStatus('api-b', '10.244.1.3', false);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    test.call('delete', RESOURCES.pods, undefined, { name: 'api-a' });
    expect(endpointsOf(test.slices('api')[0]).map((endpoint) => [endpoint.addresses[0], endpoint.conditions])).toEqual([
      ['10.244.1.2', { ready: false, serving: true, terminating: true }],
      ['10.244.1.3', { ready: false, serving: false, terminating: false }],
    ]);
  });

  it('publishes not-ready pods as ready with publishNotReadyAddresses', () => {
    const test = endpointsTest();
    test.createPod('api-a');
    test.setStatus('api-a', '10.244.1.2', false);
    test.createService(
      service('api', { selector: { app: 'api' }, ports: [{ port: 80 }], publishNotReadyAddresses: true }),
    );
    expect(endpointsOf(test.slices('api')[0])[0]?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
  });

  it('makes one slice per port mapping when a named port resolves differently', () => {
    const test = endpointsTest();
    test.createPod('web-a', { labels: { app: 'web' }, ports: [{ name: 'web', containerPort: 8080 }] });
    test.createPod('web-b', { labels: { app: 'web' }, ports: [{ name: 'web', containerPort: 9090 }] });
    test.setStatus('web-a', '10.244.1.2', true);
    test.setStatus('web-b', '10.244.1.3', true);
    test.createService(
      service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }),
    );
    const slices = test.slices('web');
    expect(
      slices.map((slice) => [portsOf(slice), endpointsOf(slice).map((endpoint) => endpoint.addresses[0])]),
    ).toEqual(
      expect.arrayContaining([
        [[{ name: 'http', port: 8080, protocol: 'TCP' }], ['10.244.1.2']],
        [[{ name: 'http', port: 9090, protocol: 'TCP' }], ['10.244.1.3']],
      ]),
    );
    expect(slices).toHaveLength(2);
  });

  it('lists only the ports a pod has: an unresolved named port is left out (shop-named)', () => {
    const test = endpointsTest();
    test.createPod('shop-a', { labels: { app: 'shop' }, ports: [{ containerPort: 80 }] });
    test.setStatus('shop-a', '10.244.1.10', true);
    test.createService(
      service('shop-named', {
        selector: { app: 'shop' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http-web' },
          { name: 'metrics', port: 9100, targetPort: 9100 },
        ],
      }),
    );
    expect(portsOf(test.slices('shop-named')[0])).toEqual([{ name: 'metrics', port: 9100, protocol: 'TCP' }]);
  });

  it('keeps one placeholder slice for a Service without endpoints', () => {
    const test = endpointsTest();
    test.createService(service('empty', { selector: { app: 'nothing' }, ports: [{ port: 80 }] }));
    const slices = test.slices('empty');
    expect(slices).toHaveLength(1);
    expect(slices[0]?.endpoints).toBeNull();
    expect(slices[0]?.ports).toBeNull();
    expect(slices[0]?.metadata.generateName).toBe('empty-');
    // Syncing again changes nothing.
    const version = slices[0]?.metadata.resourceVersion;
    const copy = test.client.copy(test.get(RESOURCES.services, 'empty') as KubeObject);
    copy.metadata.annotations = { note: 'touched' };
    test.call('update', RESOURCES.services, copy, { name: 'empty' });
    expect(test.slices('empty')[0]?.metadata.resourceVersion).toBe(version);
  });

  it('reuses the placeholder when the first endpoint arrives', () => {
    const test = endpointsTest();
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    const placeholder = test.slices('api')[0];
    test.createPod('api-a');
    test.setStatus('api-a', '10.244.1.2', true);
    const slices = test.slices('api');
    expect(slices).toHaveLength(1);
    expect(slices[0]?.metadata.name).toBe(placeholder?.metadata.name);
    expect(slices[0]?.metadata.uid).toBe(placeholder?.metadata.uid);
    expect(portsOf(slices[0])).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });

  it('fills slices up to the maximum and opens new ones', () => {
    const test = endpointsTest([new EndpointSliceController(2)]);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    for (let i = 0; i < 5; i++) {
      test.createPod(`api-${i}`);
      test.setStatus(`api-${i}`, `10.244.1.${i + 2}`, true);
    }
    const sizes = test.slices('api').map((slice) => endpointsOf(slice).length);
    expect(sizes.sort()).toEqual([1, 2, 2]);
  });

  it('labels headless slices, sets hostname and the zone of the node', () => {
    const test = endpointsTest();
    const node = test.client.copy(test.client.get(RESOURCES.nodes, undefined, 'node01') as KubeObject);
    node.metadata.labels = { 'topology.kubernetes.io/zone': 'zone-a' };
    test.request({ verb: 'update', ...RESOURCES.nodes, name: 'node01', body: node });
    test.createPod('db-0', { labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' });
    test.setStatus('db-0', '10.244.1.7', true);
    test.createService(service('db', { selector: { app: 'db' }, clusterIP: 'None', ports: [{ port: 5432 }] }));
    const slice = test.slices('db')[0];
    expect(slice?.metadata.labels).toEqual({
      app: 'db',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'db',
      'service.kubernetes.io/headless': '',
    });
    expect(endpointsOf(slice)[0]).toEqual({
      addresses: ['10.244.1.7'],
      conditions: { ready: true, serving: true, terminating: false },
      hostname: 'db-0',
      nodeName: 'node01',
      targetRef: expect.objectContaining({ name: 'db-0' }),
      zone: 'zone-a',
    });
  });

  it('leaves out a pod whose node does not exist and reports it on the Service', () => {
    const test = endpointsTest();
    test.createPod('api-a', { node: 'ghost' });
    test.setStatus('api-a', '10.244.1.2', true);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    expect(endpointsOf(test.slices('api')[0])).toEqual([]);
    const warnings = test.client
      .list(RESOURCES.events, 'default')
      .map((event) => `${String(event.reason)}: ${String(event.message)}`);
    expect(warnings).toContain(
      'FailedToUpdateEndpointSlices: Error updating Endpoint Slices for Service default/api: ' +
        'skipping Pod api-a for Service default/api: Node ghost Not Found',
    );
  });

  it('gives Services without a selector and ExternalName Services no managed slices', () => {
    const test = endpointsTest([new EndpointsController(), new EndpointSliceController()]);
    test.createService(service('external', { ports: [{ port: 5432 }] }));
    test.createService(
      service('alias', { type: 'ExternalName', externalName: 'db.example.org', selector: { app: 'x' } }),
    );
    expect(test.slices('external')).toEqual([]);
    expect(test.slices('alias')).toEqual([]);
  });

  it('removes the slices of a deleted Service', () => {
    const test = endpointsTest();
    test.createPod('api-a');
    test.setStatus('api-a', '10.244.1.2', true);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    expect(test.slices('api')).toHaveLength(1);
    test.call('delete', RESOURCES.services, undefined, { name: 'api' });
    expect(test.slices('api')).toEqual([]);
    expect(test.endpoints('api')).toBeUndefined();
  });

  it('repairs a managed slice someone else changed', () => {
    const test = endpointsTest([new EndpointSliceController(), new EndpointSliceMirroringController()]);
    test.createPod('api-a');
    test.setStatus('api-a', '10.244.1.2', true);
    test.createService(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    const slice = test.client.copy(test.slices('api')[0] as KubeObject);
    slice.endpoints = [];
    test.call('update', RESOURCES.endpointslices, slice, { name: slice.metadata.name });
    expect(endpointsOf(test.slices('api')[0]).map((endpoint) => endpoint.addresses[0])).toEqual(['10.244.1.2']);
  });
});
