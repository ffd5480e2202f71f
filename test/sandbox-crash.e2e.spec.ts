// Durability: a real server process runs a stream of mutating commands on
// many sandboxes and is killed with SIGKILL at random moments. After each
// restart, every command whose completion was acknowledged must be there, in
// the cluster, the files and the transcript alike, and no sandbox is corrupt.
// Needs a current build (`npm test` builds first).
import { rm } from 'node:fs/promises';
import { type RanCommand, signIn } from './support/sandbox-client';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';
import { killServerProcesses, ServerProcess, tempDataDir } from './support/server-process';
import { HttpClient } from './support/test-server';

jest.setTimeout(240_000);

const ADMIN = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'root-password-123' };
const LEARNERS = 2;
const SANDBOXES_PER_LEARNER = 4;
const KILLS = 4;
const PASSWORD = 'learner-password-1';

/** A small seeded generator, so a failing run can be repeated (CRASH_SEED). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface SandboxLog {
  id: string;
  owner: number;
  /** Numbers whose command was sent / acknowledged. */
  issued: Set<number>;
  acknowledged: Set<number>;
  next: number;
}

const mutation = (n: number) => `kubectl create configmap step-${n} --from-literal=n=${n} && echo ${n} >> /root/steps`;

async function signInAll(url: string, emails: string[]): Promise<HttpClient[]> {
  return Promise.all(emails.map((email) => signIn(url, email, PASSWORD)));
}

/** Sends commands to one sandbox, one after another, until the server dies. */
async function drive(client: HttpClient, sandbox: SandboxLog): Promise<void> {
  for (;;) {
    const n = sandbox.next++;
    sandbox.issued.add(n);
    let response;
    try {
      response = await client.post(`/api/v1/sandboxes/${sandbox.id}/commands`, { input: mutation(n) });
    } catch {
      return; // the connection died with the server: not acknowledged
    }
    if (response.status !== 200) return;
    const [command] = response.json.commands as RanCommand[];
    if (command?.exitCode !== 0) throw new Error(`step ${n} failed: ${JSON.stringify(command)}`);
    sandbox.acknowledged.add(n);
  }
}

async function run(client: HttpClient, id: string, input: string): Promise<RanCommand> {
  const response = await client.post(`/api/v1/sandboxes/${id}/commands`, { input });
  if (response.status !== 200) throw new Error(`${input}: ${response.status} ${response.text}`);
  const [command] = response.json.commands as RanCommand[];
  if (!command) throw new Error(`${input}: no command ran`);
  return command;
}

/** What a sandbox holds after the restart: the steps in its cluster, its file and its transcript. */
async function inspect(client: HttpClient, sandbox: SandboxLog) {
  const configMaps = await run(client, sandbox.id, 'kubectl get configmaps -o name | grep step- | sort -t- -k2 -n');
  const file = await run(client, sandbox.id, 'cat /root/steps');
  const transcript: Array<{ seq: number; input: string; exitCode: number }> = [];
  for (let after = 0; ;) {
    const page = await client.get(`/api/v1/sandboxes/${sandbox.id}/transcript?after=${after}&limit=1000`);
    const items = page.json.items as typeof transcript;
    if (items.length === 0) break;
    transcript.push(...items);
    after = items[items.length - 1]?.seq ?? after;
  }
  return {
    inCluster: configMaps.output
      .split('\n')
      .filter(Boolean)
      .map((line) => Number(line.replace('configmap/step-', ''))),
    inFile: file.output.split('\n').filter(Boolean).map(Number),
    transcript,
  };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe.each(['embedded', 'postgresql'] as const)('sandboxes survive SIGKILL (%s database)', (database) => {
  let postgres: PostgresServer | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    if (database === 'postgresql') postgres = await startPostgresServer({ database: 'kubelab_crash' });
  });
  afterAll(async () => {
    await killServerProcesses();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it('keeps every acknowledged command and corrupts nothing', async () => {
    const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 100_000);
    const random = seededRandom(seed);
    const env = {
      DATA_DIR: dataDir,
      // A fixed identity, as a single server restarted on its host keeps: it takes its own leases back.
      INSTANCE_ID: 'crash-test',
      ...ADMIN,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    };

    let { server, url } = await ServerProcess.start(env);
    const emails = range(LEARNERS).map((index) => `learner${index}@example.com`);
    for (const [index, email] of emails.entries()) {
      const signUp = await new HttpClient(url).post('/api/v1/auth/sign-up', {
        email,
        name: `L${index}`,
        password: PASSWORD,
      });
      expect(signUp.status).toBe(201);
    }
    let clients = await signInAll(url, emails);
    const sandboxes: SandboxLog[] = [];
    for (const owner of range(LEARNERS)) {
      for (let count = 0; count < SANDBOXES_PER_LEARNER; count++) {
        const created = await clients[owner]?.post('/api/v1/sandboxes', {});
        expect(created?.status).toBe(201);
        sandboxes.push({ id: created?.json.sandbox.id, owner, issued: new Set(), acknowledged: new Set(), next: 0 });
      }
    }

    for (let kill = 1; kill <= KILLS; kill++) {
      const drivers = sandboxes.map((sandbox) => drive(clients[sandbox.owner] as HttpClient, sandbox));
      await new Promise((resolve) => setTimeout(resolve, 300 + random() * 1200));
      server.signal('SIGKILL');
      await server.exit;
      await Promise.all(drivers);
      ({ server, url } = await ServerProcess.start(env));
      clients = await signInAll(url, emails);
    }

    let issued = 0;
    let acknowledged = 0;
    let present = 0;
    for (const sandbox of sandboxes) {
      const client = clients[sandbox.owner] as HttpClient;
      const found = await inspect(client, sandbox);
      const steps = found.inCluster;
      // Every acknowledged step survived; the only ones that may be missing
      // are those in flight when the server died (sent, never acknowledged).
      for (const n of sandbox.acknowledged) expect(steps).toContain(n);
      expect(new Set(steps).size).toBe(steps.length);
      for (const n of steps) expect(sandbox.issued.has(n)).toBe(true);
      // Cluster and files were stored together.
      expect(found.inFile).toEqual(steps);
      // The transcript has each surviving step once, in order, and nothing else before the checks.
      const stepEntries = found.transcript.filter((entry) => entry.input.startsWith('kubectl create configmap step-'));
      expect(stepEntries.map((entry) => entry.input)).toEqual(steps.map(mutation));
      expect(found.transcript.map((entry) => entry.seq)).toEqual(range(found.transcript.length).map((i) => i + 1));
      // And the sandbox still works.
      expect((await run(client, sandbox.id, 'kubectl get ns default -o name')).output).toBe('namespace/default\n');
      issued += sandbox.issued.size;
      acknowledged += sandbox.acknowledged.size;
      present += steps.length;
    }
    process.stdout.write(
      `crash test (${database}, seed ${seed}): ${KILLS} SIGKILLs, ${sandboxes.length} sandboxes, ` +
        `${issued} commands sent, ${acknowledged} acknowledged, ${present} present after restart, ` +
        `0 acknowledged lost, 0 corrupt\n`,
    );
    expect(acknowledged).toBeGreaterThan(sandboxes.length);
    await server.stop();
  });
});
