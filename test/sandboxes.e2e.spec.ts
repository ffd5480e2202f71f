// Sandboxes over the REST API, on a real server with the embedded database:
// commands run in order and are stored, restores are exact, limits hold.
import { PrismaService } from '../apps/api/src/services/prisma/prisma.service';
import { SandboxRegistry } from '../apps/api/src/app/sandboxes/sandbox-registry';
import { createSandbox, output, run, signIn, signUp } from './support/sandbox-client';
import { startTestServer, type TestServer } from './support/test-server';

const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };

// Starting a server (migrations on a fresh embedded database) takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('sandboxes', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SANDBOX_MAX_PER_USER: '3',
      SANDBOX_COMMAND_TIMEOUT_SECONDS: '2',
    });
  });
  afterAll(() => server.dispose());

  it('runs commands like a terminal and keeps a transcript', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann, { name: 'services' });
    const commands = await run(
      ann,
      id,
      [
        'kubectl run redis --image=redis --port=6379',
        'kubectl expose pod redis --name=redis-service --port=6379',
        'cat <<EOF > note.txt',
        'hello',
        'EOF',
        'kubectl get svc redis-service -o jsonpath="{.spec.ports[0].port}"; echo',
      ].join('\n'),
    );
    expect(commands.map((command) => [command.seq, command.input, command.output, command.exitCode])).toEqual([
      [1, 'kubectl run redis --image=redis --port=6379', 'pod/redis created\n', 0],
      [2, 'kubectl expose pod redis --name=redis-service --port=6379', 'service/redis-service exposed\n', 0],
      [3, 'cat <<EOF > note.txt\nhello\nEOF', '', 0],
      [4, 'kubectl get svc redis-service -o jsonpath="{.spec.ports[0].port}"; echo', '6379\n', 0],
    ]);
    expect(await output(ann, id, 'kubectl get pod nothere')).toBe(
      'Error from server (NotFound): pods "nothere" not found\n',
    );

    const transcript = await ann.get(`/api/v1/sandboxes/${id}/transcript?after=3`);
    expect(transcript.json.items.map((item: { seq: number; exitCode: number }) => [item.seq, item.exitCode])).toEqual([
      [4, 0],
      [5, 1],
    ]);
    const sandbox = (await ann.get(`/api/v1/sandboxes/${id}`)).json.sandbox;
    expect(sandbox).toMatchObject({ id, name: 'services', status: 'ready', commandCount: 5 });
    expect(sandbox.sizeBytes).toBeGreaterThan(1000);
  });

  it('restores a sandbox from the database exactly as it was', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    await run(ann, id, 'kubectl create deployment web --image=nginx --replicas=2\nexport COLOUR=blue\ncd /tmp');
    await run(ann, id, 'kubectl expose deployment web --port=80 --type=NodePort');
    const probe = 'kubectl get svc web -o jsonpath="{.spec.clusterIP} {.spec.ports[0].nodePort}"; echo " $COLOUR $PWD"';
    const before = await output(ann, id, probe);
    const history = await output(ann, id, 'history | head -5');

    await server.server.app.get(SandboxRegistry).drop(id, { release: true });
    expect(server.server.app.get(SandboxRegistry).peek(id)).toBeUndefined();

    expect(await output(ann, id, probe)).toBe(before);
    expect(await output(ann, id, 'history | head -5')).toBe(history);
    expect(await output(ann, id, 'kubectl get deploy web -o jsonpath="{.spec.replicas}"')).toBe('2');
  });

  it('stores only the transcript for a command that changed nothing but the history', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    const prisma = server.server.app.get(PrismaService);
    await run(ann, id, 'kubectl create configmap one --from-literal=a=1');
    const stored = await prisma.sandboxState.findUniqueOrThrow({ where: { sandboxId: id } });
    expect(stored.throughSeq).toBe(1);
    await run(ann, id, 'kubectl get configmap one');
    expect((await prisma.sandboxState.findUniqueOrThrow({ where: { sandboxId: id } })).throughSeq).toBe(1);
    await server.server.app.get(SandboxRegistry).drop(id, { release: true });
    expect(await output(ann, id, 'history')).toBe(
      '    1  kubectl create configmap one --from-literal=a=1\n    2  kubectl get configmap one\n    3  history\n',
    );
  });

  it('runs commands one at a time per sandbox, and interrupts a long one', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    const other = await createSandbox(ann);
    const sleeping = ann.post(`/api/v1/sandboxes/${id}/commands`, { input: 'sleep 1000' });
    const queued = ann.post(`/api/v1/sandboxes/${id}/commands`, { input: 'echo after' });
    // Another sandbox is not held up.
    expect(await output(ann, other, 'echo free')).toBe('free\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await ann.post(`/api/v1/sandboxes/${id}/interrupt`)).json).toEqual({ interrupted: true });
    const slept = (await sleeping).json.commands[0];
    expect(slept).toMatchObject({ input: 'sleep 1000', interrupted: true });
    expect(slept.exitCode).toBe(130);
    expect((await queued).json.commands[0]).toMatchObject({ seq: 2, output: 'after\n', interrupted: false });
  });

  it('stops a command at the time limit', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    const [watch] = await run(ann, id, 'kubectl get pods -w');
    expect(watch).toMatchObject({ interrupted: true });
    const timed = await ann.post(`/api/v1/sandboxes/${id}/commands`, { input: 'sleep 60', timeoutSeconds: 0.3 });
    expect(timed.json.commands[0]).toMatchObject({ interrupted: true, exitCode: 130 });
  }, 20_000);

  it('resets a sandbox to how it was created', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann, { nodes: 3 });
    await run(ann, id, 'kubectl create namespace shop\ntouch /root/file');
    const reset = await ann.post(`/api/v1/sandboxes/${id}/reset`);
    expect(reset.status).toBe(200);
    expect(await output(ann, id, 'kubectl get ns shop')).toBe(
      'Error from server (NotFound): namespaces "shop" not found\n',
    );
    expect(await output(ann, id, 'kubectl get nodes -o name | wc -l')).toBe('3\n');
    expect(await output(ann, id, 'ls /root/file')).toBe("ls: cannot access '/root/file': No such file or directory\n");
    const kinds = (await ann.get(`/api/v1/sandboxes/${id}/transcript`)).json.items.map(
      (item: { kind: string }) => item.kind,
    );
    expect(kinds).toEqual(['command', 'command', 'reset', 'command', 'command', 'command']);
  });

  it('limits sandboxes per user, and deletes them', async () => {
    const bo = await signUp(server.url, 'bo');
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => bo.post('/api/v1/sandboxes', {})));
    expect(ids.map((response) => response.status).sort()).toEqual([201, 201, 201, 403, 403]);
    expect(ids.find((response) => response.status === 403)?.json.message).toBe(
      'You already have 3 sandboxes, the most allowed; delete one to create another.',
    );
    const items = (await bo.get('/api/v1/sandboxes')).json.items as Array<{ id: string }>;
    expect(items).toHaveLength(3);
    const first = items[0]?.id ?? '';
    expect((await bo.request('DELETE', `/api/v1/sandboxes/${first}`)).status).toBe(204);
    expect((await bo.get(`/api/v1/sandboxes/${first}`)).status).toBe(404);
    expect((await bo.post('/api/v1/sandboxes', {})).status).toBe(201);
  });

  it('explains bad requests', async () => {
    const ann = await signUp(server.url, 'ann');
    expect((await ann.post('/api/v1/sandboxes', { nodes: 0 })).json).toMatchObject({
      statusCode: 400,
      issues: [{ path: 'nodes', message: 'Too small: expected number to be >=1' }],
    });
    const id = await createSandbox(ann);
    expect((await ann.post(`/api/v1/sandboxes/${id}/commands`, {})).status).toBe(400);
    expect((await ann.get('/api/v1/sandboxes/not-a-uuid')).status).toBe(404);
    const [syntaxError] = await run(ann, id, 'echo )');
    expect(syntaxError).toMatchObject({ output: "bash: syntax error near unexpected token `)'\n", exitCode: 2 });
  });

  it('lets instructors look into a learner sandbox without changing it, and audits it', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    await run(ann, id, 'kubectl create deployment web --image=nginx');
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password);
    expect((await admin.get(`/api/v1/sandboxes/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/sandboxes/${id}/transcript`)).json.items).toHaveLength(1);
    const inspected = await admin.post(`/api/v1/sandboxes/${id}/inspect`, {
      input: 'kubectl get deploy -o name\nkubectl delete deploy web',
    });
    expect(inspected.json.commands.map((command: { output: string }) => command.output)).toEqual([
      'deployment.apps/web\n',
      'deployment.apps "web" deleted\n',
    ]);
    expect(await output(ann, id, 'kubectl get deploy -o name')).toBe('deployment.apps/web\n');
    expect((await admin.post(`/api/v1/sandboxes/${id}/commands`, { input: 'true' })).status).toBe(404);
    expect((await admin.post(`/api/v1/sandboxes/${id}/reset`)).status).toBe(404);
    const audit = (await admin.get('/api/v1/audit-events?limit=10')).json.items as Array<{
      action: string;
      data: unknown;
    }>;
    expect(audit.filter((event) => event.action === 'sandbox.view').map((event) => event.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'details' }),
        expect.objectContaining({ what: 'transcript' }),
        expect.objectContaining({ what: 'inspect' }),
      ]),
    );
  });
});

describe('sandboxes left idle', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ SANDBOX_IDLE_SECONDS: '1' });
  });
  afterAll(() => server.dispose());

  it('leave memory and come back on the next use', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    await run(ann, id, 'kubectl create deployment web --image=nginx');
    const registry = server.server.app.get(SandboxRegistry);
    expect(registry.peek(id)).toBeDefined();
    for (let waited = 0; registry.peek(id) && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(registry.peek(id)).toBeUndefined();
    expect(await output(ann, id, 'kubectl get deploy -o name')).toBe('deployment.apps/web\n');
    expect(registry.peek(id)).toBeDefined();
  });

  it('stream watch events to a client of the Kubernetes endpoint while it keeps them', async () => {
    const ann = await signUp(server.url, 'ann');
    const id = await createSandbox(ann);
    const kubeconfig = (await ann.post(`/api/v1/sandboxes/${id}/kubeconfig`)).text;
    const base = /server: (\S+)/.exec(kubeconfig)?.[1] ?? '';
    const controller = new AbortController();
    const response = await fetch(`${base}/api/v1/namespaces/default/configmaps?watch=true`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (text: string) => {
      while (!received.includes(text)) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) throw new Error(`the stream ended before ${text}: ${received}`);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil('"name":"kube-root-ca.crt"');
    await run(ann, id, 'kubectl create configmap live --from-literal=a=1');
    await readUntil('"name":"live"');
    expect(received.split('\n')[1]).toMatch(/^\{"type":"ADDED","object":\{"kind":"ConfigMap"/);
    // An open watch keeps the sandbox in memory past its idle time.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.server.app.get(SandboxRegistry).peek(id)).toBeDefined();
    controller.abort();
  });
});
