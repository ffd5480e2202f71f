// Fuzzes the simulated cluster's request API with malformed and mutated
// objects of every kind: the server must answer every request with an object
// or a 4xx Status (never a 5xx or an exception), and the sandbox must still
// snapshot and restore. Run: npm run fuzz:cluster [-- <requests> <seed>]
import { Cluster, SimulatedClock, type ApiRequest, type KubeObject } from '@kubelab/cluster';

const requests = Number(process.argv[2] ?? 3000);
let state = Number(process.argv[3] ?? 1) >>> 0 || 1;

/** xorshift32: reproducible runs from a seed. */
function next(bound: number): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state % bound;
}

function pick<T>(items: readonly T[]): T {
  const item = items[next(items.length)];
  if (item === undefined) throw new Error('empty choice');
  return item;
}

const WEIRD: unknown[] = [null, 1, 'x', true, [], {}, [1, 'a'], { a: null }, -1, 1.5, 1e20, '', [{}], [[]], { '': 1 }];
const FIELDS = ['spec', 'status', 'ports', 'selector', 'containers', 'data', 'subsets', 'endpoints', 'metadata'];

function mutate(value: unknown, depth = 0): unknown {
  if (depth > 6 || next(5) === 0) return pick(WEIRD);
  if (Array.isArray(value)) return value.map((item) => mutate(item, depth + 1));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = next(3) ? item : mutate(item, depth + 1);
    if (next(4) === 0) copy[pick(FIELDS)] = pick(WEIRD);
    return copy;
  }
  return next(2) ? value : pick(WEIRD);
}

const podTemplate = {
  metadata: { labels: { app: 'fuzz' } },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        ports: [{ containerPort: 80, name: 'http' }],
        env: [{ name: 'A', value: 'b' }],
        readinessProbe: { httpGet: { port: 80 } },
      },
    ],
  },
};
const workloadSpec = {
  replicas: 2,
  selector: { matchLabels: { app: 'fuzz' } },
  template: podTemplate,
  serviceName: 'fuzz',
};
const SAMPLES: Record<string, Record<string, unknown>> = {
  pods: { spec: podTemplate.spec },
  services: {
    spec: { type: 'NodePort', selector: { app: 'fuzz' }, ports: [{ port: 80, targetPort: 'http', nodePort: 30001 }] },
  },
  endpoints: { subsets: [{ addresses: [{ ip: '10.244.1.9' }], ports: [{ port: 80 }] }] },
  endpointslices: { addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.9'] }], ports: [{ port: 80 }] },
  configmaps: { data: { key: 'value' } },
  secrets: { stringData: { key: 'value' } },
  events: { involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' }, reason: 'Test', message: 'fuzz' },
  nodes: { spec: { podCIDR: '10.244.9.0/24' } },
  controllerrevisions: { revision: 1, data: {} },
};

const time = SimulatedClock.manual(Date.parse('2026-11-22T10:00:00Z'));
const cluster = Cluster.create({ seed: 'fuzz', timeSource: time.source, quotas: { objects: 100000 } });
const targets = (
  [
    ['', 'v1'],
    ['apps', 'v1'],
    ['discovery.k8s.io', 'v1'],
  ] as const
).flatMap(([group, version]) =>
  (cluster.apiResources(group, version)?.resources ?? [])
    .filter((resource) => !resource.name.includes('/'))
    .map((resource) => ({ group, version, ...resource })),
);

const failures = new Map<string, number>();
function fail(text: string): void {
  failures.set(text, (failures.get(text) ?? 0) + 1);
}

for (let index = 0; index < requests; index++) {
  const target = pick(targets);
  const apiVersion = target.group ? `${target.group}/${target.version}` : target.version;
  const base = {
    apiVersion,
    kind: target.kind,
    metadata: { name: `x${index}` },
    ...(SAMPLES[target.name] ?? { spec: workloadSpec }),
  };
  const body = mutate(base);
  const name = `x${next(index + 1)}`;
  if (body && typeof body === 'object' && !Array.isArray(body) && next(4) !== 0) {
    const object = body as KubeObject;
    object.apiVersion = apiVersion;
    object.kind = target.kind;
    object.metadata = { ...(typeof object.metadata === 'object' && object.metadata ? object.metadata : {}), name };
  }
  const verb = pick(['create', 'create', 'update', 'patch', 'delete', 'get', 'list'] as const);
  const request: ApiRequest = {
    verb,
    group: target.group,
    version: target.version,
    resource: target.name,
    namespace: target.namespaced ? pick(['default', 'default', 'kube-system', 'nowhere']) : undefined,
    ...(verb === 'create' || verb === 'list' ? {} : { name }),
    patchType: pick(['merge', 'strategic', 'json'] as const),
    body,
    ...(next(8) === 0 ? { as: 'Table' as const } : {}),
  };
  try {
    const response = cluster.request(request);
    if (response.status >= 500)
      fail(`${response.status} ${target.name} ${verb}: ${JSON.stringify(response.body).slice(0, 300)}`);
  } catch (error) {
    fail(`exception ${target.name} ${verb}: ${error instanceof Error ? error.stack : String(error)}`);
  }
  if (next(10) === 0) time.advance(next(20000));
}

try {
  const restored = Cluster.restore(JSON.parse(JSON.stringify(cluster.snapshot())) as ReturnType<Cluster['snapshot']>, {
    timeSource: time.source,
  });
  restored.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', as: 'Table' });
} catch (error) {
  fail(`snapshot: ${error instanceof Error ? error.stack : String(error)}`);
}

console.log(`${requests} requests, ${failures.size} kinds of failure`);
for (const [text, count] of failures) console.log(`${count}x ${text}`);
process.exitCode = failures.size ? 1 : 0;
