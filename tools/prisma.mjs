// Runs the Prisma CLI without letting it download its native schema engine,
// which no registry we reach ships (see docs/database.md). Only commands that
// do not need the engine work: generate, validate, format.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? join(process.cwd(), 'tools/prisma-schema-engine-unavailable'),
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const result = spawnSync(join(process.cwd(), 'node_modules/.bin/prisma'), process.argv.slice(2), {
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
