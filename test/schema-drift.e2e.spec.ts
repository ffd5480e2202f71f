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
// full model is read from prisma/schema.prisma by the small parser below, in
// DMMF's shape, and checked to agree with the client's runtimeDataModel and
// inline schema: whichever of the schema, the client or the migrations falls
// behind, a test here fails.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { z } from 'zod';
import * as generatedEnums from '../apps/api/src/generated/prisma/enums';
import { EmbeddedDatabase } from '../apps/api/src/services/database/embedded-database';
import { applyMigrations, readMigrations } from '../apps/api/src/services/database/migration-runner';

jest.setTimeout(60_000);

const workspaceRoot = join(__dirname, '..');
const schemaPath = join(workspaceRoot, 'prisma/schema.prisma');
const generatedClassPath = join(workspaceRoot, 'apps/api/src/generated/prisma/internal/class.ts');

// ---------------------------------------------------------------------------
// prisma/schema.prisma -> data model (the subset of Prisma's DMMF we compare)
// ---------------------------------------------------------------------------

interface Attribute {
  /** Without the leading @ or @@: "id", "db.Uuid", "relation", "unique"... */
  name: string;
  /** The text between the parentheses, if any. */
  args: string | undefined;
}

type FieldKind = 'scalar' | 'enum' | 'object';
type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

interface Field {
  name: string;
  /** The column: @map or the field name (relation fields have none). */
  dbName: string;
  kind: FieldKind;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  /** The raw @default(...) argument: "now()", "uuid()", "\"{}\"", "learner"... */
  default: string | undefined;
  /** @db.X(args) */
  nativeType: { name: string; args: string[] } | undefined;
  relationName: string | undefined;
  relationFromFields: string[];
  relationToFields: string[];
  relationOnDelete: ReferentialAction | undefined;
  relationOnUpdate: ReferentialAction | undefined;
}

interface Model {
  name: string;
  /** @@map, or undefined when the table is named after the model. */
  mappedName: string | undefined;
  fields: Field[];
  /** Field names of @@id([...]). */
  compoundId: string[] | undefined;
  /** Field names of each @@unique([...]). */
  compoundUniques: string[][];
  /** Field names of each @@index([...]). */
  indexes: string[][];
}

interface EnumType {
  name: string;
  dbName: string;
  values: { name: string; dbName: string }[];
}

interface DataModel {
  models: Model[];
  enums: EnumType[];
}

const SCALAR_TYPES = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);
const REFERENTIAL_ACTIONS = new Set<string>(['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault']);

class UnsupportedSchemaError extends Error {
  constructor(what: string) {
    super(`the schema-drift check does not understand ${what}; extend test/schema-drift.e2e.spec.ts`);
  }
}

/** Removes a // (or ///) comment, leaving // inside string literals alone. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '/' && line[i + 1] === '/') {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Index of the parenthesis closing the one at `open`, skipping strings and nested brackets. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new UnsupportedSchemaError(`unbalanced parentheses in "${text}"`);
}

/** "@id @default(uuid()) @db.Uuid" -> [{ name: 'id' }, { name: 'default', args: 'uuid()' }, ...] */
function parseAttributes(text: string, prefix: '@' | '@@'): Attribute[] {
  const attributes: Attribute[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const match = /^(@{1,2})([A-Za-z][\w.]*)/.exec(rest);
    if (!match || match[1] !== prefix) throw new UnsupportedSchemaError(`"${rest}"`);
    const name = match[2] ?? '';
    rest = rest.slice(match[0].length);
    let args: string | undefined;
    if (rest.startsWith('(')) {
      const close = closingParen(rest, 0);
      args = rest.slice(1, close).trim();
      rest = rest.slice(close + 1);
    }
    attributes.push({ name, args });
    rest = rest.trim();
  }
  return attributes;
}

/** Splits on commas that are not inside brackets, parentheses or strings. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** Positional and named (`key: value`) arguments of an attribute. */
function parseArgs(args: string | undefined): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const part of splitTopLevel(args ?? '')) {
    const match = /^(\w+)\s*:\s*([\s\S]*)$/.exec(part);
    if (match) named.set(match[1] ?? '', (match[2] ?? '').trim());
    else positional.push(part);
  }
  return { positional, named };
}

function stringLiteral(text: string): string {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'string') throw new UnsupportedSchemaError(`${text} where a string was expected`);
  return parsed;
}

/** "[a, b(sort: Desc)]" -> ["a", "b"] */
function fieldList(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']'))
    throw new UnsupportedSchemaError(`"${text}" where a field list was expected`);
  return splitTopLevel(trimmed.slice(1, -1)).map((item) => item.replace(/\(.*\)$/s, '').trim());
}

/** The main argument of @map("x") / @@map(name: "x") / @@unique([..]) / @@unique(fields: [..]). */
function mainArg(attribute: Attribute, key: string): string | undefined {
  const { positional, named } = parseArgs(attribute.args);
  return positional[0] ?? named.get(key);
}

function parseSchema(text: string): DataModel {
  interface Block {
    keyword: string;
    name: string;
    lines: string[];
  }
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const rawLine of text.split('\n')) {
    const line = stripComment(rawLine).trim();
    if (!line) continue;
    if (!current) {
      const open = /^(\w+)\s+(\w+)\s*\{$/.exec(line);
      if (!open) throw new UnsupportedSchemaError(`the line "${line}" outside any block`);
      current = { keyword: open[1] ?? '', name: open[2] ?? '', lines: [] };
    } else if (line === '}') {
      blocks.push(current);
      current = undefined;
    } else {
      current.lines.push(line);
    }
  }
  if (current) throw new UnsupportedSchemaError(`the unterminated block ${current.name}`);

  for (const block of blocks) {
    if (!['model', 'enum', 'generator', 'datasource'].includes(block.keyword)) {
      throw new UnsupportedSchemaError(`${block.keyword} blocks (${block.name})`);
    }
  }
  const modelNames = new Set(blocks.filter((b) => b.keyword === 'model').map((b) => b.name));

  const enums: EnumType[] = blocks
    .filter((block) => block.keyword === 'enum')
    .map((block) => {
      let dbName = block.name;
      const values: EnumType['values'] = [];
      for (const line of block.lines) {
        if (line.startsWith('@@')) {
          for (const attribute of parseAttributes(line, '@@')) {
            if (attribute.name !== 'map') throw new UnsupportedSchemaError(`@@${attribute.name} on enum ${block.name}`);
            dbName = stringLiteral(mainArg(attribute, 'name') ?? '');
          }
          continue;
        }
        const value = /^(\w+)\s*(.*)$/.exec(line);
        if (!value) throw new UnsupportedSchemaError(`the enum value "${line}"`);
        const name = value[1] ?? '';
        const map = parseAttributes(value[2] ?? '', '@').find((a) => a.name === 'map');
        values.push({ name, dbName: map ? stringLiteral(mainArg(map, 'name') ?? '') : name });
      }
      return { name: block.name, dbName, values };
    });
  const enumNames = new Set(enums.map((e) => e.name));

  const models: Model[] = blocks
    .filter((block) => block.keyword === 'model')
    .map((block) => {
      const model: Model = {
        name: block.name,
        mappedName: undefined,
        fields: [],
        compoundId: undefined,
        compoundUniques: [],
        indexes: [],
      };
      for (const line of block.lines) {
        if (line.startsWith('@@')) {
          for (const attribute of parseAttributes(line, '@@')) {
            const fields = (): string[] => fieldList(mainArg(attribute, 'fields') ?? '');
            if (attribute.name === 'map') model.mappedName = stringLiteral(mainArg(attribute, 'name') ?? '');
            else if (attribute.name === 'id') model.compoundId = fields();
            else if (attribute.name === 'unique') model.compoundUniques.push(fields());
            else if (attribute.name === 'index') model.indexes.push(fields());
            else throw new UnsupportedSchemaError(`@@${attribute.name} on model ${block.name}`);
          }
          continue;
        }
        const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(?:\s+(.*))?$/.exec(line);
        if (!match) throw new UnsupportedSchemaError(`the field "${line}" in model ${block.name}`);
        const [, name = '', type = '', list, optional, rest = ''] = match;
        const kind: FieldKind = modelNames.has(type) ? 'object' : enumNames.has(type) ? 'enum' : 'scalar';
        if (kind === 'scalar' && !SCALAR_TYPES.has(type))
          throw new UnsupportedSchemaError(`the type ${type} of ${block.name}.${name}`);
        const attributes = parseAttributes(rest, '@');
        const find = (attributeName: string): Attribute | undefined => attributes.find((a) => a.name === attributeName);
        for (const attribute of attributes) {
          if (
            !['id', 'unique', 'default', 'map', 'updatedAt', 'relation', 'ignore'].includes(attribute.name) &&
            !attribute.name.startsWith('db.')
          ) {
            throw new UnsupportedSchemaError(`@${attribute.name} on ${block.name}.${name}`);
          }
          if (attribute.name === 'ignore') throw new UnsupportedSchemaError(`@ignore on ${block.name}.${name}`);
        }
        const map = find('map');
        const native = attributes.find((a) => a.name.startsWith('db.'));
        const relation = find('relation');
        const relationArgs = parseArgs(relation?.args);
        const action = (key: string): ReferentialAction | undefined => {
          const value = relationArgs.named.get(key);
          if (value === undefined) return undefined;
          if (!REFERENTIAL_ACTIONS.has(value))
            throw new UnsupportedSchemaError(`${key}: ${value} on ${block.name}.${name}`);
          return value as ReferentialAction;
        };
        const explicitRelationName = relationArgs.positional[0] ?? relationArgs.named.get('name');
        model.fields.push({
          name,
          dbName: map ? stringLiteral(mainArg(map, 'name') ?? '') : name,
          kind,
          type,
          isRequired: optional === undefined,
          isList: list !== undefined,
          isId: find('id') !== undefined,
          isUnique: find('unique') !== undefined,
          isUpdatedAt: find('updatedAt') !== undefined,
          default: find('default')?.args,
          nativeType: native ? { name: native.name.slice(3), args: splitTopLevel(native.args ?? '') } : undefined,
          relationName:
            kind === 'object'
              ? explicitRelationName
                ? stringLiteral(explicitRelationName)
                : [block.name, type].sort().join('To')
              : undefined,
          relationFromFields: relationArgs.named.has('fields') ? fieldList(relationArgs.named.get('fields') ?? '') : [],
          relationToFields: relationArgs.named.has('references')
            ? fieldList(relationArgs.named.get('references') ?? '')
            : [],
          relationOnDelete: action('onDelete'),
          relationOnUpdate: action('onUpdate'),
        });
      }
      return model;
    });
  return { models, enums };
}

// ---------------------------------------------------------------------------
// What the migrations built
// ---------------------------------------------------------------------------

interface DbColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  character_maximum_length: number | null;
  datetime_precision: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}

interface DbIndex {
  table_name: string;
  index_name: string;
  is_unique: boolean;
  is_primary: boolean;
  columns: string[];
}

interface DbForeignKey {
  constraint_name: string;
  table_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

interface DbSchema {
  tables: string[];
  columns: DbColumn[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: { name: string; values: string[] }[];
}

/** Our runner's bookkeeping, not part of the data model. */
const MIGRATIONS_TABLE = '_prisma_migrations';

async function introspect(client: Client): Promise<DbSchema> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1
      ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const columns = await client.query<DbColumn>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
            character_maximum_length, datetime_precision, numeric_precision, numeric_scale
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> $1
      ORDER BY table_name, ordinal_position`,
    [MIGRATIONS_TABLE],
  );
  const indexes = await client.query<DbIndex>(
    `SELECT t.relname::text AS table_name, i.relname::text AS index_name,
            ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND t.relname <> $1
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary
      ORDER BY t.relname, i.relname`,
    [MIGRATIONS_TABLE],
  );
  const foreignKeys = await client.query<DbForeignKey>(
    `SELECT c.conname::text AS constraint_name, t.relname::text AS table_name, rt.relname::text AS referenced_table,
            (SELECT array_agg(a.attname::text ORDER BY k.ord)
               FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord)
               FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class rt ON rt.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()
      ORDER BY t.relname, c.conname`,
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      GROUP BY t.typname
      ORDER BY t.typname`,
  );
  return {
    tables: tables.rows.map((row) => row.table_name),
    columns: columns.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
    enums: enums.rows,
  };
}

// ---------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------

interface Drift {
  tables: string[];
  columns: string[];
  keys: string[];
  foreignKeys: string[];
  enums: string[];
}

const tableName = (model: Model): string => model.mappedName ?? model.name;
const quoteIdent = (name: string): string =>
  /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** How information_schema describes a column's type, in one string. */
function describeDbType(column: DbColumn): string {
  switch (column.data_type) {
    case 'character varying':
    case 'character':
      return column.character_maximum_length === null
        ? column.data_type
        : `${column.data_type}(${column.character_maximum_length})`;
    case 'timestamp with time zone':
    case 'timestamp without time zone':
    case 'time with time zone':
    case 'time without time zone':
      return `${column.data_type}(${column.datetime_precision})`;
    case 'numeric':
      return `numeric(${column.numeric_precision},${column.numeric_scale})`;
    case 'USER-DEFINED':
    case 'ARRAY':
      return `${column.data_type} ${column.udt_name}`;
    default:
      return column.data_type;
  }
}

interface ExpectedType {
  /** As describeDbType renders it. */
  description: string;
  /** udt_name, for arrays of it. */
  udt: string;
  /** What a string default is cast to in column_default ('x'::text). */
  cast: string;
}

/** The column type Prisma's schema engine creates for a field (PostgreSQL). */
function expectedType(field: Field, model: Model, enums: EnumType[]): ExpectedType {
  const where = `${model.name}.${field.name}`;
  let base: ExpectedType;
  if (field.kind === 'enum') {
    const enumType = enums.find((e) => e.name === field.type);
    const dbName = enumType?.dbName ?? field.type;
    base = { description: `USER-DEFINED ${dbName}`, udt: dbName, cast: quoteIdent(dbName) };
  } else {
    const native = field.nativeType;
    const arg = (index: number, fallback: string): string => native?.args[index] ?? fallback;
    const key = `${field.type}${native ? `@db.${native.name}` : ''}`;
    switch (key) {
      case 'String':
      case 'String@db.Text':
        base = { description: 'text', udt: 'text', cast: 'text' };
        break;
      case 'String@db.Uuid':
        base = { description: 'uuid', udt: 'uuid', cast: 'uuid' };
        break;
      case 'String@db.VarChar':
        base = {
          description: native?.args.length ? `character varying(${arg(0, '')})` : 'character varying',
          udt: 'varchar',
          cast: 'character varying',
        };
        break;
      case 'String@db.Char':
        base = { description: `character(${arg(0, '1')})`, udt: 'bpchar', cast: 'bpchar' };
        break;
      case 'DateTime':
        base = { description: 'timestamp without time zone(3)', udt: 'timestamp', cast: 'timestamp without time zone' };
        break;
      case 'DateTime@db.Timestamp':
        base = {
          description: `timestamp without time zone(${arg(0, '6')})`,
          udt: 'timestamp',
          cast: 'timestamp without time zone',
        };
        break;
      case 'DateTime@db.Timestamptz':
        base = {
          description: `timestamp with time zone(${arg(0, '6')})`,
          udt: 'timestamptz',
          cast: 'timestamp with time zone',
        };
        break;
      case 'DateTime@db.Date':
        base = { description: 'date', udt: 'date', cast: 'date' };
        break;
      case 'Int':
      case 'Int@db.Integer':
        base = { description: 'integer', udt: 'int4', cast: 'integer' };
        break;
      case 'Int@db.SmallInt':
        base = { description: 'smallint', udt: 'int2', cast: 'smallint' };
        break;
      case 'BigInt':
      case 'BigInt@db.BigInt':
        base = { description: 'bigint', udt: 'int8', cast: 'bigint' };
        break;
      case 'Boolean':
        base = { description: 'boolean', udt: 'bool', cast: 'boolean' };
        break;
      case 'Float':
      case 'Float@db.DoublePrecision':
        base = { description: 'double precision', udt: 'float8', cast: 'double precision' };
        break;
      case 'Decimal':
        base = { description: 'numeric(65,30)', udt: 'numeric', cast: 'numeric' };
        break;
      case 'Decimal@db.Decimal':
        base = { description: `numeric(${arg(0, '65')},${arg(1, '30')})`, udt: 'numeric', cast: 'numeric' };
        break;
      case 'Json':
        base = { description: 'jsonb', udt: 'jsonb', cast: 'jsonb' };
        break;
      case 'Json@db.Json':
        base = { description: 'json', udt: 'json', cast: 'json' };
        break;
      case 'Bytes':
        base = { description: 'bytea', udt: 'bytea', cast: 'bytea' };
        break;
      default:
        throw new UnsupportedSchemaError(`the type ${key} of ${where}`);
    }
  }
  return field.isList ? { description: `ARRAY _${base.udt}`, udt: `_${base.udt}`, cast: `${base.cast}[]` } : base;
}

/** column_default as PostgreSQL reports it, or a predicate for the ones that vary (sequence names, numbers). */
function expectedDefault(field: Field, type: ExpectedType, enums: EnumType[]): string | null | RegExp {
  const value = field.default;
  if (value === undefined) return null;
  if (value === 'autoincrement()') return /^nextval\('.+'::regclass\)$/;
  if (value === 'now()') return 'CURRENT_TIMESTAMP';
  // Generated by the Prisma client, not by the database.
  if (/^(uuid|cuid|nanoid|ulid)\(.*\)$/.test(value)) return null;
  if (value.startsWith('dbgenerated(')) return /./;
  if (value.startsWith('"')) return `${sqlString(stringLiteral(value))}::${type.cast}`;
  if (field.kind === 'enum') {
    const dbValue = enums.find((e) => e.name === field.type)?.values.find((v) => v.name === value)?.dbName ?? value;
    return `${sqlString(dbValue)}::${type.cast}`;
  }
  if (value === 'true' || value === 'false') return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return new RegExp(`^'?${value.replace('.', '\\.')}'?(::[\\w ]+)?$`);
  throw new UnsupportedSchemaError(`@default(${value}) on ${field.name}`);
}

const ACTION_CODES: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

function findDrift(dataModel: DataModel, db: DbSchema): Drift {
  const drift: Drift = { tables: [], columns: [], keys: [], foreignKeys: [], enums: [] };
  const modelByName = new Map(dataModel.models.map((model) => [model.name, model]));

  // Tables: one per model, and nothing else.
  const expectedTables = dataModel.models.map(tableName);
  for (const table of expectedTables) {
    if (!db.tables.includes(table)) drift.tables.push(`missing table ${table}`);
  }
  for (const table of db.tables) {
    if (!expectedTables.includes(table)) drift.tables.push(`table ${table} is not in the schema`);
  }

  for (const model of dataModel.models) {
    const table = tableName(model);
    if (!db.tables.includes(table)) continue; // reported above
    const scalars = model.fields.filter((field) => field.kind !== 'object');
    const columnOf = (fieldName: string): string =>
      model.fields.find((f) => f.name === fieldName)?.dbName ?? `?${fieldName}`;

    // Columns: name, type, nullability, default; no extra ones.
    const dbColumns = db.columns.filter((column) => column.table_name === table);
    for (const field of scalars) {
      const where = `${table}.${field.dbName} (${model.name}.${field.name})`;
      const column = dbColumns.find((c) => c.column_name === field.dbName);
      if (!column) {
        drift.columns.push(`missing column ${where}`);
        continue;
      }
      const type = expectedType(field, model, dataModel.enums);
      if (describeDbType(column) !== type.description) {
        drift.columns.push(`${where} is ${describeDbType(column)}, the schema says ${type.description}`);
      }
      // Prisma creates scalar lists without NOT NULL.
      const nullable = field.isList || !field.isRequired;
      if ((column.is_nullable === 'YES') !== nullable) {
        drift.columns.push(
          `${where} is ${column.is_nullable === 'YES' ? 'nullable' : 'NOT NULL'}, the schema says ${nullable ? 'optional' : 'required'}`,
        );
      }
      const expected = expectedDefault(field, type, dataModel.enums);
      const actual = column.column_default;
      const defaultMatches =
        expected instanceof RegExp ? actual !== null && expected.test(actual) : actual === expected;
      if (!defaultMatches) {
        drift.columns.push(
          `${where} has default ${actual ?? 'none'}, the schema says ${expected === null ? 'none' : String(expected)}`,
        );
      }
    }
    for (const column of dbColumns) {
      if (!scalars.some((field) => field.dbName === column.column_name)) {
        drift.columns.push(`column ${table}.${column.column_name} is not in the schema`);
      }
    }

    // Primary key, unique indexes (@unique, @@unique) and indexes (@@index).
    const describe = (kind: string, columns: string[]): string => `${table}: ${kind} (${columns.join(', ')})`;
    const idFields = model.compoundId ?? model.fields.filter((field) => field.isId).map((field) => field.name);
    const expectedKeys = [
      ...(idFields.length > 0 ? [describe('primary key', idFields.map(columnOf))] : []),
      ...model.fields.filter((field) => field.isUnique).map((field) => describe('unique index', [field.dbName])),
      ...model.compoundUniques.map((fields) => describe('unique index', fields.map(columnOf))),
      ...model.indexes.map((fields) => describe('index', fields.map(columnOf))),
    ];
    const actualKeys = db.indexes
      .filter((index) => index.table_name === table)
      .map((index) =>
        describe(index.is_primary ? 'primary key' : index.is_unique ? 'unique index' : 'index', index.columns),
      );
    for (const key of expectedKeys) {
      if (!actualKeys.includes(key)) drift.keys.push(`missing ${key}`);
    }
    for (const key of actualKeys) {
      if (!expectedKeys.includes(key)) drift.keys.push(`${key} is not in the schema`);
    }

    // Foreign keys: one per relation field that holds `fields:`, with its referential actions.
    const expectedForeignKeys = model.fields
      .filter((field) => field.kind === 'object' && field.relationFromFields.length > 0)
      .map((field) => {
        const target = modelByName.get(field.type);
        const targetColumns = field.relationToFields.map(
          (name) => target?.fields.find((f) => f.name === name)?.dbName ?? `?${name}`,
        );
        const optional = field.relationFromFields.some(
          (name) => !model.fields.find((f) => f.name === name)?.isRequired,
        );
        // Prisma's defaults: Restrict (required) or SetNull (optional) on delete, Cascade on update.
        const onDelete = field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict');
        const onUpdate = field.relationOnUpdate ?? 'Cascade';
        return `${table}(${field.relationFromFields.map(columnOf).join(', ')}) references ${target ? tableName(target) : field.type}(${targetColumns.join(', ')}) on delete ${onDelete} on update ${onUpdate}`;
      });
    const actualForeignKeys = db.foreignKeys
      .filter((fk) => fk.table_name === table)
      .map(
        (fk) =>
          `${table}(${fk.columns.join(', ')}) references ${fk.referenced_table}(${fk.referenced_columns.join(', ')}) ` +
          `on delete ${ACTION_CODES[fk.on_delete] ?? fk.on_delete} on update ${ACTION_CODES[fk.on_update] ?? fk.on_update}`,
      );
    for (const fk of expectedForeignKeys) {
      if (!actualForeignKeys.includes(fk)) drift.foreignKeys.push(`missing foreign key ${fk}`);
    }
    for (const fk of actualForeignKeys) {
      if (!expectedForeignKeys.includes(fk)) drift.foreignKeys.push(`foreign key ${fk} is not in the schema`);
    }
  }

  // Enums: the same types, with the same values in the same order.
  for (const enumType of dataModel.enums) {
    const actual = db.enums.find((e) => e.name === enumType.dbName);
    const expected = enumType.values.map((value) => value.dbName);
    if (!actual) drift.enums.push(`missing enum type ${enumType.dbName}`);
    else if (actual.values.join(',') !== expected.join(',')) {
      drift.enums.push(
        `enum ${enumType.dbName} has (${actual.values.join(', ')}), the schema says (${expected.join(', ')})`,
      );
    }
  }
  for (const actual of db.enums) {
    if (!dataModel.enums.some((e) => e.dbName === actual.name))
      drift.enums.push(`enum type ${actual.name} is not in the schema`);
  }
  return drift;
}

// ---------------------------------------------------------------------------
// The generated client's own view of the model
// ---------------------------------------------------------------------------

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

    const dataDir = await mkdtemp(join(tmpdir(), 'kubelab-schema-drift-'));
    const templatePath = process.env['KUBELAB_TEST_PGLITE_TEMPLATE'];
    const template = templatePath ? new Blob([await readFile(templatePath)]) : undefined;
    const embedded = await EmbeddedDatabase.start({ dataDir, ...(template ? { template } : {}) });
    const client = new Client({ connectionString: embedded.url });
    try {
      await client.connect();
      const migrations = await readMigrations(join(workspaceRoot, 'prisma/migrations'));
      await applyMigrations(client, migrations, { info: () => undefined, warn: () => undefined });
      db = await introspect(client);
    } finally {
      await client.end().catch(() => undefined);
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
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
      dataModel.models
        .filter((model) => model.fields.some((field) => field.relationOnDelete === 'Cascade'))
        .map(tableName)
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
