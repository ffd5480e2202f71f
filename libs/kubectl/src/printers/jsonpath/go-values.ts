// Go's fmt verbs on unstructured values (map[string]interface{}, []interface{}, int64, float64, ...).
import { formatGoFloatG } from '../go-number';
import { compareByCodePoint } from '../json';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sortedKeys = (v: Record<string, unknown>): string[] => Object.keys(v).sort(compareByCodePoint);

function goNumber(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : formatGoFloatG(v);
}

/** reflect.Type.String() of a value. */
export function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isRecord(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

/** fmt's %v (also fmt.Fprint). */
export function goValueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValueText).join(' ')}]`;
  if (isRecord(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goValueText(v[k])}`)
      .join(' ')}]`;
  if (typeof v === 'number') return goNumber(v);
  return scalarText(v);
}

function scalarText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';
}

/** fmt's %#v. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map((e) => goSyntax(e)).join(', ')}}`;
  if (isRecord(v)) {
    return `map[string]interface {}{${sortedKeys(v)
      .map((k) => `${goQuote(k)}:${goSyntax(v[k])}`)
      .join(', ')}}`;
  }
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  return scalarText(v);
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
