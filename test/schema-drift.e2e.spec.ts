// The migrations in prisma/migrations are written (or at least kept) by hand
// and applied by our own runner, so nothing in Prisma's tooling notices when
// prisma/schema.prisma and the SQL drift apart: the client would then query
// columns that do not exist. This test applies every migration to an empty
// database and compares what it built with the data model, table by table.
//
// The data model: the generated client keeps only a projection of it at run
// time (`runtimeDataModel`: models, fields, kinds, types, mapped names; no
// nullability, keys, relations or enum values), and neither `Prisma.dmmf` nor
// `@prisma/internals`' getDMMF is available (Prisma 7, not installed). So the
// full model is read from prisma/schema.prisma by a small parser (test/support/prisma-schema.ts), in
// DMMF's shape, and checked to agree with the client's runtimeDataModel and
// inline schema: whichever of the schema, the client or the migrations falls
// behind, a test here fails.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import * as generatedEnums from '../apps/api/src/generated/prisma/enums';
import { startScratchDatabase } from '../apps/api/src/services/database/embedded-database.testing';
import { applyMigrations, readMigrations } from '../apps/api/src/services/database/migration-runner';
import { type DbSchema, introspect } from './support/database-schema';
import { type DataModel, parseSchema, stringLiteral } from './support/prisma-schema';
import { type Drift, findDrift, tableName } from './support/schema-drift';

jest.setTimeout(60_000);

const workspaceRoot = join(__dirname, '..');
const schemaPath = join(workspaceRoot, 'prisma/schema.prisma');
const generatedClassPath = join(workspaceRoot, 'apps/api/src/generated/prisma/internal/class.ts');

const runtimeDataModelSchema = z.object({
  models: z.record(
    z.string(),
    z.object({
      dbName: z.string().nullable(),
      schema: z.string().nullable(),
      fields: z.array(
        z.object({
          name: z.string(),
          kind: z.string(),
          type: z.string(),
          dbName: z.string().optional(),
          relationName: z.string().optional(),
        }),
      ),
    }),
  ),
});
type RuntimeDataModel = z.infer<typeof runtimeDataModelSchema>;

/** Reads a `JSON.parse("...")` or `"key": "..."` string literal assigned in the generated client. */
function generatedStringLiteral(source: string, pattern: RegExp): string {
  const match = pattern.exec(source);
  if (!match?.[1])
    throw new Error(`${generatedClassPath} has no ${String(pattern)}: was the Prisma generator changed?`);
  return stringLiteral(match[1]);
}

async function readGeneratedClient(): Promise<{ runtimeDataModel: RuntimeDataModel; inlineSchema: string }> {
  const source = await readFile(generatedClassPath, 'utf8');
  const runtimeJson = generatedStringLiteral(source, /config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/);
  const inlineSchema = generatedStringLiteral(source, /"inlineSchema": ("(?:[^"\\]|\\.)*")/);
  return { runtimeDataModel: runtimeDataModelSchema.parse(JSON.parse(runtimeJson)), inlineSchema };
}

/** The data model reduced to what the client keeps of it at run time. */
function toRuntimeDataModel(dataModel: DataModel): RuntimeDataModel {
  return {
    models: Object.fromEntries(
      dataModel.models.map((model) => [
        model.name,
        {
          dbName: model.mappedName ?? null,
          schema: null,
          fields: model.fields.map((field) => ({
            name: field.name,
            kind: field.kind,
            type: field.type,
            ...(field.kind !== 'object' && field.dbName !== field.name ? { dbName: field.dbName } : {}),
            ...(field.relationName !== undefined ? { relationName: field.relationName } : {}),
          })),
        },
      ]),
    ),
  };
}

/** Formatting aside (prisma generate aligns columns), the same schema text. */
const normalizeSchemaText = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/[ \t]+/g, ' '))
    .filter(Boolean)
    .join('\n');

// ---------------------------------------------------------------------------

describe('the migrations against prisma/schema.prisma', () => {
  let schemaText: string;
  let dataModel: DataModel;
  let db: DbSchema;
  let drift: Drift;

  beforeAll(async () => {
    schemaText = await readFile(schemaPath, 'utf8');
    dataModel = parseSchema(schemaText);

    const scratch = await startScratchDatabase();
    try {
      const migrations = await readMigrations(join(workspaceRoot, 'prisma/migrations'));
      await applyMigrations(scratch.client, migrations, { info: () => undefined, warn: () => undefined });
      db = await introspect(scratch.client);
    } finally {
      await scratch.dispose();
    }
    drift = findDrift(dataModel, db);
  });

  it('reads a data model out of the schema', () => {
    expect(dataModel.models.length).toBeGreaterThan(0);
    expect(dataModel.models.map((model) => model.name)).toEqual(expect.arrayContaining(['User', 'Session']));
    const user = dataModel.models.find((model) => model.name === 'User');
    expect(user?.fields.find((field) => field.name === 'passwordHash')).toMatchObject({
      dbName: 'password_hash',
      isRequired: false,
      kind: 'scalar',
    });
  });

  it('is the model the generated client was built from (else run `node tools/prisma.mjs generate`)', async () => {
    const generated = await readGeneratedClient();
    expect(normalizeSchemaText(generated.inlineSchema)).toBe(normalizeSchemaText(schemaText));
    expect(generated.runtimeDataModel).toEqual(toRuntimeDataModel(dataModel));
    const clientEnums = Object.fromEntries(
      Object.entries(generatedEnums).map(([name, values]) => [name, Object.keys(values as Record<string, string>)]),
    );
    expect(clientEnums).toEqual(Object.fromEntries(dataModel.enums.map((e) => [e.name, e.values.map((v) => v.name)])));
  });

  it('creates one table per model and no other', () => {
    expect(drift.tables).toEqual([]);
    expect(db.tables.length).toBe(dataModel.models.length);
  });

  it('creates every scalar field as a column of the right type, nullability and default, and no other column', () => {
    expect(drift.columns).toEqual([]);
    const columnCount = dataModel.models.flatMap((model) =>
      model.fields.filter((field) => field.kind !== 'object'),
    ).length;
    expect(db.columns.length).toBe(columnCount);
  });

  it('creates the primary keys, a unique index for every @unique and @@unique, and the @@index indexes', () => {
    expect(drift.keys).toEqual([]);
  });

  it('creates a foreign key for every relation, with the referential actions of the schema', () => {
    expect(drift.foreignKeys).toEqual([]);
    const cascades = db.foreignKeys.filter((fk) => fk.on_delete === 'c').map((fk) => fk.table_name);
    expect(cascades.sort()).toEqual(
      // One foreign key per relation field that cascades (a model may have several).
      dataModel.models
        .flatMap((model) =>
          model.fields.filter((field) => field.relationOnDelete === 'Cascade').map(() => tableName(model)),
        )
        .sort(),
    );
  });

  it('creates every enum type with the values of the schema, in order', () => {
    expect(drift.enums).toEqual([]);
    expect(db.enums.map((e) => e.name).sort()).toEqual(dataModel.enums.map((e) => e.dbName).sort());
  });

  describe('notices', () => {
    /** The drift that would be found, beyond today's, if prisma/schema.prisma read differently. */
    const driftIfSchema = (from: string | RegExp, to: string): Drift => {
      const changed = schemaText.replace(from, to);
      if (changed === schemaText)
        throw new Error(`prisma/schema.prisma no longer contains ${String(from)}; update this test`);
      const found = findDrift(parseSchema(changed), db);
      const added = (category: keyof Drift): string[] =>
        found[category].filter((problem) => !drift[category].includes(problem));
      return {
        tables: added('tables'),
        columns: added('columns'),
        keys: added('keys'),
        foreignKeys: added('foreignKeys'),
        enums: added('enums'),
      };
    };

    it('a field added to the schema without a migration', () => {
      const found = driftIfSchema(/(\n\s*name\s+String\n)/, '$1  addedWithoutMigration String?\n');
      expect(found.columns).toEqual([
        expect.stringMatching(/^missing column users\.addedWithoutMigration \(User\.addedWithoutMigration\)$/),
      ]);
    });

    it('a model added to the schema without a migration', () => {
      const found = driftIfSchema(/$/, '\nmodel Course {\n  id String @id\n}\n');
      expect(found.tables).toEqual(['missing table Course']);
    });

    it('a field that became optional, or changed type', () => {
      expect(driftIfSchema(/(\n\s*name\s+String)\n/, '$1?\n').columns).toEqual([
        'users.name (User.name) is NOT NULL, the schema says optional',
      ]);
      expect(
        driftIfSchema(/(expiresAt\s+DateTime\s+@map\("expires_at"\)\s+@db\.Timestamptz)\(3\)/, '$1(6)').columns,
      ).toEqual([
        'sessions.expires_at (Session.expiresAt) is timestamp with time zone(3), the schema says timestamp with time zone(6)',
      ]);
    });

    it('a removed field (an extra column) and a renamed column', () => {
      expect(driftIfSchema(/\n\s*userAgent\s+String\?[^\n]*/, '').columns).toEqual([
        'column sessions.user_agent is not in the schema',
      ]);
      expect(driftIfSchema('@map("user_agent")', '@map("agent")').columns).toEqual([
        'missing column sessions.agent (Session.userAgent)',
        'column sessions.user_agent is not in the schema',
      ]);
    });

    it('a missing or extra unique index', () => {
      expect(driftIfSchema(/(email\s+String\s+)@unique/, '$1').keys).toEqual([
        'users: unique index (email) is not in the schema',
      ]);
      expect(driftIfSchema(/(\n\s*name\s+String)\n/, '$1 @unique\n').keys).toEqual([
        'missing users: unique index (name)',
      ]);
    });

    it('a different referential action', () => {
      const found = driftIfSchema(/(model Session \{[^}]*onDelete: )Cascade/, '$1Restrict');
      expect(found.foreignKeys).toEqual([
        'missing foreign key sessions(user_id) references users(id) on delete Restrict on update Cascade',
        'foreign key sessions(user_id) references users(id) on delete Cascade on update Cascade is not in the schema',
      ]);
    });

    it('an enum value added to the schema without a migration', () => {
      const found = driftIfSchema(/(\n\s*admin\n)/, '$1  auditor\n');
      expect(found.enums).toEqual([
        'enum Role has (learner, instructor, admin), the schema says (learner, instructor, admin, auditor)',
      ]);
    });
  });
});
