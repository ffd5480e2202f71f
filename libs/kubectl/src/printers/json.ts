// `kubectl -o json`: Go's json.MarshalIndent(obj, "", "    ") plus a newline, with encoding/json's
// sorted map keys and HTML-safe string escaping.
import { formatJsonNumber } from './go-number';

/**
 * What `kubectl -o json` prints for one object. Objects kubectl holds as Go
 * structs (what its generators build) keep their field order (`sortKeys: false`);
 * unstructured ones, as read from the server, print with sorted keys.
 */
export function toJson(value: unknown, options: { sortKeys?: boolean } = {}): string {
  return `${marshalJson(value, '    ', '', options.sortKeys ?? true)}\n`;
}

/** json.Marshal (indent '') or json.MarshalIndent with the given indent. */
export function marshalJson(value: unknown, indent = '', prefix = '', sortKeys = true): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!indent) return `[${value.map((v) => marshalJson(v, '', '', sortKeys)).join(',')}]`;
    const inner = prefix + indent;
    return `[\n${value.map((v) => inner + marshalJson(v, indent, inner, sortKeys)).join(',\n')}\n${prefix}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    if (sortKeys) keys.sort(compareByCodePoint);
    if (keys.length === 0) return '{}';
    if (!indent) return `{${keys.map((k) => `${quoteJson(k)}:${marshalJson(record[k], '', '', sortKeys)}`).join(',')}}`;
    const inner = prefix + indent;
    const lines = keys.map((k) => `${inner}${quoteJson(k)}: ${marshalJson(record[k], indent, inner, sortKeys)}`);
    return `{\n${lines.join(',\n')}\n${prefix}}`;
  }
  if (typeof value === 'string') return quoteJson(value);
  if (typeof value === 'number') return formatJsonNumber(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return 'null';
}

/** Go sorts map keys by their UTF-8 bytes, which is code point order. */
export function compareByCodePoint(a: string, b: string): number {
  const ac = Array.from(a);
  const bc = Array.from(b);
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = (ac[i]?.codePointAt(0) ?? 0) - (bc[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** encoding/json's string encoder with HTML escaping on. */
export function quoteJson(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}
