// Benchmarks of sandboxes on the server (apps/api/src/app/sandboxes): create
// (fresh and from a lab's setup), restore from the database, the cost of
// storing each command (PGlite and PostgreSQL, against the same command on a
// bare in-memory sandbox), and memory of 1,000 and 10,000 loaded sandboxes.
// Run: npm run bench:sandbox [-- <sandboxes for the memory figure, default 10000>]
// Figures go to docs/benchmarks.md.
import { createSandbox, type SandboxSetup } from '@kubelab/shell';
import type { User } from '../apps/api/src/generated/prisma/client';
import { SandboxRegistry } from '../apps/api/src/app/sandboxes/sandbox-registry';
import { type Caller, SandboxService } from '../apps/api/src/app/sandboxes/sandbox.service';
import { SandboxStore } from '../apps/api/src/app/sandboxes/sandbox-store';
import { PrismaService } from '../apps/api/src/services/prisma/prisma.service';
import { startPostgresServer } from '../test/support/postgres-server';
import { startTestServer, type TestServer } from '../test/support/test-server';
import { percentile, report, timeEachAsync } from './measure';

const ENV = {
  SANDBOX_MAX_PER_USER: '10000',
  SANDBOX_MAX_LOADED: '100000',
  SANDBOX_IDLE_SECONDS: '86400',
};

/** A lab's environment: two namespaces, a Deployment with its Service, a pod, a ConfigMap, files. */
const LAB_SETUP: SandboxSetup = {
  namespaces: ['shop', 'tools'],
  objects: [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'redis', namespace: 'tools', labels: { app: 'redis' } },
      spec: { containers: [{ name: 'redis', image: 'redis', ports: [{ containerPort: 6379 }] }] },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { mode: 'lab' } },
  ],
  files: { 'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: redis-service\n', 'notes.txt': 'hi\n' },
};

async function newCaller(server: TestServer, name: string): Promise<Caller> {
  const user: User = await server.server.app
    .get(PrismaService)
    .user.create({ data: { email: `${name}-${Date.now()}@bench.local`, name, role: 'learner' } });
  return { user };
}

/** A sandbox after an exercise: 20 ConfigMaps, a Deployment of 2 and a NodePort Service. */
async function exercised(service: SandboxService, caller: Caller): Promise<string> {
  const { id } = await service.create(caller, {});
  const lines = Array.from({ length: 20 }, (_, n) => `kubectl create configmap seed-${n} --from-literal=n=${n}`);
  lines.push(
    'kubectl create deployment web --image=nginx --replicas=2',
    'kubectl expose deploy web --port=80 --type=NodePort',
  );
  await service.run(caller, id, lines.join('\n'));
  return id;
}

async function lifecycle(server: TestServer, label: string): Promise<void> {
  const service = server.server.app.get(SandboxService);
  const registry = server.server.app.get(SandboxRegistry);
  const store = server.server.app.get(SandboxStore);
  const caller = await newCaller(server, label);

  report(`[${label}] create, fresh`, await timeEachAsync(200, () => service.create(caller, {})));
  report(
    `[${label}] create from a lab's setup`,
    await timeEachAsync(100, () => service.create(caller, { setup: LAB_SETUP })),
  );

  const id = await exercised(service, caller);
  const size = (await store.find(id))?.sizeBytes ?? 0;
  console.log(`[${label}] stored snapshot after the exercise: ${(size / 1024).toFixed(1)} KB compressed`);
  const mutating = await timeEachAsync(300, (n) =>
    service.run(caller, id, `kubectl create configmap step-${n} --from-literal=n=${n}`),
  );
  report(`[${label}] mutating command, stored`, mutating);
  const historyOnly = await timeEachAsync(300, () => service.run(caller, id, 'kubectl get configmap seed-0 -o name'));
  report(`[${label}] read-only command (transcript only)`, historyOnly);

  const bare = createSandbox({ clusterOptions: { seed: 'bench' } });
  for (let n = 0; n < 20; n++) await bare.shell.run(`kubectl create configmap seed-${n} --from-literal=n=${n}`);
  const inMemory = await timeEachAsync(300, (n) =>
    bare.shell.run(`kubectl create configmap step-${n} --from-literal=n=${n}`),
  );
  report(`[${label}] same command, in memory only`, inMemory);
  const overhead = percentile(mutating, 50) - percentile(inMemory, 50);
  console.log(
    `[${label}] storing a mutating command costs ${(overhead / 1000).toFixed(2)} ms at the median ` +
      `(${(percentile(mutating, 50) / percentile(inMemory, 50)).toFixed(1)}x the command alone)`,
  );

  const restored = await exercised(service, caller);
  report(
    `[${label}] restore from the database + \`true\``,
    await timeEachAsync(100, async () => {
      await registry.drop(restored, { release: true });
      await service.run(caller, restored, 'true');
    }),
  );
  report(
    `[${label}] \`true\` on a loaded sandbox`,
    await timeEachAsync(100, () => service.run(caller, restored, 'true')),
  );
}

function heapMB(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function memory(total: number): Promise<void> {
  const server = await startTestServer(ENV);
  try {
    const service = server.server.app.get(SandboxService);
    const registry = server.server.app.get(SandboxRegistry);
    const callers = await Promise.all([0, 1, 2, 3].map((n) => newCaller(server, `memory${n}`)));
    const baseline = heapMB();
    const started = Date.now();
    for (const checkpoint of [...new Set([Math.min(1000, total), total])]) {
      while (registry.size < checkpoint) {
        const caller = callers[registry.size % callers.length] as Caller;
        await service.create(caller, {});
      }
      const used = heapMB() - baseline;
      console.log(
        `[memory] ${checkpoint} loaded fresh sandboxes: ${used.toFixed(0)} MB heap, ` +
          `${((used * 1024) / checkpoint).toFixed(1)} KB each (created in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  } finally {
    await server.dispose();
  }
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 10_000);
  const embedded = await startTestServer(ENV);
  try {
    await lifecycle(embedded, 'PGlite');
  } finally {
    await embedded.dispose();
  }
  const postgres = await startPostgresServer({ database: 'kubelab_bench' });
  try {
    const server = await startTestServer({ ...ENV, DATABASE_URL: postgres.url });
    try {
      await lifecycle(server, 'PostgreSQL');
    } finally {
      await server.dispose();
    }
  } finally {
    await postgres.stop();
  }
  await memory(total);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
