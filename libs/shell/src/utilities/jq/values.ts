// jq's value helpers: type names, ordering, truthiness, error dumps and
// arithmetic with jq 1.6's error messages.
import { formatJson, type Json } from './json';

export class JqError extends Error {
  constructor(
    readonly value: Json,
    message?: string,
  ) {
    super(message ?? (typeof value === 'string' ? value : formatJson(value, 0)));
  }
}

export type JsonObject = { [key: string]: Json };

export function typeOf(value: Json): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

export const isObject = (value: Json): value is JsonObject => typeOf(value) === 'object';

export const truthy = (value: Json) => value !== null && value !== false;

/** `type (value)` with the dump cut to jq's 14-byte error buffer. */
export function describe(value: Json): string {
  const dump = formatJson(value, 0);
  return `${typeOf(value)} (${dump.length > 14 ? `${dump.slice(0, 11)}...` : dump})`;
}

export const fail = (message: string): never => {
  throw new JqError(message);
};

const ORDER = ['null', 'boolean', 'number', 'string', 'array', 'object'];

export function compare(a: Json, b: Json): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) {
    if (ta === 'boolean' && tb === 'boolean') return 0;
    return ORDER.indexOf(ta) - ORDER.indexOf(tb) || (a === false ? -1 : 1);
  }
  if (ta === 'boolean') return a === b ? 0 : a === false ? -1 : 1;
  if (ta === 'number') return Math.sign((a as number) - (b as number));
  if (ta === 'string') return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ta === 'array') {
    const x = a as Json[];
    const y = b as Json[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compare(x[i] ?? null, y[i] ?? null);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  if (ta === 'object') {
    const x = a as JsonObject;
    const y = b as JsonObject;
    const keys = compare(Object.keys(x).sort(), Object.keys(y).sort());
    if (keys !== 0) return keys;
    for (const key of Object.keys(x).sort()) {
      const c = compare(x[key] ?? null, y[key] ?? null);
      if (c !== 0) return c;
    }
  }
  return 0;
}

export function sortValues(values: Json[]): Json[] {
  return [...values].sort(compare);
}

function deepMerge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = existing !== undefined && isObject(existing) && isObject(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

export function arithmetic(op: string, a: Json, b: Json): Json {
  const ta = typeOf(a);
  const tb = typeOf(b);
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (ta === 'number' && tb === 'number') return (a as number) + (b as number);
      if (ta === 'string' && tb === 'string') return (a as string) + (b as string);
      if (ta === 'array' && tb === 'array') return [...(a as Json[]), ...(b as Json[])];
      if (ta === 'object' && tb === 'object') return { ...(a as JsonObject), ...(b as JsonObject) };
      return fail(`${describe(a)} and ${describe(b)} cannot be added`);
    case '-':
      if (ta === 'number' && tb === 'number') return (a as number) - (b as number);
      if (ta === 'array' && tb === 'array')
        return (a as Json[]).filter((x) => !(b as Json[]).some((y) => compare(x, y) === 0));
      return fail(`${describe(a)} and ${describe(b)} cannot be subtracted`);
    case '*':
      if (ta === 'number' && tb === 'number') return (a as number) * (b as number);
      if ((ta === 'string' && tb === 'number') || (ta === 'number' && tb === 'string')) {
        const [text, count] = ta === 'string' ? [a as string, b as number] : [b as string, a as number];
        return count <= 0 ? null : text.repeat(Math.max(1, Math.ceil(count)));
      }
      if (ta === 'object' && tb === 'object') return deepMerge(a as JsonObject, b as JsonObject);
      return fail(`${describe(a)} and ${describe(b)} cannot be multiplied`);
    case '/':
      if (ta === 'number' && tb === 'number') {
        if (b === 0) fail(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
        return (a as number) / (b as number);
      }
      if (ta === 'string' && tb === 'string') return (a as string).split(b as string);
      return fail(`${describe(a)} and ${describe(b)} cannot be divided`);
    default:
      if (ta === 'number' && tb === 'number') {
        if (Math.trunc(b as number) === 0)
          fail(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
        return Math.trunc(a as number) % Math.trunc(b as number);
      }
      return fail(`${describe(a)} and ${describe(b)} cannot be divided`);
  }
}

export function indexValue(target: Json, key: Json): Json {
  if (typeof key === 'string') {
    if (target === null) return null;
    if (isObject(target)) return Object.prototype.hasOwnProperty.call(target, key) ? (target[key] ?? null) : null;
    return fail(`Cannot index ${typeOf(target)} with string "${key}"`);
  }
  if (typeof key === 'number') {
    if (target === null) return null;
    if (Array.isArray(target)) {
      const index = Math.floor(key < 0 ? target.length + key : key);
      return target[index] ?? null;
    }
    return fail(`Cannot index ${typeOf(target)} with number`);
  }
  if (isObject(key) && (Array.isArray(target) || target === null)) {
    return sliceValue(target, key['start'] ?? null, key['end'] ?? null);
  }
  return fail(`Cannot index ${typeOf(target)} with ${typeOf(key)}`);
}

export function sliceValue(target: Json, from: Json, to: Json): Json {
  if (target === null) return null;
  if (typeof target !== 'string' && !Array.isArray(target)) return fail(`Cannot index ${typeOf(target)} with object`);
  const length = target.length;
  const clamp = (value: Json, fallback: number) => {
    if (value === null) return fallback;
    if (typeof value !== 'number') return fail('Start and end indices of an array slice must be numbers');
    const index = value < 0 ? length + value : value;
    return Math.max(0, Math.min(length, Math.floor(index)));
  };
  const start = clamp(from, 0);
  const end = Math.max(start, clamp(to, length));
  return target.slice(start, end);
}

export function iterateValues(target: Json): Json[] {
  if (Array.isArray(target)) return target;
  if (isObject(target)) return Object.values(target);
  return fail(`Cannot iterate over ${describe(target)}`);
}
