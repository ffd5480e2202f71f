import { defineConfig } from 'prisma/config';

// The server reads DATABASE_URL itself (apps/api configuration); this file only
// tells the Prisma CLI where the schema and migrations are.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
