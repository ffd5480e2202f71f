// Sandboxes are private: every path by which another user could reach one
// (REST, the Kubernetes endpoint with a cookie or a token) answers 404 and
// gives no data. The owner's real kubectl reaches it through its kubeconfig.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxRegistry } from '../apps/api/src/app/sandboxes/sandbox-registry';
import { createSandbox, output, run, signIn, signUp } from './support/sandbox-client';
import { kubectlUnavailableReason, runRealKubectl } from './support/real-kubectl';
import { type HttpClient, startTestServer, type TestServer } from './support/test-server';

const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };

// Starting a server (migrations on a fresh embedded database) takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('sandbox isolation', () => {
  let server: TestServer;
  let ann: HttpClient;
  let bob: HttpClient;
  let annSandbox: string;
  let bobSandbox: string;
  let annKubeconfig: string;
  let bobKubeconfig: string;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    ann = await signUp(server.url, 'ann');
    bob = await signUp(server.url, 'bob');
    annSandbox = await createSandbox(ann);
    bobSandbox = await createSandbox(bob);
    await run(ann, annSandbox, 'kubectl create secret generic ann-secret --from-literal=password=s3cret');
    annKubeconfig = (await ann.post(`/api/v1/sandboxes/${annSandbox}/kubeconfig`)).text;
    bobKubeconfig = (await bob.post(`/api/v1/sandboxes/${bobSandbox}/kubeconfig`)).text;
  });
  afterAll(() => server.dispose());

  const tokenOf = (kubeconfig: string) => /\/token\/([^/\s]+)/.exec(kubeconfig)?.[1] ?? '';

  it("answers 404 on every REST path of another user's sandbox", async () => {
    const paths: Array<[string, string, unknown?]> = [
      ['GET', ''],
      ['DELETE', ''],
      ['POST', '/reset'],
      ['POST', '/commands', { input: 'kubectl get secret ann-secret -o yaml' }],
      ['POST', '/interrupt'],
      ['GET', '/transcript'],
      ['POST', '/inspect', { input: 'kubectl get secrets' }],
      ['POST', '/kubeconfig'],
    ];
    for (const [method, suffix, body] of paths) {
      const response = await bob.request(method, `/api/v1/sandboxes/${annSandbox}${suffix}`, body);
      expect([method, suffix, response.status, response.json]).toEqual([
        method,
        suffix,
        404,
        { statusCode: 404, error: 'Not Found', message: 'Sandbox not found' },
      ]);
      expect(response.text).not.toContain('s3cret');
    }
    expect((await bob.get(`/api/v1/sandboxes?owner=${(await ann.get('/api/v1/auth/me')).json.user.id}`)).json).toEqual({
      items: [],
    });
    // Nothing happened to it.
    expect(await output(ann, annSandbox, 'kubectl get secret ann-secret -o name')).toBe('secret/ann-secret\n');
  });

  it("answers 404 on the Kubernetes endpoint of another user's sandbox, 401 without credentials", async () => {
    const path = `/clusters/${annSandbox}/api/v1/namespaces/default/secrets`;
    const asBob = await bob.get(path);
    expect(asBob.status).toBe(404);
    expect(asBob.json).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    const withBobsToken = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${tokenOf(bobKubeconfig)}` },
    });
    expect(withBobsToken.status).toBe(404);
    expect(await withBobsToken.text()).not.toContain('s3cret');
    const anonymous = await fetch(`${server.url}${path}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    const forged = await fetch(`${server.url}${path}`, { headers: { authorization: 'Bearer kubelab_forged' } });
    expect(forged.status).toBe(401);
    const unknown = await bob.get(`/clusters/00000000-0000-4000-8000-000000000000/api/v1/pods`);
    expect(unknown.status).toBe(404);
  });

  it('serves the owner through the session cookie, and a new kubeconfig revokes the old token', async () => {
    const list = await ann.get(`/clusters/${annSandbox}/api/v1/namespaces/default/secrets`);
    expect(list.status).toBe(200);
    expect(list.json.items.map((item: { metadata: { name: string } }) => item.metadata.name)).toEqual(['ann-secret']);
    // Writes with the cookie must not come from a cross-site form.
    const form = await ann.request(
      'POST',
      `/clusters/${annSandbox}/api/v1/namespaces/default/configmaps`,
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"csrf"}}',
      { 'content-type': 'text/plain' },
    );
    expect(form.status).toBe(415);
    const json = await ann.request(
      'POST',
      `/clusters/${annSandbox}/api/v1/namespaces/default/configmaps`,
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"from-browser"}}',
      { 'content-type': 'application/json' },
    );
    expect(json.status).toBe(201);
    const old = tokenOf(annKubeconfig);
    annKubeconfig = (await ann.post(`/api/v1/sandboxes/${annSandbox}/kubeconfig`)).text;
    const withOld = await fetch(`${server.url}/clusters/${annSandbox}/api/v1/pods`, {
      headers: { authorization: `Bearer ${old}` },
    });
    expect(withOld.status).toBe(401);
  });

  it("lets an admin read a learner's cluster but not change it", async () => {
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password);
    const read = await admin.get(`/clusters/${annSandbox}/api/v1/namespaces/default/secrets`);
    expect(read.status).toBe(200);
    const write = await admin.request('DELETE', `/clusters/${annSandbox}/api/v1/namespaces/default/secrets/ann-secret`);
    expect(write.status).toBe(403);
    expect(write.json).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
    expect(write.json.message).toBe(`User "${ADMIN.email}" cannot change another user's sandbox: access is read-only`);
    expect(await output(ann, annSandbox, 'kubectl get secret ann-secret -o name')).toBe('secret/ann-secret\n');
  });

  const skipReason = kubectlUnavailableReason();
  (skipReason ? it.skip : it)(
    'lets the real kubectl v1.32 use the sandbox through its kubeconfig',
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'kubelab-kubeconfig-'));
      const kubeconfig = join(directory, 'config');
      writeFileSync(kubeconfig, annKubeconfig);
      const kubectl = (args: string[], stdin?: string) =>
        runRealKubectl(args, { kubeconfig, cwd: directory, ...(stdin ? { stdin } : {}) });

      const created = await kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
      expect(created).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
      const applied = await kubectl(
        ['apply', '-f', '-'],
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
      );
      expect(applied.stdout).toBe('service/web created\n');
      // What the real kubectl wrote is stored: the sandbox restored from the database has it.
      await server.server.app.get(SandboxRegistry).drop(annSandbox, { release: true });
      expect(await output(ann, annSandbox, 'kubectl get deploy,svc web -o name')).toBe(
        'deployment.apps/web\nservice/web\n',
      );
      const pods = await kubectl(['get', 'pods', '-l', 'app=web', '-o', 'name']);
      expect(pods.stdout.trim().split('\n')).toHaveLength(2);

      // Bob's token cannot be pointed at Ann's sandbox.
      const bobsConfig = join(directory, 'bob');
      writeFileSync(bobsConfig, bobKubeconfig.replace(`/clusters/${bobSandbox}`, `/clusters/${annSandbox}`));
      const denied = await runRealKubectl(['get', 'secrets'], { kubeconfig: bobsConfig, cwd: directory });
      expect(denied.exitCode).toBe(1);
      expect(denied.stdout).toBe('');
      expect(denied.stderr).toContain('the server could not find the requested resource');
    },
    60_000,
  );
});
