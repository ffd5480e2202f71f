import { namespaceDefinition } from '../registry/core-kinds';
import { namespaceSeed } from '../testing/fixtures.testing';
import { createTestServer, TEST_START } from '../testing/test-server.testing';
import type { KubeObject, Status } from './objects';
import type { ApiRequest, WatchEvent } from './request';
import { ALL_VERBS, type ResourceDefinition } from './resources';
import { fieldErrors } from './field-errors';
import { nameIsDNSSubdomain } from './validation/object-meta';
import { WatchHub } from './watch-hub';

// A kind of our own, so these tests exercise only the generic pipeline.
const widgets: ResourceDefinition = {
  group: 'test.kubelab.dev',
  version: 'v1',
  resource: 'widgets',
  singularName: 'widget',
  kind: 'Widget',
  namespaced: true,
  shortNames: ['wd'],
  verbs: ALL_VERBS,
  categories: [],
  status: true,
  generation: true,
  scale: { selector: () => 'app=widget' },
  fieldLabels: (object) => ({ 'spec.color': String((object.spec as { color?: string } | undefined)?.color ?? '') }),
  strategy: {
    nameValidator: nameIsDNSSubdomain,
    applyDefaults(object) {
      const spec = (object.spec ??= {}) as Record<string, unknown>;
      spec.color ??= 'blue';
    },
    validate(object) {
      const spec = object.spec as { replicas?: number };
      return (spec.replicas ?? 0) < 0
        ? [fieldErrors.invalid('spec.replicas', spec.replicas ?? 0, 'must be greater than or equal to 0')]
        : [];
    },
  },
};

function setup() {
  return createTestServer({
    definitions: [widgets, namespaceDefinition],
    objects: [namespaceSeed('default'), namespaceSeed('other')],
  });
}

function widget(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'test.kubelab.dev/v1', kind: 'Widget', metadata: { name }, spec: { replicas: 1 }, ...extra };
}

const base = { group: 'test.kubelab.dev', version: 'v1', resource: 'widgets', namespace: 'default' } as const;
const req = (request: Partial<ApiRequest> & Pick<ApiRequest, 'verb'>): ApiRequest => ({ ...base, ...request });

describe('the generic registry', () => {
  it('creates with system fields, defaults, generation 1 and no status from the client', () => {
    const test = setup();
    const response = test.request(req({ verb: 'create', body: widget('a', { status: { ready: true } }) }));
    expect(response.status).toBe(201);
    const body = response.body as KubeObject;
    expect(body.metadata).toEqual({
      name: 'a',
      namespace: 'default',
      uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      resourceVersion: expect.stringMatching(/^\d+$/),
      creationTimestamp: new Date(TEST_START).toISOString().replace('.000Z', 'Z'),
      generation: 1,
    });
    expect(body.spec).toEqual({ replicas: 1, color: 'blue' });
  });

  it('answers AlreadyExists and NotFound with the real wording', () => {
    const test = setup();
    test.request(req({ verb: 'create', body: widget('a') }));
    const again = test.request(req({ verb: 'create', body: widget('a') }));
    expect(again.status).toBe(409);
    expect((again.body as Status).message).toBe('widgets.test.kubelab.dev "a" already exists');
    const missing = test.request(req({ verb: 'get', name: 'ghost' }));
    expect(missing.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'widgets.test.kubelab.dev "ghost" not found',
      reason: 'NotFound',
      details: { name: 'ghost', group: 'test.kubelab.dev', kind: 'widgets' },
      code: 404,
    });
  });

  it('refuses objects in a namespace that does not exist only through admission (none here), and a namespace mismatch always', () => {
    const test = setup();
    const response = test.request(
      req({ verb: 'create', body: { ...widget('a'), metadata: { name: 'a', namespace: 'other' } } }),
    );
    expect((response.body as Status).message).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  });

  it('generates names from generateName', () => {
    const test = setup();
    const response = test.request(req({ verb: 'create', body: { ...widget(''), metadata: { generateName: 'web-' } } }));
    expect((response.body as KubeObject).metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('reports invalid objects with field paths', () => {
    const test = setup();
    const response = test.request(req({ verb: 'create', body: widget('a', { spec: { replicas: -1 } }) }));
    expect(response.status).toBe(422);
    expect((response.body as Status).message).toBe(
      'Widget.test.kubelab.dev "a" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('updates with optimistic concurrency and bumps generation only for spec changes', () => {
    const test = setup();
    const created = test.request(req({ verb: 'create', body: widget('a') })).body as KubeObject;
    const relabelled = { ...created, metadata: { ...created.metadata, labels: { x: 'y' } } };
    const first = test.request(req({ verb: 'update', name: 'a', body: relabelled })).body as KubeObject;
    expect(first.metadata.generation).toBe(1);
    const stale = test.request(req({ verb: 'update', name: 'a', body: { ...relabelled, spec: { replicas: 3 } } }));
    expect(stale.status).toBe(409);
    expect((stale.body as Status).message).toBe(
      'Operation cannot be fulfilled on widgets.test.kubelab.dev "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    const second = test.request(req({ verb: 'update', name: 'a', body: { ...first, spec: { replicas: 3 } } }));
    expect((second.body as KubeObject).metadata.generation).toBe(2);
  });

  it('keeps status on main writes and only status on status writes', () => {
    const test = setup();
    const created = test.request(req({ verb: 'create', body: widget('a') })).body as KubeObject;
    const statusWrite = test.request(
      req({
        verb: 'update',
        name: 'a',
        subresource: 'status',
        body: { ...created, spec: { replicas: 9 }, status: { ok: 1 } },
      }),
    ).body as KubeObject;
    expect(statusWrite.status).toEqual({ ok: 1 });
    expect(statusWrite.spec).toEqual({ replicas: 1, color: 'blue' });
    const mainWrite = test.request(req({ verb: 'update', name: 'a', body: { ...statusWrite, status: { ok: 2 } } }))
      .body as KubeObject;
    expect(mainWrite.status).toEqual({ ok: 1 });
  });

  it('does not write when nothing changed', () => {
    const test = setup();
    const created = test.request(req({ verb: 'create', body: widget('a') })).body as KubeObject;
    const same = test.request(req({ verb: 'update', name: 'a', body: created })).body as KubeObject;
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('patches with merge patches', () => {
    const test = setup();
    test.request(req({ verb: 'create', body: widget('a') }));
    const patched = test.request(
      req({
        verb: 'patch',
        name: 'a',
        patchType: 'merge',
        body: { metadata: { labels: { tier: 'x' } }, spec: { color: null } },
      }),
    ).body as KubeObject;
    expect(patched.metadata.labels).toEqual({ tier: 'x' });
    // The default comes back: patches are decoded and defaulted like any write.
    expect(patched.spec).toEqual({ replicas: 1, color: 'blue' });
  });

  it('stores nothing on dry run', () => {
    const test = setup();
    const response = test.request(req({ verb: 'create', body: widget('a'), query: { dryRun: 'All' } }));
    expect(response.status).toBe(201);
    expect(test.request(req({ verb: 'get', name: 'a' })).status).toBe(404);
  });

  it('lists with label and field selectors, across namespaces, in key order, with chunks', () => {
    const test = setup();
    for (const [namespace, name, color] of [
      ['other', 'b', 'red'],
      ['default', 'c', 'red'],
      ['default', 'a', 'green'],
    ] as const) {
      test.request({
        ...base,
        namespace,
        verb: 'create',
        body: { ...widget(name), metadata: { name, labels: { color } }, spec: { color } },
      });
    }
    const names = (request: Partial<ApiRequest>) =>
      ((test.request(req({ verb: 'list', ...request })).body as { items: KubeObject[] }).items ?? []).map(
        (item) => `${item.metadata.namespace}/${item.metadata.name}`,
      );
    expect(names({ namespace: undefined })).toEqual(['default/a', 'default/c', 'other/b']);
    expect(names({ namespace: undefined, query: { labelSelector: 'color=red' } })).toEqual(['default/c', 'other/b']);
    expect(names({ namespace: undefined, query: { fieldSelector: 'spec.color!=red' } })).toEqual(['default/a']);
    const firstPage = test.request(req({ verb: 'list', namespace: undefined, query: { limit: 2 } })).body as {
      metadata: { continue?: string };
    };
    expect(firstPage.metadata.continue).toBeDefined();
    expect(names({ namespace: undefined, query: { limit: 2, continue: firstPage.metadata.continue ?? '' } })).toEqual([
      'other/b',
    ]);
    const bad = test.request(req({ verb: 'list', query: { fieldSelector: 'spec.size=1' } }));
    expect((bad.body as Status).message).toBe(
      'Unable to find "test.kubelab.dev/v1, Resource=widgets" that match label selector "", field selector "spec.size=1": field label not supported: spec.size',
    );
  });

  it('deletes at once without finalizers, and waits for finalizers to be removed', () => {
    const test = setup();
    test.request(req({ verb: 'create', body: widget('a') }));
    const gone = test.request(req({ verb: 'delete', name: 'a' }));
    expect(gone.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'a', kind: 'widgets' } });
    test.request(
      req({ verb: 'create', body: { ...widget('b'), metadata: { name: 'b', finalizers: ['example.com/hold'] } } }),
    );
    const pending = test.request(req({ verb: 'delete', name: 'b' })).body as KubeObject;
    expect(pending.metadata.deletionTimestamp).toBeDefined();
    expect(pending.metadata.generation).toBe(2);
    test.request(req({ verb: 'patch', name: 'b', patchType: 'merge', body: { metadata: { finalizers: null } } }));
    expect(test.request(req({ verb: 'get', name: 'b' })).status).toBe(404);
  });

  it('adds the orphan finalizer for Orphan propagation', () => {
    const test = setup();
    test.request(req({ verb: 'create', body: widget('a') }));
    const pending = test.request(req({ verb: 'delete', name: 'a', query: { propagationPolicy: 'Orphan' } }))
      .body as KubeObject;
    expect(pending.metadata.finalizers).toEqual(['orphan']);
  });

  it('serves the scale subresource', () => {
    const test = setup();
    test.request(req({ verb: 'create', body: widget('a') }));
    const scaled = test.request(
      req({ verb: 'patch', name: 'a', subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 4 } } }),
    ).body as KubeObject;
    expect(scaled).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 4 } });
    expect((test.request(req({ verb: 'get', name: 'a' })).body as KubeObject).spec).toEqual({
      replicas: 4,
      color: 'blue',
    });
  });

  it('answers for unknown resources and verbs like the real server', () => {
    const test = setup();
    expect(test.request({ verb: 'list', group: '', version: 'v1', resource: 'gadgets' }).body).toMatchObject({
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
    });
  });

  it('streams watch events after each request, reporting objects leaving a selector as DELETED', () => {
    const test = setup();
    const hub = new WatchHub(test.server);
    const seen: string[] = [];
    test.request(req({ verb: 'create', body: { ...widget('a'), metadata: { name: 'a', labels: { app: 'x' } } } }));
    hub.watch({ ...base, query: { labelSelector: 'app=x' } }, (event: WatchEvent) =>
      seen.push(`${event.type} ${(event.object as KubeObject).metadata.name ?? ''}`),
    );
    hub.flush();
    test.request(req({ verb: 'create', body: { ...widget('b'), metadata: { name: 'b', labels: { app: 'x' } } } }));
    test.request(req({ verb: 'patch', name: 'a', patchType: 'merge', body: { metadata: { labels: { app: 'y' } } } }));
    test.request(req({ verb: 'delete', name: 'b' }));
    hub.flush();
    expect(seen).toEqual(['ADDED a', 'ADDED b', 'DELETED a', 'DELETED b']);
  });
});
