// Small readers and writers for the loose JSON of stored objects: absent
// values read as Go's zero values, and writers create the nested objects
// and lists that defaulting fills in.
import { isRecord } from '../../api/objects';

export type JsonRecord = Record<string, unknown>;

export function record(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

export function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function int(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function optionalInt(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function stringMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value))) if (typeof item === 'string') map[key] = item;
  return map;
}

/** The object at `parent[key]`, created when absent (or not an object). */
export function child(parent: JsonRecord, key: string): JsonRecord {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: JsonRecord = {};
  parent[key] = created;
  return created;
}

/** The objects of the list at `parent[key]` (the list itself is left alone). */
export function children(parent: JsonRecord, key: string): JsonRecord[] {
  return records(parent[key]);
}
