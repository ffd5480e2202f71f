import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from './embedded-database';

// For tests only (not built into dist/): throwaway embedded databases.

/** Where jest's global setup (test/support/global-setup.ts) leaves an empty database dump. */
export const TEMPLATE_ENV = 'KUBELAB_TEST_PGLITE_TEMPLATE';

/** That dump, so a test database skips initdb; undefined outside jest. */
export async function globalSetupTemplate(): Promise<Blob | undefined> {
  const path = process.env[TEMPLATE_ENV];
  return path ? new Blob([await readFile(path)]) : undefined;
}

export interface ScratchDatabase {
  client: Client;
  dispose(): Promise<void>;
}

/** An embedded database in a new temporary directory, and a client connected to it. */
export async function startScratchDatabase(): Promise<ScratchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kubelab-scratch-db-'));
  const template = await globalSetupTemplate();
  const db = await EmbeddedDatabase.start({ dataDir, ...(template ? { template } : {}) });
  const client = new Client({ connectionString: db.url });
  const dispose = async () => {
    await client.end().catch(() => undefined);
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await client.connect();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { client, dispose };
}
