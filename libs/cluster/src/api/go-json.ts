// encoding/json's output for decoded JSON values (map[string]interface{},
// []interface{}, string, float64, bool, nil): map keys sorted, and the
// HTML-safe escaping json.Marshal and json.Encoder apply by default; and the
// decoder's name for a JSON value in its type errors.
import { isRecord } from './objects';

/** How encoding/json names a JSON value in an UnmarshalTypeError. */
export function jsonValueKind(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'number' ? 'number' : 'string';
}

/** `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`...; they only occur inside JSON strings, so all of `json` can be scanned. */
export function htmlSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.Marshal of a decoded JSON value: keys sorted at every level. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return htmlSafeJson(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${htmlSafeJson(JSON.stringify(key))}:${goJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return 'null';
}

/** A label map in the key order Go's encoding/json writes maps. */
export function sortedLabels(labels: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) sorted[key] = labels[key] ?? '';
  return sorted;
}
