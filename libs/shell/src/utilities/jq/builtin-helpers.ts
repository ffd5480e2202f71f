// The value-level helpers behind jq's builtins (keys, length, contains,
// entries, flatten, indices, sorting keys, type filters).
import type { JqNode } from './ast';
import { evaluate, type Env } from './evaluate';
import type { Json } from './json';
import { compare, describe, fail, isObject, iterateValues, typeOf, type JsonObject } from './values';

export function keysOf(input: Json, sorted: boolean): Json {
  if (isObject(input)) return sorted ? Object.keys(input).sort() : Object.keys(input);
  if (Array.isArray(input)) return input.map((_, i) => i);
  return fail(`${describe(input)} has no keys`);
}

export function length(input: Json): Json {
  if (input === null) return 0;
  if (typeof input === 'boolean') return fail(`${describe(input)} has no length`);
  if (typeof input === 'number') return Math.abs(input);
  if (typeof input === 'string') return [...input].length;
  return Array.isArray(input) ? input.length : Object.keys(input).length;
}

export function contains(a: Json, b: Json): boolean {
  if (typeOf(a) !== typeOf(b)) fail(`${describe(a)} and ${describe(b)} cannot have their containment checked`);
  if (typeof a === 'string') return a.includes(b as string);
  if (Array.isArray(a))
    return (b as Json[]).every((item) =>
      a.some((candidate) => typeOf(candidate) === typeOf(item) && contains(candidate, item)),
    );
  if (isObject(a)) {
    return Object.entries(b as JsonObject).every(
      ([key, value]) => key in a && typeOf(a[key] ?? null) === typeOf(value) && contains(a[key] ?? null, value),
    );
  }
  return compare(a, b) === 0;
}

export function byKey(args: JqNode[], input: Json, env: Env): Array<{ key: Json; value: Json }> {
  if (!Array.isArray(input)) fail(`Cannot index ${typeOf(input)} with number`);
  return (input as Json[]).map((value) => ({ key: [...evaluate(args[0] ?? { k: 'identity' }, value, env)], value }));
}

export function flatten(input: Json, depth: number): Json[] {
  if (!Array.isArray(input)) return fail(`Cannot iterate over ${describe(input)}`);
  return input.flatMap((item) => (Array.isArray(item) && depth > 0 ? flatten(item, depth - 1) : [item]));
}

export function toEntries(input: Json): Json {
  if (!isObject(input)) return fail(`${describe(input)} has no keys`);
  return Object.entries(input).map(([key, value]) => ({ key, value }));
}

export function fromEntries(input: Json): Json {
  const out: JsonObject = {};
  for (const entry of iterateValues(input)) {
    if (!isObject(entry)) fail(`Cannot index ${typeOf(entry)} with "key"`);
    const e = entry as JsonObject;
    const key = e['key'] ?? e['k'] ?? e['name'] ?? e['Name'] ?? e['Key'] ?? e['K'] ?? null;
    if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
      return fail(`Cannot use ${describe(key)} as object key`);
    }
    out[String(key)] = 'value' in e ? (e['value'] ?? null) : (e['v'] ?? e['Value'] ?? e['V'] ?? null);
  }
  return out;
}

export const TYPE_FILTERS: Record<string, (value: Json) => boolean> = {
  arrays: Array.isArray,
  objects: isObject,
  iterables: (v) => Array.isArray(v) || isObject(v),
  booleans: (v) => typeof v === 'boolean',
  numbers: (v) => typeof v === 'number',
  strings: (v) => typeof v === 'string',
  nulls: (v) => v === null,
  values: (v) => v !== null,
  scalars: (v) => !Array.isArray(v) && !isObject(v),
};

export function indices(input: Json, x: Json): Json {
  if (input === null) return null;
  if (typeof input === 'string' && typeof x === 'string') {
    const found: number[] = [];
    if (x === '') return null;
    for (let i = input.indexOf(x); i >= 0; i = input.indexOf(x, i + 1)) found.push(i);
    return found;
  }
  if (Array.isArray(input)) {
    const needle = Array.isArray(x) ? x : [x];
    const found: number[] = [];
    for (let i = 0; i + needle.length <= input.length; i++) {
      if (needle.length > 0 && needle.every((item, j) => compare(input[i + j] ?? null, item) === 0)) found.push(i);
    }
    return found;
  }
  return fail(`Cannot determine indices in ${typeOf(input)}`);
}
