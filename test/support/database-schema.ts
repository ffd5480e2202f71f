// What a database holds: tables, columns, indexes, foreign keys and enums,
// read from the catalog (for the schema-drift test).
import type { Client } from 'pg';

export interface DbColumn {
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

export interface DbIndex {
  table_name: string;
  index_name: string;
  is_unique: boolean;
  is_primary: boolean;
  columns: string[];
}

export interface DbForeignKey {
  constraint_name: string;
  table_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

export interface DbSchema {
  tables: string[];
  columns: DbColumn[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: { name: string; values: string[] }[];
}

/** Our runner's bookkeeping, not part of the data model. */
export const MIGRATIONS_TABLE = '_prisma_migrations';

export async function introspect(client: Client): Promise<DbSchema> {
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
