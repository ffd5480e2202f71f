import type { KubeObject } from '../../api/objects';
import { coreServer } from './core-kinds.testing';

describe('endpoints', () => {
  it('defaults port protocols and may be created by PUT', () => {
    const api = coreServer();
    const response = api.update('endpoints', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'api', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.244.1.12', nodeName: 'node01' }], ports: [{ port: 80 }] }],
    });
    expect(response.status).toBe(201);
    expect((response.body as KubeObject).subsets).toEqual([
      { addresses: [{ ip: '10.244.1.12', nodeName: 'node01' }], ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
  });

  it('validates subsets', () => {
    const api = coreServer();
    const response = api.create('endpoints', {
      metadata: { name: 'e' },
      subsets: [
        { ports: [{ port: 80 }] },
        { addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }, { port: 81, name: 'b' }] },
      ],
    });
    expect(api.message(response)).toBe(
      'Endpoints "e" is invalid: [' +
        [
          'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
          'subsets[1].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
          'subsets[1].ports[0].name: Required value',
        ].join(', ') +
        ']',
    );
  });
});

describe('endpointslices', () => {
  const slice = (extra: Record<string, unknown> = {}) => ({
    metadata: { name: 'api-x', labels: { 'kubernetes.io/service-name': 'api' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.1.12'], conditions: { ready: true } }],
    ports: [{ port: 80 }],
    ...extra,
  });

  it('defaults ports and starts at generation 1, counting label changes', () => {
    const api = coreServer();
    const created = api.create('endpointslices', slice()).body as KubeObject;
    expect(created.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(created.metadata.generation).toBe(1);
    const relabeled = {
      ...created,
      metadata: { ...created.metadata, labels: { ...created.metadata.labels, extra: 'x' } },
    };
    expect((api.update('endpointslices', relabeled).body as KubeObject).metadata.generation).toBe(2);
  });

  it('validates the address type, addresses and size', () => {
    const api = coreServer();
    expect(api.message(api.create('endpointslices', slice({ addressType: 'IP4' })))).toBe(
      'EndpointSlice.discovery.k8s.io "api-x" is invalid: addressType: Unsupported value: "IP4": supported values: "FQDN", "IPv4", "IPv6"',
    );
    expect(api.message(api.create('endpointslices', slice({ endpoints: [{ addresses: ['fd00::1'] }] })))).toBe(
      'EndpointSlice.discovery.k8s.io "api-x" is invalid: endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
    );
    const many = Array.from({ length: 1001 }, (_, index) => ({
      addresses: [`10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`],
    }));
    expect(api.message(api.create('endpointslices', slice({ endpoints: many })))).toBe(
      'EndpointSlice.discovery.k8s.io "api-x" is invalid: endpoints: Too many: 1001: must have at most 1000 items',
    );
  });
});

describe('events', () => {
  it('requires the involved object in the event namespace', () => {
    const api = coreServer();
    const response = api.create('events', {
      metadata: { name: 'e1' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' },
    });
    expect(api.message(response)).toBe(
      'Event "e1" is invalid: involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    );
  });
});

describe('nodes', () => {
  it('validates taints where Go reports them', () => {
    const api = coreServer();
    const response = api.create('nodes', {
      metadata: { name: 'node02' },
      spec: {
        taints: [
          { key: 'a', effect: 'NoSchedule' },
          { key: 'a', effect: 'NoSchedule' },
          { key: 'b', effect: 'Never' },
        ],
      },
    });
    expect(api.message(response)).toBe(
      'Node "node02" is invalid: [' +
        [
          'metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
          'metadata.taints[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
        ].join(', ') +
        ']',
    );
  });
});
