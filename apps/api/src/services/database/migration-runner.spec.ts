import { createHash } from 'node:crypto';
import fsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client } from 'pg';
import { type ScratchDatabase, startScratchDatabase } from './embedded-database.testing';
import {
  applyMigrations,
  type Migration,
  MigrationError,
  type MigrationLog,
  migrationChecksum,
  migrationStatus,
  PRISMA_ADVISORY_LOCK_KEY,
  readMigrations,
} from './migration-runner';

// Starting an embedded database from the template and the occasional slow CI
// machine: well above jest's 5 s default, well below "something hangs".
jest.setTimeout(60_000);

const workspaceRoot = join(__dirname, '../../../../..');
const prismaMigrationsDir = join(workspaceRoot, 'prisma/migrations');

const realReaddir = fsPromises.readdir;

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A log that remembers what it was told. */
function recordingLog(): MigrationLog & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, info: (message) => infos.push(message), warn: (message) => warnings.push(message) };
}

const silentLog: MigrationLog = { info: () => undefined, warn: () => undefined };

/** Writes `<dir>/<name>/migration.sql` for each entry and returns the directory. */
async function migrationsDir(files: Record<string, string | Buffer>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'kubelab-migration-files-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(directory, name));
    await writeFile(join(directory, name, 'migration.sql'), sql);
  }
  return directory;
}

async function tableExists(client: Client, table: string): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `"${table}"`,
  ]);
  return result.rows[0]?.exists === true;
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
  logs: string | null;
}

async function history(client: Client): Promise<HistoryRow[]> {
  const result = await client.query<HistoryRow>(
    `SELECT id, migration_name, checksum, finished_at, rolled_back_at, started_at, applied_steps_count, logs
       FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  return result.rows;
}

/** Advisory locks held by any session: PGlite serves one connection, so this is ours. */
async function advisoryLocks(client: Client): Promise<number> {
  const result = await client.query<{ count: string }>(
    `SELECT count(*) AS count FROM pg_locks WHERE locktype = 'advisory'`,
  );
  return Number(result.rows[0]?.count);
}

/** Takes and gives back Prisma's lock: proves nobody (this session included) is stuck holding it. */
async function lockIsFree(client: Client): Promise<boolean> {
  const taken = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
    PRISMA_ADVISORY_LOCK_KEY,
  ]);
  const locked = taken.rows[0]?.locked === true;
  if (locked) {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  }
  return locked;
}

describe('readMigrations', () => {
  it('reads prisma/migrations in name order with the sha256 of each migration.sql', async () => {
    const names = (await readdir(prismaMigrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(names.length).toBeGreaterThan(0);

    const migrations = await readMigrations(prismaMigrationsDir);

    expect(migrations.map((m) => m.name)).toEqual(names);
    for (const migration of migrations) {
      const bytes = await readFile(join(prismaMigrationsDir, migration.name, 'migration.sql'));
      expect(migration.checksum).toBe(sha256(bytes));
      expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(migration.sql).toBe(bytes.toString('utf8'));
    }
  });

  it('orders by name, whatever order the file system lists them in, and skips files beside the directories', async () => {
    const directory = await migrationsDir({
      '20240301000000_third': 'SELECT 3;\n',
      '20240101000000_first': 'SELECT 1;\n',
      '20240201000000_second': 'SELECT 2;\n',
    });
    await writeFile(join(directory, 'migration_lock.toml'), 'provider = "postgresql"\n');
    // libuv happens to sort directory listings on Linux; other platforms and file systems do not.
    // readdir is overloaded; the cast says this stand-in serves the one call readMigrations makes.
    // (A default import: the same module object the runner calls through, so the spy is seen.)
    const listInReverse = jest
      .spyOn(fsPromises, 'readdir')
      .mockImplementationOnce((async (path: string) =>
        (await realReaddir(path, { withFileTypes: true })).reverse()) as unknown as typeof fsPromises.readdir);
    try {
      const migrations = await readMigrations(directory);
      expect(listInReverse).toHaveBeenCalledWith(directory, { withFileTypes: true });
      expect(migrations.map((m) => m.name)).toEqual([
        '20240101000000_first',
        '20240201000000_second',
        '20240301000000_third',
      ]);
      expect(migrations.map((m) => m.sql)).toEqual(['SELECT 1;\n', 'SELECT 2;\n', 'SELECT 3;\n']);
    } finally {
      listInReverse.mockRestore();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('hashes the exact bytes of the file: non-ASCII text, CRLF line endings and a byte-order mark included', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("-- Größe, 大小, émoji 🚀\r\nCOMMENT ON SCHEMA public IS 'ü';\r\n", 'utf8'),
    ]);
    const directory = await migrationsDir({ '20240101000000_unicode': bytes });
    try {
      const [migration] = await readMigrations(directory);
      expect(migration?.checksum).toBe(sha256(bytes));
      expect(migrationChecksum(migration?.sql ?? '')).toBe(sha256(bytes));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('applyMigrations on an empty database', () => {
  let db: ScratchDatabase;
  let migrations: Migration[];
  let statusBefore: { applied: string[]; pending: string[] };
  let firstRun: string[];
  const firstLog = recordingLog();

  beforeAll(async () => {
    migrations = await readMigrations(prismaMigrationsDir);
    db = await startScratchDatabase();
    statusBefore = await migrationStatus(db.client, migrations);
    firstRun = await applyMigrations(db.client, migrations, firstLog);
  });
  afterAll(() => db?.dispose());

  it('applies every migration, in order, and logs each one', () => {
    expect(firstRun).toEqual(migrations.map((m) => m.name));
    expect(firstLog.infos).toEqual(migrations.map((m) => `applied migration ${m.name}`));
    expect(firstLog.warnings).toEqual([]);
  });

  it('runs the migrations themselves', async () => {
    // The init migration's tables; the schema-drift test checks them in detail.
    for (const table of ['users', 'sessions', 'external_identities', 'audit_events']) {
      expect(await tableExists(db.client, table)).toBe(true);
    }
  });

  it("creates _prisma_migrations exactly as Prisma's schema engine does", async () => {
    const columns = await db.client.query<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
    }>(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns.rows).toEqual([
      {
        column_name: 'id',
        data_type: 'character varying',
        character_maximum_length: 36,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        character_maximum_length: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        character_maximum_length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'logs',
        data_type: 'text',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);
    const primaryKey = await db.client.query<{ column_name: string }>(
      `SELECT kcu.column_name
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
        WHERE tc.table_schema = current_schema() AND tc.table_name = '_prisma_migrations'
          AND tc.constraint_type = 'PRIMARY KEY'`,
    );
    expect(primaryKey.rows).toEqual([{ column_name: 'id' }]);
  });

  it('records each migration as finished, with one step and the checksum of its file', async () => {
    const rows = await history(db.client);
    expect(rows).toHaveLength(migrations.length);
    for (const [index, migration] of migrations.entries()) {
      const row = rows[index];
      const bytes = await readFile(join(prismaMigrationsDir, migration.name, 'migration.sql'));
      expect(row).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        migration_name: migration.name,
        checksum: sha256(bytes),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        started_at: expect.any(Date),
        applied_steps_count: 1,
        logs: null,
      });
      expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(row?.started_at.getTime() ?? Infinity);
    }
  });

  it('applies nothing the second time and leaves the history as it was', async () => {
    const before = await history(db.client);
    const log = recordingLog();

    expect(await applyMigrations(db.client, migrations, log)).toEqual([]);

    expect(await history(db.client)).toEqual(before);
    expect(log.infos).toEqual([]);
    expect(log.warnings).toEqual([]);
  });

  it('warns, and applies nothing, when an applied migration was edited afterwards', async () => {
    const [edited, ...rest] = migrations;
    if (!edited) throw new Error('prisma/migrations has no migration');
    const sql = `${edited.sql}\n-- edited after it was applied\n`;
    const log = recordingLog();

    const applied = await applyMigrations(
      db.client,
      [{ ...edited, sql, checksum: migrationChecksum(sql) }, ...rest],
      log,
    );

    expect(applied).toEqual([]);
    expect(log.warnings).toEqual([`migration ${edited.name} was modified after it was applied (checksum differs)`]);
    // The recorded checksum stays the one of what actually ran.
    const row = (await history(db.client)).find((r) => r.migration_name === edited.name);
    expect(row?.checksum).toBe(edited.checksum);
  });

  it('takes a checkout with CRLF line endings for the same migration, as Prisma does', async () => {
    const [first, ...rest] = migrations;
    if (!first) throw new Error('prisma/migrations has no migration');
    const sql = first.sql.replace(/\n/g, '\r\n');
    const log = recordingLog();

    const applied = await applyMigrations(
      db.client,
      [{ ...first, sql, checksum: migrationChecksum(sql) }, ...rest],
      log,
    );

    expect(applied).toEqual([]);
    expect(log.warnings).toEqual([]);
  });

  it('warns about a migration in the database that is missing from prisma/migrations', async () => {
    const [first, ...rest] = migrations;
    if (!first) throw new Error('prisma/migrations has no migration');
    const log = recordingLog();

    expect(await applyMigrations(db.client, rest, log)).toEqual([]);

    expect(log.warnings).toEqual([`migration ${first.name} is in the database but not in prisma/migrations`]);
  });

  it('reports what is applied and what is pending', async () => {
    const names = migrations.map((m) => m.name);
    expect(statusBefore).toEqual({ applied: [], pending: names });
    expect(await migrationStatus(db.client, migrations)).toEqual({ applied: names, pending: [] });

    const later: Migration = {
      name: '99991231235959_later',
      sql: 'SELECT 1;',
      checksum: migrationChecksum('SELECT 1;'),
    };
    expect(await migrationStatus(db.client, [...migrations, later])).toEqual({ applied: names, pending: [later.name] });
  });

  it('releases the advisory lock when it is done', async () => {
    expect(await advisoryLocks(db.client)).toBe(0);
    expect(await lockIsFree(db.client)).toBe(true);
    expect(await advisoryLocks(db.client)).toBe(0);
  });
});

describe('applyMigrations with a migration that fails', () => {
  const first = '20240101000000_first';
  const broken = '20240102000000_broken';
  const after = '20240103000000_after';
  const brokenSql = [
    'CREATE TABLE "half_done" ("id" INTEGER PRIMARY KEY);',
    'CREATE INDEX "half_done_id_idx" ON "half_done"("id");',
    'INSERT INTO "first_table" ("id") VALUES (42);',
    'ALTER TABLE "first_table" ADD COLUMN "note" TEXT;',
    'SELECT * FROM "no_such_table";',
    'CREATE TABLE "never_reached" ("id" INTEGER);',
  ].join('\n');
  let db: ScratchDatabase;
  let directory: string;
  let migrations: Migration[];
  let failure: unknown;
  const log = recordingLog();

  beforeAll(async () => {
    directory = await migrationsDir({
      [first]: 'CREATE TABLE "first_table" ("id" INTEGER PRIMARY KEY);\n',
      [broken]: brokenSql,
      [after]: 'CREATE TABLE "after_table" ("id" INTEGER);\n',
    });
    migrations = await readMigrations(directory);
    db = await startScratchDatabase();
    failure = await applyMigrations(db.client, migrations, log).then(
      () => undefined,
      (error: unknown) => error,
    );
  });
  afterAll(async () => {
    await db?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('throws a MigrationError naming the migration and the reason', () => {
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).message).toContain(broken);
    expect((failure as MigrationError).message).toMatch(/no_such_table/);
    expect(log.infos).toEqual([`applied migration ${first}`]);
  });

  it('leaves nothing of the failed migration behind', async () => {
    expect(await tableExists(db.client, 'half_done')).toBe(false);
    expect(await tableExists(db.client, 'half_done_id_idx')).toBe(false);
    expect(await tableExists(db.client, 'never_reached')).toBe(false);
    const rows = await db.client.query<{ id: number }>('SELECT * FROM "first_table"');
    expect(rows.rows).toEqual([]);
    const columns = await db.client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'first_table' ORDER BY ordinal_position`,
    );
    expect(columns.rows).toEqual([{ column_name: 'id' }]);
  });

  it('keeps the migrations before it applied and records nothing for it or those after it', async () => {
    expect(await tableExists(db.client, 'first_table')).toBe(true);
    expect(await tableExists(db.client, 'after_table')).toBe(false);
    const rows = await history(db.client);
    expect(rows.map((row) => [row.migration_name, row.finished_at === null])).toEqual([[first, false]]);
    expect(await migrationStatus(db.client, migrations)).toEqual({ applied: [first], pending: [broken, after] });
  });

  it('releases the advisory lock', async () => {
    expect(await advisoryLocks(db.client)).toBe(0);
    expect(await lockIsFree(db.client)).toBe(true);
  });

  it('applies the fixed migration and the rest on the next run', async () => {
    const fixedSql = brokenSql.replace('SELECT * FROM "no_such_table";', 'SELECT 1;');
    const fixed = migrations.map((m) =>
      m.name === broken ? { ...m, sql: fixedSql, checksum: migrationChecksum(fixedSql) } : m,
    );

    expect(await applyMigrations(db.client, fixed, silentLog)).toEqual([broken, after]);

    expect(await tableExists(db.client, 'half_done')).toBe(true);
    expect(await tableExists(db.client, 'after_table')).toBe(true);
    expect((await history(db.client)).map((row) => [row.migration_name, row.applied_steps_count])).toEqual([
      [first, 1],
      [broken, 1],
      [after, 1],
    ]);
  });
});

describe('applyMigrations after a migration that never finished', () => {
  const first = '20240101000000_first';
  const second = '20240102000000_second';
  let db: ScratchDatabase;
  let directory: string;
  let migrations: Migration[];

  beforeAll(async () => {
    directory = await migrationsDir({
      [first]: 'CREATE TABLE "first_table" ("id" INTEGER);\n',
      [second]: 'CREATE TABLE "second_table" ("id" INTEGER);\n',
    });
    migrations = await readMigrations(directory);
    db = await startScratchDatabase();
    await applyMigrations(db.client, migrations.slice(0, 1), silentLog);
    // What `prisma migrate deploy` leaves when a migration fails halfway (or a process died mid-run).
    await db.client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count, logs)
       VALUES ('00000000-0000-4000-8000-000000000002', $1, $2, now(), 0, 'error: something broke')`,
      [migrations[1]?.checksum, second],
    );
  });
  afterAll(async () => {
    await db?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('refuses to migrate, naming the unfinished migration', async () => {
    const log = recordingLog();
    const attempt = applyMigrations(db.client, migrations, log);

    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(new RegExp(`migration ${second} failed earlier and was never resolved`));
    expect(log.infos).toEqual([]);
    expect(await tableExists(db.client, 'second_table')).toBe(false);
  });

  it('counts it as pending, not applied', async () => {
    expect(await migrationStatus(db.client, migrations)).toEqual({ applied: [first], pending: [second] });
  });

  it('releases the advisory lock after refusing', async () => {
    expect(await advisoryLocks(db.client)).toBe(0);
    expect(await lockIsFree(db.client)).toBe(true);
  });

  it('applies it again once it is marked rolled back (like `prisma migrate resolve --rolled-back`)', async () => {
    await db.client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [second]);

    expect(await applyMigrations(db.client, migrations, silentLog)).toEqual([second]);

    expect(await tableExists(db.client, 'second_table')).toBe(true);
    const rows = (await history(db.client)).filter((row) => row.migration_name === second);
    expect(
      rows.map((row) => ({ rolledBack: row.rolled_back_at !== null, finished: row.finished_at !== null })),
    ).toEqual(
      expect.arrayContaining([
        { rolledBack: true, finished: false },
        { rolledBack: false, finished: true },
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(await migrationStatus(db.client, migrations)).toEqual({ applied: [first, second], pending: [] });
  });
});
