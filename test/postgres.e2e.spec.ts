// The server on a real PostgreSQL (DATABASE_URL), the way it runs in
// production: a throwaway server from test/support/postgres-server.ts (needs
// the PostgreSQL binaries: `bash scripts/install-test-deps.sh`).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  PRISMA_ADVISORY_LOCK_KEY,
  readMigrations,
  type Migration,
} from '../apps/api/src/services/database/migration-runner';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';
import { HttpClient, startTestServer, workspaceRoot, type TestServer } from './support/test-server';

jest.setTimeout(120_000);

const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };
const migrationsDir = join(workspaceRoot, 'prisma/migrations');

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

/** Runs `work` with a client on `url`, then disconnects. */
async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function migrationRows(client: Client): Promise<MigrationRow[]> {
  return client
    .query<MigrationRow>(
      `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name, started_at`,
    )
    .then((result) => result.rows);
}

async function count(client: Client, sql: string, params: unknown[] = []): Promise<number> {
  const result = await client.query<{ count: string }>(sql, params);
  return Number(result.rows[0]?.count);
}

describe('the server on PostgreSQL', () => {
  let pg: PostgresServer;
  let db: Client;
  let migrations: Migration[];
  /** Every server started here, stopped in afterAll whatever happened. */
  const servers: TestServer[] = [];
  let server: TestServer;

  const env = (url: string) => ({ DATABASE_URL: url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const start = async (url: string): Promise<TestServer> => {
    const started = await startTestServer(env(url));
    servers.push(started);
    return started;
  };
  /** Another database on the same PostgreSQL server. */
  const createDatabase = async (name: string): Promise<string> => {
    await db.query(`CREATE DATABASE "${name}"`);
    return pg.url.replace(/\/[^/]*$/, `/${name}`);
  };

  beforeAll(async () => {
    migrations = await readMigrations(migrationsDir);
    pg = await startPostgresServer();
    db = new Client({ connectionString: pg.url });
    await db.connect();
    server = await start(pg.url);
  });

  afterAll(async () => {
    for (const started of servers) await started.dispose().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await pg?.stop();
  });

  it('is ready, on PostgreSQL', async () => {
    const ready = await new HttpClient(server.url).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: 'ready', database: 'postgresql' });
    expect(server.server.database.embedded).toBe(false);
  });

  it('applied every migration once and recorded it the way Prisma does', async () => {
    const rows = await migrationRows(db);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(rows.map((row) => row.migration_name)).toContain('20261122000000_init');
    for (const row of rows) {
      const bytes = await readFile(join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row).toMatchObject({
        checksum: createHash('sha256').update(bytes).digest('hex'),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
      });
    }
    // Nobody is left holding Prisma's migration lock.
    const locked = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      PRISMA_ADVISORY_LOCK_KEY,
    ]);
    expect(locked.rows[0]?.locked).toBe(true);
    await db.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  });

  it('signs up, signs in and knows who is signed in', async () => {
    const ann = new HttpClient(server.url);
    const signUp = await ann.post('/api/v1/auth/sign-up', {
      email: 'Ann@Example.com',
      name: 'Ann',
      password: 'ann-password-1',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.json.user).toMatchObject({ email: 'ann@example.com', name: 'Ann', role: 'learner' });
    expect((await ann.get('/api/v1/auth/me')).json.user.email).toBe('ann@example.com');

    const again = new HttpClient(server.url);
    expect((await again.get('/api/v1/auth/me')).status).toBe(401);
    const signIn = await again.post('/api/v1/auth/sign-in', { email: 'ann@example.com', password: 'ann-password-1' });
    expect(signIn.status).toBe(200);
    expect((await again.get('/api/v1/auth/me')).json.user).toMatchObject({ email: 'ann@example.com', name: 'Ann' });

    const stored = await db.query<{ email: string; password_hash: string | null }>(
      'SELECT email, password_hash FROM users WHERE email = $1',
      ['ann@example.com'],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.password_hash).not.toContain('ann-password-1');
    expect(
      await count(db, 'SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1', [
        'ann@example.com',
      ]),
    ).toBe(2);
  });

  it('lets the admin from the environment list users and reset a password, which signs the user out everywhere', async () => {
    const admin = new HttpClient(server.url);
    const signIn = await admin.post('/api/v1/auth/sign-in', ADMIN);
    expect(signIn.status).toBe(200);
    expect(signIn.json.user.role).toBe('admin');

    const lee = new HttpClient(server.url);
    const created = await lee.post('/api/v1/auth/sign-up', {
      email: 'lee@example.com',
      name: 'Lee',
      password: 'lee-password-1',
    });
    const leeId: string = created.json.user.id;
    const leeElsewhere = new HttpClient(server.url);
    expect(
      (await leeElsewhere.post('/api/v1/auth/sign-in', { email: 'lee@example.com', password: 'lee-password-1' }))
        .status,
    ).toBe(200);
    expect((await lee.get('/api/v1/users')).status).toBe(403);

    const list = await admin.get('/api/v1/users');
    expect(list.status).toBe(200);
    expect(list.json.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([ADMIN.email, 'ann@example.com', 'lee@example.com']),
    );
    expect(await count(db, 'SELECT count(*) FROM sessions WHERE user_id = $1', [leeId])).toBe(2);

    expect((await admin.post(`/api/v1/users/${leeId}/password`, { password: 'new-password-99' })).status).toBe(204);

    expect(await count(db, 'SELECT count(*) FROM sessions WHERE user_id = $1', [leeId])).toBe(0);
    expect((await lee.get('/api/v1/auth/me')).status).toBe(401);
    expect((await leeElsewhere.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await lee.post('/api/v1/auth/sign-in', { email: 'lee@example.com', password: 'lee-password-1' })).status,
    ).toBe(401);
    expect(
      (await lee.post('/api/v1/auth/sign-in', { email: 'lee@example.com', password: 'new-password-99' })).status,
    ).toBe(200);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200); // the admin's own session is untouched

    const audit = await admin.get('/api/v1/audit-events?limit=100');
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.admin-created', 'user.sign-in', 'user.password-reset']),
    );
  });

  it('keeps the accounts across a restart, without migrating again or making a second admin', async () => {
    const migrationsBefore = await migrationRows(db);
    const usersBefore = await db.query<{ id: string; email: string }>('SELECT id, email FROM users ORDER BY email');
    expect(usersBefore.rows.length).toBeGreaterThanOrEqual(3);

    await server.close();
    server = await start(pg.url);

    const ann = await new HttpClient(server.url).post('/api/v1/auth/sign-in', {
      email: 'ann@example.com',
      password: 'ann-password-1',
    });
    expect(ann.status).toBe(200);
    expect(ann.json.user.name).toBe('Ann');
    const admin = await new HttpClient(server.url).post('/api/v1/auth/sign-in', ADMIN);
    expect(admin.status).toBe(200);

    expect(await migrationRows(db)).toEqual(migrationsBefore);
    expect((await db.query('SELECT id, email FROM users ORDER BY email')).rows).toEqual(usersBefore.rows);
    expect(await count(db, `SELECT count(*) FROM users WHERE role = 'admin'`)).toBe(1);
    expect(await count(db, `SELECT count(*) FROM audit_events WHERE action = 'user.admin-created'`)).toBe(1);
  });

  it('waits for the migration lock another process holds (e.g. `prisma migrate deploy`) before migrating', async () => {
    const url = await createDatabase('kubelab_locked');
    // Advisory locks belong to one database: hold it in the one the server migrates.
    await withClient(url, async (holder) => {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
      let settled = false;
      let startFailure: unknown;
      const starting = start(url)
        .catch((error: unknown) => {
          startFailure = error;
          return undefined;
        })
        .finally(() => {
          settled = true;
        });

      try {
        // Until the server's session is seen queueing for the lock (no timers: each check is a round trip).
        const deadline = Date.now() + 30_000;
        let waiting = 0;
        while (waiting === 0 && !settled && Date.now() < deadline) {
          waiting = await count(
            holder,
            `SELECT count(*) FROM pg_stat_activity
              WHERE datname = 'kubelab_locked' AND pid <> pg_backend_pid()
                AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
          );
        }
        expect(startFailure).toBeUndefined();
        expect(settled).toBe(false); // still starting: it waits for the lock
        expect(waiting).toBe(1);
        // It has not touched the database while it waits.
        const table = await holder.query<{ exists: boolean }>(
          `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
        );
        expect(table.rows[0]?.exists).toBe(false);
      } finally {
        // Whatever failed above, let the server finish starting so afterAll can stop it.
        await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
        await starting;
      }

      const locked = await starting;
      expect(startFailure).toBeUndefined();
      expect((await new HttpClient(locked?.url ?? '').get('/ready')).json).toEqual({
        status: 'ready',
        database: 'postgresql',
      });
      expect((await migrationRows(holder)).map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    });
  });

  it('starts two servers at once on a new database: both come up, the migrations run once, one admin', async () => {
    const url = await createDatabase('kubelab_concurrent');

    const results = await Promise.allSettled([start(url), start(url)]);

    const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(failures).toEqual([]);
    for (const result of results) {
      if (result.status !== 'fulfilled') continue;
      const ready = await new HttpClient(result.value.url).get('/ready');
      expect(ready.json).toEqual({ status: 'ready', database: 'postgresql' });
    }
    await withClient(url, async (client) => {
      const rows = await migrationRows(client);
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
      expect(await count(client, `SELECT count(*) FROM users WHERE role = 'admin'`)).toBe(1);
      // Only one server created it, so the password it was given is the one stored.
      expect(await count(client, `SELECT count(*) FROM audit_events WHERE action = 'user.admin-created'`)).toBe(1);
    });
  });
});
