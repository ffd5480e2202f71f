// JSON as jq 1.6 reads and writes it: a stream of values with jq's parse
// error messages, and output with 2-space indentation or compact, numbers
// printed as 17 significant digits at most.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class JsonParseError extends Error {}

export interface ParsedValue {
  value: Json;
  /** Newlines consumed when the value was complete (jq's `<stdin>:N`). */
  line: number;
}

const DBL_MAX = 1.7976931348623157e308;

/** Parses whitespace-separated JSON values. */
export function parseJsonStream(text: string): ParsedValue[] {
  const values: ParsedValue[] = [];
  let i = 0;
  const position = (index: number) => {
    const before = text.slice(0, index + 1);
    const line = (before.match(/\n/g) ?? []).length + 1;
    const column = text[index] === '\n' ? 0 : index - before.lastIndexOf('\n');
    return `at line ${line}, column ${column}`;
  };
  const fail = (message: string, index: number): never => {
    throw new JsonParseError(`${message} ${position(index)}`);
  };
  const eofPosition = () => {
    const line = (text.match(/\n/g) ?? []).length + 1;
    return `at line ${line}, column ${text.length - text.lastIndexOf('\n') - 1}`;
  };
  const skip = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i] ?? '')) i++;
  };
  const literal = (): Json => {
    const start = i;
    while (i < text.length && !/[ \t\n\r,:\]}[{"]/.test(text[i] ?? '')) i++;
    const token = text.slice(start, i);
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(token)) {
      const n = Number(token);
      return Number.isFinite(n) ? n : n > 0 ? DBL_MAX : -DBL_MAX;
    }
    if (i >= text.length) throw new JsonParseError(`Unfinished JSON term at EOF ${eofPosition()}`);
    return fail('Invalid numeric literal', i);
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new JsonParseError(`Unfinished string at EOF ${eofPosition()}`);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('Invalid escape', i);
    }
  };
  const value = (): Json => {
    skip();
    const char = text[i];
    if (char === undefined) throw new JsonParseError(`Unfinished JSON term at EOF ${eofPosition()}`);
    if (char === '"') return string();
    if (char === '[') {
      i++;
      const items: Json[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return items;
        } else if (i >= text.length) throw new JsonParseError(`Unfinished JSON term at EOF ${eofPosition()}`);
        else fail('Expected separator between values', i);
      }
    }
    if (char === '{') {
      i++;
      const object: { [key: string]: Json } = {};
      skip();
      if (text[i] === '}') {
        i++;
        return object;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') {
          if (i >= text.length) throw new JsonParseError(`Unfinished JSON term at EOF ${eofPosition()}`);
          fail('Object keys must be strings', i);
        }
        const key = string();
        skip();
        if (text[i] !== ':') fail('Objects must consist of key:value pairs', i);
        i++;
        object[key] = value();
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return object;
        } else if (i >= text.length) throw new JsonParseError(`Unfinished JSON term at EOF ${eofPosition()}`);
        else fail('Expected separator between values', i);
      }
    }
    if (char === ']' || char === '}') return fail(`Unmatched '${char}'`, i);
    return literal();
  };
  for (skip(); i < text.length; skip()) {
    const parsed = value();
    const line = (text.slice(0, i + 1).match(/\n/g) ?? []).length;
    values.push({ value: parsed, line });
  }
  return values;
}

/** jq 1.6's number output: shortest round-trip digits, exponent below 1e-4 or from 1e17. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) return n > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
  if (Object.is(n, -0)) return '-0';
  const [mantissa = '0', exponentText = '0'] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('-', '').replace('.', '');
  if (digits.length > 17) return formatNumber(Number(n.toPrecision(17)));
  if (exponent < -4 || exponent >= 17) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const sign = n < 0 ? '-' : '';
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return sign + digits + '0'.repeat(exponent + 1 - digits.length);
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

export function formatString(text: string): string {
  return JSON.stringify(text).replace(/\x7f/g, '\\u007f');
}

/** `indent` 0 means compact (-c). */
export function formatJson(value: Json, indent = 2, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return formatString(value);
  const pad = indent > 0 ? '\n' + ' '.repeat(indent * (depth + 1)) : '';
  const close = indent > 0 ? '\n' + ' '.repeat(indent * depth) : '';
  const separator = indent > 0 ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => pad + formatJson(item, indent, depth + 1)).join(',')}${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{${entries.map(([key, item]) => pad + formatString(key) + separator + formatJson(item, indent, depth + 1)).join(',')}${close}}`;
}
