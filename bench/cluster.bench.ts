// Benchmarks of the simulated cluster (libs/cluster): sandbox creation, a
// mutating request, a Table list of 100 pods, memory per idle sandbox.
// Run: npm run bench:cluster   (figures go to docs/benchmarks.md by hand)
import { Cluster, SimulatedClock, type ApiRequest } from '@kubelab/cluster';
import { report, timeEach } from './measure';

const START = Date.parse('2026-11-22T10:00:00Z');

function fixedClock() {
  return SimulatedClock.manual(START).source;
}

function configMap(index: number): ApiRequest {
  return {
    verb: 'create',
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'default',
    body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `settings-${index}` }, data: { mode: 'fast' } },
  };
}

function benchCreation(): void {
  for (let i = 0; i < 20; i++) Cluster.create({ seed: `warmup-${i}`, timeSource: fixedClock() });
  report(
    'fresh sandbox (Cluster.create)',
    timeEach(300, (i) => Cluster.create({ seed: `s-${i}`, timeSource: fixedClock() })),
  );
}

function benchMutation(): void {
  const cluster = Cluster.create({ seed: 'mutations', timeSource: fixedClock(), quotas: { objects: 100000 } });
  for (let i = 0; i < 500; i++) cluster.request(configMap(i));
  report(
    'mutating request (create ConfigMap)',
    timeEach(3000, (i) => cluster.request(configMap(1000 + i))),
  );
  report(
    'mutating request (merge-patch a label)',
    timeEach(3000, (i) =>
      cluster.request({
        verb: 'patch',
        group: '',
        version: 'v1',
        resource: 'configmaps',
        namespace: 'default',
        name: `settings-${i % 500}`,
        patchType: 'merge',
        body: { metadata: { labels: { round: String(i) } } },
      }),
    ),
  );
}

function webDeployment(replicas: number): ApiRequest {
  return {
    verb: 'create',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    namespace: 'default',
    body: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      },
    },
  };
}

function benchTable(): void {
  const time = SimulatedClock.manual(START);
  const cluster = Cluster.create({ seed: 'table', timeSource: time.source, quotas: { pods: 200, replicas: 200 } });
  cluster.request(webDeployment(100));
  time.advance(60_000);
  cluster.settle();
  const list: ApiRequest = {
    verb: 'list',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: 'default',
    as: 'Table',
  };
  const rows = (cluster.request(list).body as { rows?: unknown[] }).rows?.length ?? 0;
  if (rows !== 100) throw new Error(`expected 100 pods, got ${rows}`);
  report(
    'Table list of 100 pods',
    timeEach(500, () => cluster.request(list)),
  );
}

function measureMemory(label: string, count: number, make: (index: number) => Cluster): void {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const keep: Cluster[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) keep.push(make(i));
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `${`${label} (${count} loaded)`.padEnd(44)} ${((after - before) / count / 1024).toFixed(1)} KB   (heap ${((after - before) / 1048576).toFixed(0)} MB)`,
  );
  keep.length = 0;
}

function benchMemory(count: number): void {
  measureMemory('memory per idle fresh sandbox', count, (i) =>
    Cluster.create({ seed: `idle-${i}`, timeSource: fixedClock() }),
  );
  // A sandbox restored from its snapshot owns every object (nothing shared with the bootstrap),
  // after a typical exercise: a Deployment of 3 pods behind a NodePort Service.
  const time = SimulatedClock.manual(START);
  const used = Cluster.create({ seed: 'used', timeSource: time.source });
  used.request(webDeployment(3));
  used.request({
    verb: 'create',
    group: '',
    version: 'v1',
    resource: 'services',
    namespace: 'default',
    body: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] },
    },
  });
  time.advance(60_000);
  used.settle();
  const snapshot = used.snapshot();
  measureMemory('memory per restored sandbox after an exercise', Math.min(count, 2000), () =>
    Cluster.restore(snapshot, { timeSource: time.source }),
  );
}

const sandboxes = Number(process.argv[2] ?? 10000);
benchCreation();
benchMutation();
benchTable();
benchMemory(sandboxes);
