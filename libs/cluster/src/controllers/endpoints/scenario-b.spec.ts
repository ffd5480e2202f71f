// Transcript scenario b (b-endpoints.sh): three ready nginx pods behind
// `kubectl expose deployment api --port=80`, then scaled to zero.
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { formatTimestamp } from '../../runtime/clock';
import { endpointsTest } from './endpoints.testing';

const PODS = ['api-846d986b8b-5hzm5', 'api-846d986b8b-mcfjt', 'api-846d986b8b-xbbr2'];

function setup() {
  const test = endpointsTest();
  PODS.forEach((name, index) => {
    test.createPod(name, { labels: { app: 'api', 'pod-template-hash': '846d986b8b' }, ports: [{ containerPort: 80 }] });
    test.setStatus(name, `10.244.1.${12 + index}`, true);
  });
  test.advance(7000);
  const service = test.createService({
    metadata: { name: 'api', labels: { app: 'api' } },
    spec: { selector: { app: 'api' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
  });
  const uid = (name: string) => test.get(RESOURCES.pods, name)?.metadata.uid;
  return { test, service, uid };
}

describe('scenario b: Endpoints and EndpointSlices of an exposed deployment', () => {
  it('writes the Endpoints as kube-controller-manager does', () => {
    const { test, uid } = setup();
    const created = formatTimestamp(test.now());
    const endpoints = test.endpoints('api') as KubeObject;
    expect(endpoints).toEqual({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created },
        creationTimestamp: created,
        labels: { app: 'api' },
        name: 'api',
        namespace: 'default',
        resourceVersion: endpoints.metadata.resourceVersion,
        uid: endpoints.metadata.uid,
      },
      subsets: [
        {
          addresses: PODS.map((name, index) => ({
            ip: `10.244.1.${12 + index}`,
            nodeName: 'node01',
            targetRef: { kind: 'Pod', name, namespace: 'default', uid: uid(name) },
          })),
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    });
  });

  it('writes one EndpointSlice named from generateName, owned by the Service', () => {
    const { test, service, uid } = setup();
    const created = formatTimestamp(test.now());
    const slices = test.slices('api');
    expect(slices).toHaveLength(1);
    const slice = slices[0] as KubeObject;
    expect(slice.metadata.name).toMatch(/^api-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice).toEqual({
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: PODS.map((name, index) => ({
        addresses: [`10.244.1.${12 + index}`],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'node01',
        targetRef: { kind: 'Pod', name, namespace: 'default', uid: uid(name) },
      })),
      kind: 'EndpointSlice',
      metadata: {
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created },
        creationTimestamp: created,
        generateName: 'api-',
        generation: 1,
        labels: {
          app: 'api',
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          'kubernetes.io/service-name': 'api',
        },
        name: slice.metadata.name,
        namespace: 'default',
        ownerReferences: [
          {
            apiVersion: 'v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'Service',
            name: 'api',
            uid: service.metadata.uid,
          },
        ],
        resourceVersion: slice.metadata.resourceVersion,
        uid: slice.metadata.uid,
      },
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    });
  });

  it('is deterministic: the same seed names the slice the same', () => {
    expect(setup().test.slices('api')[0]?.metadata.name).toBe(setup().test.slices('api')[0]?.metadata.name);
  });

  it('on scale to 0 empties the Endpoints and drops its annotation; the slice keeps terminating endpoints', () => {
    const { test } = setup();
    test.advance(20000);
    const before = test.endpoints('api') as KubeObject;
    // The ReplicaSet controller deletes the three pods in one sync.
    for (const name of PODS) test.client.delete(RESOURCES.pods, 'default', name);
    test.runtime.drain();

    const endpoints = test.endpoints('api') as KubeObject;
    expect(endpoints).toEqual({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        creationTimestamp: before.metadata.creationTimestamp,
        labels: { app: 'api' },
        name: 'api',
        namespace: 'default',
        resourceVersion: endpoints.metadata.resourceVersion,
        uid: before.metadata.uid,
      },
    });

    const slice = test.slices('api')[0] as KubeObject;
    expect(slice.metadata.annotations).toBeUndefined();
    expect(slice.metadata.generation).toBe(2);
    expect(slice.endpoints).toEqual(
      PODS.map((name, index): unknown =>
        expect.objectContaining({
          addresses: [`10.244.1.${12 + index}`],
          conditions: { ready: false, serving: true, terminating: true },
          targetRef: expect.objectContaining({ name }),
        }),
      ),
    );
  });

  it('keeps the emptied slice once the pods are gone', () => {
    const { test } = setup();
    const name = test.slices('api')[0]?.metadata.name;
    for (const pod of PODS) test.client.delete(RESOURCES.pods, 'default', pod, { gracePeriodSeconds: 0 });
    test.runtime.drain();
    const slices = test.slices('api');
    expect(slices).toHaveLength(1);
    const slice = slices[0] as KubeObject;
    expect(slice.metadata.name).toBe(name);
    expect(slice.endpoints).toBeNull();
    expect(slice.ports).toBeNull();
    expect(slice.metadata.labels).toEqual({
      app: 'api',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'api',
    });
    expect(test.endpoints('api')?.subsets).toBeUndefined();
  });
});
