// Labs on the server: the built-in catalogue, attempts in their own
// sandboxes graded on Check and after every command, hints, and instructors
// publishing versioned labs with the same validation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, run, signIn, signUp } from './support/sandbox-client';
import { type HttpClient, startTestServer, type TestServer, workspaceRoot } from './support/test-server';

jest.setTimeout(60_000);

const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, tries = 50): Promise<T> {
  for (let tried = 0; ; tried++) {
    const value = await probe();
    if (done(value) || tried > tries) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('labs on the server', () => {
  let server: TestServer;
  let admin: HttpClient;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  });
  afterAll(() => server.dispose());

  it('serves the built-in catalogue without solutions', async () => {
    const ann = await signUp(server.url, 'ann');
    const list = (await ann.get('/api/v1/labs')).json.items as Array<{ id: string; builtIn: boolean }>;
    expect(list.length).toBeGreaterThanOrEqual(18);
    expect(list.find((lab) => lab.id === 'expose-redis')).toMatchObject({ builtIn: true, version: 1, points: 20 });
    const lab = (await ann.get('/api/v1/labs/expose-redis')).json.lab;
    expect(lab.tasks[0].hints).toEqual([{ cost: 2 }]);
    expect(lab).not.toHaveProperty('solution');
    expect(lab).not.toHaveProperty('source');
    expect((await admin.get('/api/v1/labs/expose-redis')).json.lab.source).toContain('kind: Lab');
    expect((await ann.get('/api/v1/labs/nothing')).status).toBe(404);
  });

  it('grades an attempt after every command and on Check, keeping the best score', async () => {
    const ann = await signUp(server.url, 'ann');
    const started = await ann.post('/api/v1/labs/expose-redis/attempts', {});
    expect(started.status).toBe(201);
    const attempt = started.json.attempt;
    expect(attempt).toMatchObject({
      labId: 'expose-redis',
      labVersion: 1,
      status: 'in_progress',
      score: 0,
      maxScore: 20,
    });
    // Starting again resumes the same attempt.
    expect((await ann.post('/api/v1/labs/expose-redis/attempts', {})).json).toMatchObject({
      created: false,
      attempt: { id: attempt.id },
    });

    // The sandbox holds the lab's environment.
    expect((await run(ann, attempt.sandboxId, 'kubectl get pods -o name'))[0]?.output).toBe('pod/redis\n');
    await run(ann, attempt.sandboxId, 'kubectl expose pod redis --name=redis-service --port=6380 --target-port=6379');
    // Grading after the command runs in the background: wait for its results.
    const graded = await waitFor(
      async () => (await ann.get(`/api/v1/attempts/${attempt.id}`)).json.attempt as { checks: unknown[] },
      (value) => value.checks.length > 0,
    );
    expect((graded.checks as Array<{ id: string }>).find((check) => check.id === 'service-exists')).toMatchObject({
      passed: false,
      diagnosis: 'Service redis-service exists but exposes port 6380, expected 6379',
    });

    await run(
      ann,
      attempt.sandboxId,
      'kubectl delete svc redis-service\nkubectl expose pod redis --name=redis-service --port=6379',
    );
    const checked = (await ann.post(`/api/v1/attempts/${attempt.id}/check`)).json;
    expect(checked.result).toMatchObject({ passed: true, score: 20, maxScore: 20 });
    expect(checked.attempt).toMatchObject({ status: 'passed', score: 20, bestScore: 20 });
    expect(checked.attempt.checks.every((check: { firstPassedAt: string | null }) => check.firstPassedAt)).toBe(true);

    // Breaking it again: the results follow the cluster, the best score stays.
    await run(ann, attempt.sandboxId, 'kubectl delete svc redis-service');
    const broken = (await ann.post(`/api/v1/attempts/${attempt.id}/check`)).json;
    expect(broken.attempt).toMatchObject({ status: 'passed', bestScore: 20 });
    expect(broken.result.passed).toBe(false);

    // Others cannot see or check it.
    const bob = await signUp(server.url, 'bob');
    expect((await bob.get(`/api/v1/attempts/${attempt.id}`)).status).toBe(404);
    expect((await bob.post(`/api/v1/attempts/${attempt.id}/check`)).status).toBe(404);
  });

  it('grades again as the cluster settles, without another command', async () => {
    const ann = await signUp(server.url, 'ann');
    const { attempt } = (await ann.post('/api/v1/labs/nginxsvc-replicas/attempts', {})).json;
    await run(ann, attempt.sandboxId, 'kubectl create deployment nginxsvc --image=nginx --replicas=3');
    const readiness = async () =>
      (
        (await ann.get(`/api/v1/attempts/${attempt.id}`)).json.attempt.checks as Array<{ id: string; passed: boolean }>
      ).find((check) => check.id === 'three-ready');
    const settled = await waitFor(readiness, (check) => check?.passed === true, 300);
    expect(settled).toMatchObject({ passed: true });
  });

  it('reveals hints one by one and takes their cost off', async () => {
    const ann = await signUp(server.url, 'ann');
    const { attempt } = (await ann.post('/api/v1/labs/expose-redis/attempts', {})).json;
    const hint = await ann.post(`/api/v1/attempts/${attempt.id}/hints`, { taskId: 'expose' });
    expect(hint.json).toEqual({
      hint: "`kubectl expose pod` copies the pod's labels into the selector.",
      cost: 2,
      revealed: 1,
    });
    expect((await ann.post(`/api/v1/attempts/${attempt.id}/hints`, { taskId: 'expose' })).json.message).toBe(
      'No more hints for this task',
    );
    expect((await ann.get(`/api/v1/attempts/${attempt.id}`)).json.lab.tasks[0].hints).toEqual([
      { text: "`kubectl expose pod` copies the pod's labels into the selector.", cost: 2 },
    ]);
    await run(ann, attempt.sandboxId, 'kubectl expose pod redis --name=redis-service --port=6379');
    expect((await ann.post(`/api/v1/attempts/${attempt.id}/check`)).json.result.score).toBe(18);
  });

  it('lets instructors publish versioned labs with the same validation', async () => {
    const source = readFileSync(join(workspaceRoot, 'labs/custom-nginx-port.yaml'), 'utf8').replace(
      'id: custom-nginx-port',
      'id: custom-nginx-port-copy',
    );
    const ann = await signUp(server.url, 'ann');
    expect((await ann.post('/api/v1/labs', { source })).status).toBe(403);

    const broken = await admin.post('/api/v1/labs', { source: source.replace('type: resource', 'type: resources') });
    expect(broken.status).toBe(400);
    expect(broken.json.issues[0]).toEqual({
      path: 'tasks[0].checks[0].type',
      message: expect.stringMatching(/^line \d+, column \d+: must be one of: resource, /),
    });

    // The same validation as kubelab lab validate: a solution that does not pass is refused.
    const unsolved = await admin.post('/api/v1/labs', {
      source: source.replace('  - kubectl expose pod custom-nginx\n', ''),
    });
    expect(unsolved.status).toBe(400);
    expect(unsolved.json.issues).toEqual([
      {
        path: '(lab)',
        message: 'the solution fails check custom-nginx-service: Service custom-nginx not found in namespace default',
      },
    ]);

    expect((await admin.post('/api/v1/labs', { source })).status).toBe(201);
    expect((await admin.post('/api/v1/labs', { source })).status).toBe(409);
    const { attempt } = (await ann.post('/api/v1/labs/custom-nginx-port-copy/attempts', {})).json;
    const updated = await admin.request('PUT', '/api/v1/labs/custom-nginx-port-copy', {
      source: source.replace('points: 5\n', 'points: 50\n'),
    });
    expect(updated.json).toMatchObject({ outcome: 'new-version', lab: { version: 2 } });
    expect((await admin.get('/api/v1/labs/custom-nginx-port-copy/versions')).json.items).toHaveLength(2);
    // The attempt is graded against the version it started with.
    await run(
      ann,
      attempt.sandboxId,
      'kubectl run custom-nginx --image=nginx --port=8080\nkubectl expose pod custom-nginx',
    );
    expect((await ann.post(`/api/v1/attempts/${attempt.id}/check`)).json.result).toMatchObject({ maxScore: 10 });
    expect((await admin.request('PUT', '/api/v1/labs/expose-redis', { source })).status).toBe(403);
  });

  it('keeps a lab sandbox private like any other', async () => {
    const ann = await signUp(server.url, 'ann');
    const free = await createSandbox(ann);
    expect((await ann.get(`/api/v1/sandboxes/${free}`)).json.sandbox.labAttemptId).toBeNull();
  });
});

describe('built-in labs', () => {
  it('are loaded at every start: a changed file becomes a new version, a broken one is skipped', async () => {
    const labsDir = mkdtempSync(join(tmpdir(), 'kubelab-labs-'));
    const redis = readFileSync(join(workspaceRoot, 'labs/expose-redis.yaml'), 'utf8');
    writeFileSync(join(labsDir, 'expose-redis.yaml'), redis);
    writeFileSync(
      join(labsDir, 'custom-nginx-port.yaml'),
      readFileSync(join(workspaceRoot, 'labs/custom-nginx-port.yaml')),
    );
    writeFileSync(join(labsDir, 'broken.yaml'), 'apiVersion: kubelab.dev/v1\nkind: Lab\n');
    const dataDir = mkdtempSync(join(tmpdir(), 'kubelab-data-'));
    const env = { LABS_DIR: labsDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

    const first = await startTestServer(env, dataDir);
    const admin = await signIn(first.url, ADMIN.email, ADMIN.password);
    expect(
      ((await admin.get('/api/v1/labs')).json.items as Array<{ id: string; version: number }>).map((lab) => [
        lab.id,
        lab.version,
      ]),
    ).toEqual([
      ['custom-nginx-port', 1],
      ['expose-redis', 1],
    ]);
    await first.close();

    writeFileSync(join(labsDir, 'expose-redis.yaml'), redis.replace('estimatedMinutes: 10', 'estimatedMinutes: 12'));
    const second = await startTestServer(env, dataDir);
    try {
      const again = await signIn(second.url, ADMIN.email, ADMIN.password);
      const items = (await again.get('/api/v1/labs')).json.items as Array<{
        id: string;
        version: number;
        estimatedMinutes: number;
      }>;
      expect(items.map((lab) => [lab.id, lab.version, lab.estimatedMinutes])).toEqual([
        ['custom-nginx-port', 1, 5],
        ['expose-redis', 2, 12],
      ]);
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(labsDir, { recursive: true, force: true });
    }
  });
});
