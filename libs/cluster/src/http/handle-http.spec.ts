import { Cluster, SimulatedClock } from '../index';
import { utf8Encode } from '../runtime/bytes';
import { handleHttp } from './handle-http';
import { routeOf } from './routes';
import { parseQueryString, requestQuery } from './query-string';

const T0 = Date.UTC(2025, 0, 1, 12);

function cluster(): Cluster {
  return Cluster.create({ seed: 'http', timeSource: SimulatedClock.manual(T0).source });
}

const json = (body: string): unknown => JSON.parse(body);

describe('routes', () => {
  it('maps resource paths to group, version, namespace, resource, name and subresource', () => {
    expect(routeOf('/api/v1/namespaces/default/pods/web/log')).toEqual({
      kind: 'resource',
      target: { group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', subresource: 'log' },
    });
    expect(routeOf('/apis/apps/v1/deployments')).toEqual({
      kind: 'resource',
      target: { group: 'apps', version: 'v1', resource: 'deployments' },
    });
    expect(routeOf('/api/v1/namespaces/dev')).toEqual({
      kind: 'resource',
      target: { group: '', version: 'v1', resource: 'namespaces', name: 'dev' },
    });
    expect(routeOf('/api/v1/namespaces/dev/status')).toEqual({
      kind: 'resource',
      target: { group: '', version: 'v1', resource: 'namespaces', name: 'dev', subresource: 'status' },
    });
    expect(routeOf('/apis/apps')).toEqual({ kind: 'group', group: 'apps' });
    expect(routeOf('/metrics')).toEqual({ kind: 'unknown' });
  });

  it('decodes query strings as Go does and keeps the options the cluster knows', () => {
    const values = parseQueryString('labelSelector=app%3Dweb%2Ctier+in+(a)&limit=500&propagationPolicy=Foreground&x=1');
    expect(requestQuery(values)).toEqual({
      labelSelector: 'app=web,tier in (a)',
      limit: 500,
      propagationPolicy: 'Foreground',
    });
  });
});

describe('handleHttp', () => {
  it('serves /version at the nodes release', () => {
    const response = handleHttp(cluster(), { method: 'GET', path: '/version?timeout=32s', headers: {} });
    expect(response.status).toBe(200);
    expect(response.body).toBe(
      '{"major":"1","minor":"32","gitVersion":"v1.32.0","gitCommit":"70d3cc986aa8221cd1dfb1121852688902d3bf53","gitTreeState":"clean","buildDate":"2024-12-11T17:59:15Z","goVersion":"go1.23.3","compiler":"gc","platform":"linux/amd64"}\n',
    );
  });

  it('answers aggregated discovery requests with the legacy documents, and unknown paths as Go does', () => {
    const c = cluster();
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const groups = handleHttp(c, { method: 'GET', path: '/apis', headers: { Accept: accept } });
    expect(groups.headers['Content-Type']).toBe('application/json');
    expect((json(groups.body) as { kind: string }).kind).toBe('APIGroupList');
    expect(handleHttp(c, { method: 'GET', path: '/apis/batch/v1/jobs', headers: {} })).toEqual({
      status: 404,
      headers: {
        'Cache-Control': 'no-cache, private',
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      },
      body: '404 page not found\n',
    });
    expect(json(handleHttp(c, { method: 'GET', path: '/api/v1/foos', headers: {} }).body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });

  it('serves Tables when the Accept header asks for them', () => {
    const response = handleHttp(cluster(), {
      method: 'GET',
      path: '/api/v1/namespaces/default/services?limit=500',
      headers: {
        accept:
          'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      },
    });
    const table = json(response.body) as { kind: string; rows: Array<{ cells: unknown[] }> };
    expect(response.headers['Content-Type']).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    expect(table.kind).toBe('Table');
    expect(table.rows.map((row) => row.cells.slice(0, 5))).toEqual([
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP'],
    ]);
  });

  it('creates, patches by Content-Type, and deletes with DeleteOptions in the body', () => {
    const c = cluster();
    const created = handleHttp(c, {
      method: 'POST',
      path: '/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict',
      headers: { 'Content-Type': 'application/json' },
      body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"a":"1"}}',
    });
    expect(created.status).toBe(201);
    const patched = handleHttp(c, {
      method: 'PATCH',
      path: '/api/v1/namespaces/default/configmaps/cfg',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: '{"data":{"b":"2"}}',
    });
    expect((json(patched.body) as { data: unknown }).data).toEqual({ a: '1', b: '2' });
    const refused = handleHttp(c, {
      method: 'PATCH',
      path: '/api/v1/namespaces/default/configmaps/cfg',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(refused.status).toBe(415);
    const dryRun = handleHttp(c, {
      method: 'DELETE',
      path: '/api/v1/namespaces/default/configmaps/cfg',
      headers: { 'Content-Type': 'application/json' },
      body: '{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background","dryRun":["All"]}',
    });
    expect(dryRun.status).toBe(200);
    expect(
      handleHttp(c, { method: 'GET', path: '/api/v1/namespaces/default/configmaps/cfg', headers: {} }).status,
    ).toBe(200);
    handleHttp(c, { method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/cfg', headers: {} });
    expect(handleHttp(c, { method: 'GET', path: '/api/v1/namespaces/default/configmaps/cfg', headers: {} }).body).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \\"cfg\\" not found","reason":"NotFound","details":{"name":"cfg","kind":"configmaps"},"code":404}\n',
    );
  });

  it('reads the protobuf bodies of typed clients', () => {
    const c = cluster();
    const bytes = protobufConfigMap('from-proto', { key: 'value' });
    const response = handleHttp(c, {
      method: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' },
      body: '',
      bodyBytes: bytes,
    });
    expect(response.status).toBe(201);
    const object = json(response.body) as { metadata: { name: string }; data: unknown };
    expect([object.metadata.name, object.data]).toEqual(['from-proto', { key: 'value' }]);
  });

  it('answers a watch with the events of the current state', () => {
    const response = handleHttp(cluster(), {
      method: 'GET',
      path: '/api/v1/namespaces/default/services?watch=true&fieldSelector=metadata.name%3Dkubernetes',
      headers: {},
    });
    const events = response.body
      .trim()
      .split('\n')
      .map((line) => json(line) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((event) => `${event.type} ${event.object.metadata.name}`)).toEqual(['ADDED kubernetes']);
  });

  it('serves an OpenAPI v3 index whose documents declare fieldValidation on patch', () => {
    const c = cluster();
    const index = json(handleHttp(c, { method: 'GET', path: '/openapi/v3', headers: {} }).body) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    expect(Object.keys(index.paths)).toEqual(['api/v1', 'apis/apps/v1', 'apis/discovery.k8s.io/v1']);
    const url = index.paths['apis/apps/v1']?.serverRelativeURL ?? '';
    const document = json(handleHttp(c, { method: 'GET', path: url, headers: {} }).body) as {
      paths: Record<string, { patch?: { parameters: Array<{ name: string }> } }>;
    };
    const patch = document.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch;
    expect(patch?.parameters.map((parameter) => parameter.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation']);
    expect(handleHttp(c, { method: 'GET', path: '/openapi/v2', headers: {} }).status).toBe(404);
  });
});

/** A ConfigMap as client-go's protobuf serializer writes it: "k8s\0" + runtime.Unknown. */
function protobufConfigMap(name: string, data: Record<string, string>): Uint8Array {
  const text = (value: string): number[] => utf8Encode(value);
  const field = (number: number, payload: number[]): number[] => [(number << 3) | 2, payload.length, ...payload];
  const metadata = field(1, text(name));
  const entries = Object.entries(data).flatMap(([key, value]) =>
    field(2, [...field(1, text(key)), ...field(2, text(value))]),
  );
  const configMap = [...field(1, metadata), ...entries];
  const typeMeta = [...field(1, text('v1')), ...field(2, text('ConfigMap'))];
  const unknown = [...field(1, typeMeta), ...field(2, configMap), ...field(3, []), ...field(4, [])];
  return Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...unknown]);
}
