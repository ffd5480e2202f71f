// Compares the data model of prisma/schema.prisma with what the migrations
// built in a database (test/schema-drift.e2e.spec.ts).
import type { DbColumn, DbSchema } from './database-schema';
import {
  type DataModel,
  type EnumType,
  type Field,
  type Model,
  type ReferentialAction,
  stringLiteral,
  UnsupportedSchemaError,
} from './prisma-schema';

export interface Drift {
  tables: string[];
  columns: string[];
  keys: string[];
  foreignKeys: string[];
  enums: string[];
}

export const tableName = (model: Model): string => model.mappedName ?? model.name;
export const quoteIdent = (name: string): string =>
  /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
export const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** How information_schema describes a column's type, in one string. */
export function describeDbType(column: DbColumn): string {
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

export interface ExpectedType {
  /** As describeDbType renders it. */
  description: string;
  /** udt_name, for arrays of it. */
  udt: string;
  /** What a string default is cast to in column_default ('x'::text). */
  cast: string;
}

type ColumnType = (arg: (index: number, fallback: string) => string, argCount: number) => ExpectedType;

const column =
  (description: string, udt: string, cast: string): ColumnType =>
  () => ({ description, udt, cast });

/** How each Prisma type (and @db native type) appears in information_schema. */
const COLUMN_TYPES: Record<string, ColumnType> = {
  String: column('text', 'text', 'text'),
  'String@db.Text': column('text', 'text', 'text'),
  'String@db.Uuid': column('uuid', 'uuid', 'uuid'),
  'String@db.VarChar': (arg, argCount) => ({
    description: argCount ? `character varying(${arg(0, '')})` : 'character varying',
    udt: 'varchar',
    cast: 'character varying',
  }),
  'String@db.Char': (arg) => ({ description: `character(${arg(0, '1')})`, udt: 'bpchar', cast: 'bpchar' }),
  DateTime: column('timestamp without time zone(3)', 'timestamp', 'timestamp without time zone'),
  'DateTime@db.Timestamp': (arg) => ({
    description: `timestamp without time zone(${arg(0, '6')})`,
    udt: 'timestamp',
    cast: 'timestamp without time zone',
  }),
  'DateTime@db.Timestamptz': (arg) => ({
    description: `timestamp with time zone(${arg(0, '6')})`,
    udt: 'timestamptz',
    cast: 'timestamp with time zone',
  }),
  'DateTime@db.Date': column('date', 'date', 'date'),
  Int: column('integer', 'int4', 'integer'),
  'Int@db.Integer': column('integer', 'int4', 'integer'),
  'Int@db.SmallInt': column('smallint', 'int2', 'smallint'),
  BigInt: column('bigint', 'int8', 'bigint'),
  'BigInt@db.BigInt': column('bigint', 'int8', 'bigint'),
  Boolean: column('boolean', 'bool', 'boolean'),
  Float: column('double precision', 'float8', 'double precision'),
  'Float@db.DoublePrecision': column('double precision', 'float8', 'double precision'),
  Decimal: column('numeric(65,30)', 'numeric', 'numeric'),
  'Decimal@db.Decimal': (arg) => ({
    description: `numeric(${arg(0, '65')},${arg(1, '30')})`,
    udt: 'numeric',
    cast: 'numeric',
  }),
  Json: column('jsonb', 'jsonb', 'jsonb'),
  'Json@db.Json': column('json', 'json', 'json'),
  Bytes: column('bytea', 'bytea', 'bytea'),
};

/** The column type Prisma's schema engine creates for a field (PostgreSQL). */
export function expectedType(field: Field, model: Model, enums: EnumType[]): ExpectedType {
  const where = `${model.name}.${field.name}`;
  let base: ExpectedType;
  if (field.kind === 'enum') {
    const enumType = enums.find((e) => e.name === field.type);
    const dbName = enumType?.dbName ?? field.type;
    base = { description: `USER-DEFINED ${dbName}`, udt: dbName, cast: quoteIdent(dbName) };
  } else {
    const native = field.nativeType;
    const key = `${field.type}${native ? `@db.${native.name}` : ''}`;
    const column = COLUMN_TYPES[key];
    if (!column) throw new UnsupportedSchemaError(`the type ${key} of ${where}`);
    base = column((index, fallback) => native?.args[index] ?? fallback, native?.args.length ?? 0);
  }
  return field.isList ? { description: `ARRAY _${base.udt}`, udt: `_${base.udt}`, cast: `${base.cast}[]` } : base;
}

/** column_default as PostgreSQL reports it, or a predicate for the ones that vary (sequence names, numbers). */
export function expectedDefault(field: Field, type: ExpectedType, enums: EnumType[]): string | null | RegExp {
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

export const ACTION_CODES: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

export function findDrift(dataModel: DataModel, db: DbSchema): Drift {
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
