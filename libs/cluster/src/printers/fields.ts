// Small typed readers over plain JSON objects. A missing or mistyped field
// reads as Go's zero value, which is what the printers see for an unset
// field of the internal types.
import { isRecord } from '../api/objects';

export type JsonRecord = Readonly<Record<string, unknown>>;

const EMPTY: JsonRecord = Object.freeze({});

/** The nested record at `path`, or an empty one. */
export function recordAt(value: unknown, ...path: string[]): JsonRecord {
  let current: unknown = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return isRecord(current) ? current : EMPTY;
}

/** The nested record at `path`, or undefined: Go's nil pointer. */
export function optionalRecord(value: unknown, ...path: string[]): JsonRecord | undefined {
  let current: unknown = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return isRecord(current) ? current : undefined;
}

/** The records of an array field; anything else reads as an empty list. */
export function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An integer field (int32/int64); zero when unset. */
export function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** An optional integer field: undefined is Go's nil pointer. */
export function optionalInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

/** An optional string field: undefined is Go's nil pointer. */
export function optionalStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function bool(value: unknown): boolean {
  return value === true;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A map[string]string field; non-string values are skipped. */
export function stringMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (!isRecord(value)) return map;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') map[key] = item;
  }
  return map;
}

/** How many keys a map field has (len(map) in Go). */
export function keyCount(value: unknown): number {
  return isRecord(value) ? Object.keys(value).length : 0;
}
