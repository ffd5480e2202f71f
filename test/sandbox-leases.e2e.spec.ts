// Two server instances on one PostgreSQL: a sandbox is served by one at a
// time (its lease); the other takes it over from the stored state once the
// lease is released or expires, and the old holder can no longer write.
import { PrismaService } from '../apps/api/src/services/prisma/prisma.service';
import { SandboxRegistry } from '../apps/api/src/app/sandboxes/sandbox-registry';
import { createSandbox, output, signIn, signUp } from './support/sandbox-client';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';
import { startTestServer, type TestServer } from './support/test-server';

jest.setTimeout(120_000);

describe('sandbox leases across server instances', () => {
  let postgres: PostgresServer;
  let blue: TestServer;
  let green: TestServer;

  beforeAll(async () => {
    postgres = await startPostgresServer({ database: 'kubelab_leases' });
    blue = await startTestServer({ DATABASE_URL: postgres.url, INSTANCE_ID: 'blue' });
    green = await startTestServer({ DATABASE_URL: postgres.url, INSTANCE_ID: 'green' });
  });
  afterAll(async () => {
    await blue.dispose();
    await green.dispose();
    await postgres.stop();
  });

  it('serves a sandbox from one instance at a time and hands it over', async () => {
    const onBlue = await signUp(blue.url, 'ann');
    const onGreen = await signIn(green.url, onBlue.email, 'a-long-password-1');
    const id = await createSandbox(onBlue);
    expect(await output(onBlue, id, 'kubectl create namespace shop && echo one > /root/f')).toBe(
      'namespace/shop created\n',
    );

    const refused = await onGreen.post(`/api/v1/sandboxes/${id}/commands`, { input: 'true' });
    expect(refused.status).toBe(409);
    expect(refused.json.message).toBe('This sandbox is open on another server instance; try again in a few seconds.');

    // Blue lets it go (idle eviction does this): green restores it from the database.
    await blue.server.app.get(SandboxRegistry).drop(id, { release: true });
    expect(await output(onGreen, id, 'kubectl get ns shop -o name; cat /root/f')).toBe('namespace/shop\none\n');
    expect((await onBlue.post(`/api/v1/sandboxes/${id}/commands`, { input: 'true' })).status).toBe(409);
  });

  it('takes over an expired lease, and the old holder can no longer write', async () => {
    const onBlue = await signUp(blue.url, 'bo');
    const onGreen = await signIn(green.url, onBlue.email, 'a-long-password-1');
    const id = await createSandbox(onBlue);
    await output(onBlue, id, 'kubectl create configmap from-blue --from-literal=a=1');

    // Blue stalls (a long pause, a network partition): its lease runs out.
    await blue.server.app
      .get(PrismaService)
      .sandboxLease.update({ where: { sandboxId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await output(onGreen, id, 'kubectl create configmap from-green --from-literal=a=1')).toBe(
      'configmap/from-green created\n',
    );

    // Blue still holds the sandbox in memory, but its write is refused and the copy dropped.
    const stale = await onBlue.post(`/api/v1/sandboxes/${id}/commands`, {
      input: 'kubectl delete configmap from-green',
    });
    expect(stale.status).toBe(503);
    expect(stale.json.message).toBe(
      'This sandbox was taken over by another server instance; the command was not saved. Run it again.',
    );
    expect(blue.server.app.get(SandboxRegistry).peek(id)).toBeUndefined();
    expect(await output(onGreen, id, 'kubectl get configmaps -o name | grep from-')).toBe(
      'configmap/from-blue\nconfigmap/from-green\n',
    );
  });
});
