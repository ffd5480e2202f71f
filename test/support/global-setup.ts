import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../apps/api/src/services/database/embedded-database';
import { TEMPLATE_ENV } from '../../apps/api/src/services/database/embedded-database.testing';

/**
 * Runs once per `jest` run: a new embedded database costs seconds of initdb,
 * so one empty database is made here and every test server starts from a
 * copy of it (test/support/test-server.ts).
 */
export default async function globalSetup(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'kubelab-test-'));
  const template = join(directory, 'pglite-template.tar');
  await writeFile(template, Buffer.from(await (await EmbeddedDatabase.dumpTemplate()).arrayBuffer()));
  process.env['KUBELAB_TEST_DIR'] = directory;
  process.env[TEMPLATE_ENV] = template;
}
