import { join } from 'node:path';
import { Client } from 'pg';
import { ConfigurationError, loadConfiguration } from './services/configuration/configuration';
import { EmbeddedDatabase } from './services/database/embedded-database';
import { migrate } from './services/database/database';
import { type MigrationStatus, migrationStatus, readMigrations } from './services/database/migration-runner';

/**
 * `npm run db:migrate [-- --status]`: applies prisma/migrations to the
 * configured database (DATABASE_URL, or the embedded one under DATA_DIR), or
 * with --status lists what is applied and pending. The server also migrates
 * on start; this is for operators who migrate before rolling out.
 */
async function main(argv: string[]): Promise<number> {
  const statusOnly = argv.includes('--status');
  const unknown = argv.filter((arg) => arg !== '--status');
  if (unknown.length > 0) {
    process.stderr.write(`db:migrate: unknown argument ${unknown[0]}\nUsage: npm run db:migrate [-- --status]\n`);
    return 2;
  }
  const configuration = loadConfiguration(process.env);
  const migrationsDir = join(process.cwd(), 'prisma/migrations');
  const embedded = configuration.databaseUrl
    ? undefined
    : await EmbeddedDatabase.start({ dataDir: configuration.dataDir });
  const url = configuration.databaseUrl ?? embedded?.url ?? '';
  try {
    if (statusOnly) {
      printStatus(await statusOf(url, migrationsDir));
      return 0;
    }
    const applied = await migrate(url, migrationsDir, {
      info: (message) => process.stdout.write(`${message}\n`),
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
    });
    process.stdout.write(
      applied.length === 0 ? 'the database is up to date\n' : `${applied.length} migration(s) applied\n`,
    );
    return 0;
  } finally {
    await embedded?.stop();
  }
}

async function statusOf(url: string, migrationsDir: string): Promise<MigrationStatus> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await migrationStatus(client, await readMigrations(migrationsDir));
  } finally {
    await client.end();
  }
}

function printStatus(status: MigrationStatus): void {
  for (const name of status.applied) process.stdout.write(`applied  ${name}\n`);
  for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
  process.stdout.write(`${status.applied.length} applied, ${status.pending.length} pending\n`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`db:migrate: ${message}\n`);
    process.exit(1);
  },
);
