// jq 1.6's builtin functions, by name and arity.
import type { JqNode } from './ast';
import { evaluate, type Env } from './evaluate';
import { deletePaths, getPath, paths, setPath, type Path } from './paths';
import { formatValue } from './formats';
import { formatJson, parseJsonStream, type Json } from './json';
import { regexBuiltin } from './regex-builtins';
import { encodeUtf8 } from '../support/utf8';
import {
  byKey,
  contains,
  flatten,
  fromEntries,
  indices,
  keysOf,
  length,
  toEntries,
  TYPE_FILTERS,
} from './builtin-helpers';
import {
  arithmetic,
  compare,
  describe,
  fail,
  isObject,
  iterateValues,
  JqError,
  sortValues,
  truthy,
  typeOf,
  type JsonObject,
} from './values';

export { formatValue };

type Builtin = (args: JqNode[], input: Json, env: Env) => Iterable<Json>;

const one =
  (fn: (input: Json) => Json): Builtin =>
  (_args, input) => [fn(input)];

/** Calls `fn` with every combination of the arguments' values. */
function valued(fn: (input: Json, ...values: Json[]) => Json): Builtin {
  return function* (args, input, env) {
    const combine = function* (index: number, values: Json[]): Generator<Json> {
      const arg = args[index];
      if (!arg) {
        yield fn(input, ...values);
        return;
      }
      for (const value of evaluate(arg, input, env)) yield* combine(index + 1, [...values, value]);
    };
    yield* combine(0, []);
  };
}

const first = (node: JqNode | undefined, input: Json, env: Env): Json => {
  if (!node) return null;
  const next = evaluate(node, input, env).next();
  return next.done ? null : next.value;
};

function* walk(node: JqNode, input: Json, env: Env): Generator<Json> {
  let value: Json = input;
  if (Array.isArray(input)) value = input.map((item) => [...walk(node, item, env)][0] ?? null);
  else if (isObject(input))
    value = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, [...walk(node, v, env)][0] ?? null]));
  yield* evaluate(node, value, env);
}

const BUILTINS: Record<string, Builtin> = {
  'empty/0': () => [],
  'not/0': one((input) => !truthy(input)),
  'error/0': one((input) => {
    throw new JqError(input);
  }),
  'error/1': valued((_input, message) => {
    throw new JqError(message ?? null);
  }),
  'length/0': one(length),
  'utf8bytelength/0': one((input) =>
    typeof input === 'string'
      ? encodeUtf8(input).length
      : fail(`${describe(input)} only strings have UTF-8 byte length`),
  ),
  'keys/0': one((input) => keysOf(input, true)),
  'keys_unsorted/0': one((input) => keysOf(input, false)),
  'has/1': valued((input, key) => {
    if (isObject(input) && typeof key === 'string') return key in input;
    if (Array.isArray(input) && typeof key === 'number') return key >= 0 && key < input.length;
    return fail(`Cannot check whether ${typeOf(input)} has a ${typeOf(key ?? null)} key`);
  }),
  'in/1': valued((input, object) =>
    isObject(object ?? null)
      ? (input as string) in (object as JsonObject)
      : Array.isArray(object)
        ? (input as number) < object.length
        : false,
  ),
  'contains/1': valued((input, b) => contains(input, b ?? null)),
  'inside/1': valued((input, b) => contains(b ?? null, input)),
  'select/1': function* (args, input, env) {
    for (const cond of evaluate(args[0] ?? { k: 'identity' }, input, env)) if (truthy(cond)) yield input;
  },
  'map/1': (args, input, env) => [
    iterateValues(input).flatMap((item) => [...evaluate(args[0] ?? { k: 'identity' }, item, env)]),
  ],
  'map_values/1': (args, input, env) => {
    if (Array.isArray(input))
      return [input.flatMap((item) => [...evaluate(args[0] ?? { k: 'identity' }, item, env)].slice(0, 1))];
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(isObject(input) ? input : {})) {
      const next = evaluate(args[0] ?? { k: 'identity' }, value, env).next();
      if (!next.done) out[key] = next.value;
    }
    if (!isObject(input)) iterateValues(input);
    return [out];
  },
  'recurse/0': (_args, input, env) => evaluate({ k: 'recurse' }, input, env),
  'recurse/1': function* (args, input, env) {
    const visit = function* (value: Json): Generator<Json> {
      yield value;
      for (const child of evaluate(args[0] ?? { k: 'identity' }, value, env)) yield* visit(child);
    };
    yield* visit(input);
  },
  'to_entries/0': one(toEntries),
  'from_entries/0': one(fromEntries),
  'with_entries/1': (args, input, env) => [
    fromEntries(
      (toEntries(input) as Json[]).flatMap((entry) => [...evaluate(args[0] ?? { k: 'identity' }, entry, env)]),
    ),
  ],
  'add/0': one((input) => iterateValues(input).reduce<Json>((acc, item) => arithmetic('+', acc, item), null)),
  'any/0': one((input) => iterateValues(input).some(truthy)),
  'all/0': one((input) => iterateValues(input).every(truthy)),
  'any/1': (args, input, env) => [iterateValues(input).some((item) => truthy(first(args[0], item, env)))],
  'all/1': (args, input, env) => [iterateValues(input).every((item) => truthy(first(args[0], item, env)))],
  'range/1': function* (args, input, env) {
    for (const to of evaluate(args[0] ?? { k: 'identity' }, input, env))
      for (let i = 0; i < (to as number); i++) yield i;
  },
  'range/2': function* (args, input, env) {
    for (const from of evaluate(args[0] ?? { k: 'identity' }, input, env)) {
      for (const to of evaluate(args[1] ?? { k: 'identity' }, input, env))
        for (let i = from as number; i < (to as number); i++) yield i;
    }
  },
  'floor/0': one((input) => Math.floor(input as number)),
  'ceil/0': one((input) => Math.ceil(input as number)),
  'round/0': one((input) => Math.round(input as number)),
  'fabs/0': one((input) => Math.abs(input as number)),
  'sqrt/0': one((input) => Math.sqrt(input as number)),
  'pow/2': valued((_input, a, b) => Math.pow(a as number, b as number)),
  'log/0': one((input) => Math.log(input as number)),
  'tostring/0': one((input) => (typeof input === 'string' ? input : formatJson(input, 0))),
  'tonumber/0': one((input) => {
    if (typeof input === 'number') return input;
    const parsed = typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
    return Number.isNaN(parsed)
      ? fail(`Cannot parse '${typeof input === 'string' ? input : formatJson(input, 0)}' as JSON`)
      : parsed;
  }),
  'type/0': one(typeOf),
  'infinite/0': one(() => Infinity),
  'nan/0': one(() => NaN),
  'isinfinite/0': one((input) => input === Infinity || input === -Infinity),
  'isnan/0': one((input) => typeof input === 'number' && Number.isNaN(input)),
  'sort/0': one((input) =>
    Array.isArray(input) ? sortValues(input) : fail(`${describe(input)} cannot be sorted, as it is not an array`),
  ),
  'sort_by/1': (args, input, env) => [
    byKey(args, input, env)
      .sort((a, b) => compare(a.key, b.key))
      .map((e) => e.value),
  ],
  'group_by/1': (args, input, env) => {
    const groups: Array<{ key: Json; values: Json[] }> = [];
    for (const entry of byKey(args, input, env).sort((a, b) => compare(a.key, b.key))) {
      const last = groups[groups.length - 1];
      if (last && compare(last.key, entry.key) === 0) last.values.push(entry.value);
      else groups.push({ key: entry.key, values: [entry.value] });
    }
    return [groups.map((group) => group.values)];
  },
  'unique/0': one((input) =>
    sortValues(iterateValues(input)).filter((v, i, all) => i === 0 || compare(all[i - 1] ?? null, v) !== 0),
  ),
  'unique_by/1': (args, input, env) => {
    const sorted = byKey(args, input, env).sort((a, b) => compare(a.key, b.key));
    return [sorted.filter((e, i) => i === 0 || compare(sorted[i - 1]?.key ?? null, e.key) !== 0).map((e) => e.value)];
  },
  'min/0': one((input) => sortValues(iterateValues(input))[0] ?? null),
  'max/0': one((input) => sortValues(iterateValues(input)).pop() ?? null),
  'min_by/1': (args, input, env) => [byKey(args, input, env).sort((a, b) => compare(a.key, b.key))[0]?.value ?? null],
  'max_by/1': (args, input, env) => [
    byKey(args, input, env)
      .sort((a, b) => compare(a.key, b.key))
      .pop()?.value ?? null,
  ],
  'reverse/0': one((input) =>
    typeof input === 'string'
      ? [...input].reverse().join('')
      : input === null
        ? []
        : [...iterateValues(input)].reverse(),
  ),
  'join/1': valued((input, separator) =>
    iterateValues(input)
      .map((item) =>
        item === null
          ? ''
          : typeof item === 'string'
            ? item
            : typeof item === 'object'
              ? fail(`Cannot join with ${typeOf(item)}`)
              : formatJson(item, 0),
      )
      .join(separator as string),
  ),
  'ascii_downcase/0': one((input) =>
    typeof input === 'string'
      ? input.replace(/[A-Z]/g, (c) => c.toLowerCase())
      : fail(`${describe(input)} cannot be lowercased`),
  ),
  'ascii_upcase/0': one((input) =>
    typeof input === 'string'
      ? input.replace(/[a-z]/g, (c) => c.toUpperCase())
      : fail(`${describe(input)} cannot be uppercased`),
  ),
  'ltrimstr/1': valued((input, prefix) =>
    typeof input === 'string' && typeof prefix === 'string' && input.startsWith(prefix)
      ? input.slice(prefix.length)
      : input,
  ),
  'rtrimstr/1': valued((input, suffix) =>
    typeof input === 'string' && typeof suffix === 'string' && input.endsWith(suffix) && suffix !== ''
      ? input.slice(0, -suffix.length)
      : input,
  ),
  'startswith/1': valued((input, prefix) =>
    typeof input === 'string' && typeof prefix === 'string'
      ? input.startsWith(prefix)
      : fail('startswith() requires string inputs'),
  ),
  'endswith/1': valued((input, suffix) =>
    typeof input === 'string' && typeof suffix === 'string'
      ? input.endsWith(suffix)
      : fail('endswith() requires string inputs'),
  ),
  'first/0': one((input) =>
    Array.isArray(input) ? (input[0] ?? null) : fail(`Cannot index ${typeOf(input)} with number`),
  ),
  'last/0': one((input) =>
    Array.isArray(input) ? (input[input.length - 1] ?? null) : fail(`Cannot index ${typeOf(input)} with number`),
  ),
  'first/1': (args, input, env) => {
    const next = evaluate(args[0] ?? { k: 'identity' }, input, env).next();
    return next.done ? [] : [next.value];
  },
  'last/1': (args, input, env) => [...evaluate(args[0] ?? { k: 'identity' }, input, env)].slice(-1),
  'nth/1': valued((input, n) =>
    Array.isArray(input) ? (input[n as number] ?? null) : fail(`Cannot index ${typeOf(input)} with number`),
  ),
  'limit/2': function* (args, input, env) {
    const count = first(args[0], input, env) as number;
    if (count <= 0) return;
    let taken = 0;
    for (const value of evaluate(args[1] ?? { k: 'identity' }, input, env)) {
      yield value;
      if (++taken >= count) return;
    }
  },
  'flatten/0': one((input) => flatten(input, Infinity)),
  'flatten/1': valued((input, depth) =>
    (depth as number) < 0 ? fail('flatten depth must not be negative') : flatten(input, depth as number),
  ),
  'paths/0': function* (_args, input, env) {
    for (const [path] of paths({ k: 'recurse' }, input, env)) if (path.length > 0) yield path;
  },
  'paths/1': function* (args, input, env) {
    for (const [path, value] of paths({ k: 'recurse' }, input, env))
      if (path.length > 0 && truthy(first(args[0], value, env))) yield path;
  },
  'leaf_paths/0': function* (_args, input, env) {
    for (const [path, value] of paths({ k: 'recurse' }, input, env))
      if (path.length > 0 && !Array.isArray(value) && !isObject(value)) yield path;
  },
  'path/1': function* (args, input, env) {
    for (const [path] of paths(args[0] ?? { k: 'identity' }, input, env)) yield path;
  },
  'del/1': (args, input, env) => [
    deletePaths(
      input,
      [...paths(args[0] ?? { k: 'identity' }, input, env)].map(([path]) => path),
    ),
  ],
  'getpath/1': valued((input, path) => getPath(input, path as Path)),
  'setpath/2': valued((input, path, value) => setPath(input, path as Path, value ?? null)),
  'delpaths/1': valued((input, list) => deletePaths(input, list as Path[])),
  'tojson/0': one((input) => formatJson(input, 0)),
  'fromjson/0': one((input) => parseJsonStream(input as string)[0]?.value ?? null),
  'env/0': (_args, _input, env) => [env.vars.get('ENV') ?? {}],
  'builtins/0': one(() => Object.keys(BUILTINS)),
  'input_filename/0': one(() => null),
  'explode/0': one((input) => [...(input as string)].map((c) => c.codePointAt(0) ?? 0)),
  'implode/0': one((input) => String.fromCodePoint(...(input as number[]))),
  'indices/1': valued((input, x) => indices(input, x ?? null)),
  'index/1': valued((input, x) => (indices(input, x ?? null) as number[])[0] ?? null),
  'rindex/1': valued((input, x) => (indices(input, x ?? null) as number[]).pop() ?? null),
  'walk/1': (args, input, env) => walk(args[0] ?? { k: 'identity' }, input, env),
  'transpose/0': one((input) => {
    const rows = input as Json[][];
    const width = Math.max(0, ...rows.map((row) => row.length));
    return Array.from({ length: width }, (_, i) => rows.map((row) => row[i] ?? null));
  }),
  'tostream/0': function* (_args, input, env) {
    for (const [path, value] of paths({ k: 'recurse' }, input, env))
      if (!Array.isArray(value) && !isObject(value)) yield [path, value];
  },
  'splits/1': function* (args, input, env) {
    for (const part of regexBuiltin('split', input, [first(args[0], input, env), null], env)) yield* part as Json[];
  },
  'halt/0': () => [],
};

for (const name of Object.keys(TYPE_FILTERS)) {
  const keep = TYPE_FILTERS[name];
  if (keep) BUILTINS[`${name}/0`] = (_args, input) => (keep(input) ? [input] : []);
}

const REGEX_FUNCTIONS = ['test', 'match', 'capture', 'scan', 'split', 'sub', 'gsub'];

export function* callBuiltin(name: string, args: JqNode[], input: Json, env: Env): Generator<Json> {
  if (REGEX_FUNCTIONS.includes(name) && !(name === 'split' && args.length === 1)) {
    if ((name === 'sub' || name === 'gsub') && args.length >= 2) {
      for (const pattern of evaluate(args[0] ?? { k: 'identity' }, input, env)) {
        const flags = args[2] ? first(args[2], input, env) : null;
        yield* regexBuiltin(name, input, [pattern, flags, args[1]], env);
      }
      return;
    }
    for (const pattern of evaluate(args[0] ?? { k: 'identity' }, input, env)) {
      yield* regexBuiltin(name, input, [pattern, args[1] ? first(args[1], input, env) : null], env);
    }
    return;
  }
  if (name === 'split' && args.length === 1) {
    for (const separator of evaluate(args[0] ?? { k: 'identity' }, input, env)) {
      if (typeof input !== 'string' || typeof separator !== 'string') fail('split input and separator must be strings');
      yield input === '' ? [] : (input as string).split(separator as string);
    }
    return;
  }
  const builtin = BUILTINS[`${name}/${args.length}`];
  if (!builtin) throw new JqError(null, `${name}/${args.length} is not defined`);
  yield* builtin(args, input, env);
}
