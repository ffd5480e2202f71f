import { Client } from 'pg';
import { EmbeddedDatabase } from './embedded-database';
import { applyMigrations, type MigrationLog, readMigrations } from './migration-runner';

/** Where the server's data lives: a PostgreSQL server, or the embedded one. */
export interface Database {
  url: string;
  embedded: boolean;
  /** Connections the pool may open: the embedded database serves one at a time. */
  poolSize: number;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  migrationsDir: string;
  log: MigrationLog;
  /** A fresh embedded database to start from instead of running initdb (tests). */
  embeddedTemplate?: Blob;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const embedded = options.databaseUrl
    ? undefined
    : await EmbeddedDatabase.start({
        dataDir: options.dataDir,
        ...(options.embeddedTemplate ? { template: options.embeddedTemplate } : {}),
      });
  const url = options.databaseUrl ?? embedded?.url ?? '';
  try {
    await migrate(url, options.migrationsDir, options.log);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    embedded: embedded !== undefined,
    poolSize: embedded ? 1 : 10,
    close: async () => embedded?.stop(),
  };
}

export async function migrate(url: string, migrationsDir: string, log: MigrationLog): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(client, migrations, log);
  } finally {
    await client.end();
  }
}
