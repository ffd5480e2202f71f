// Path expressions: the locations a filter designates, for assignments,
// del(), path() and paths(), and reading/writing values at a path.
import type { JqNode } from './ast';
import { evaluate, type Env } from './evaluate';
import type { Json } from './json';
import {
  arithmetic,
  compare,
  fail,
  indexValue,
  isObject,
  iterateValues,
  JqError,
  sliceValue,
  truthy,
  type JsonObject,
} from './values';

export type Path = Array<string | number | JsonObject>;

/** The paths a filter designates in `input`, with the values there. */
export function* paths(
  node: JqNode,
  input: Json,
  env: Env,
  root: Json = input,
  prefix: Path = [],
): Generator<[Path, Json]> {
  switch (node.k) {
    case 'identity':
      yield [prefix, input];
      return;
    case 'recurse':
      for (const [path, value] of walk(input, prefix)) yield [path, value];
      return;
    case 'field':
      for (const [path, value] of paths(node.target, input, env, root, prefix))
        yield [[...path, node.name], indexValue(value, node.name)];
      return;
    case 'index':
      for (const [path, value] of paths(node.target, input, env, root, prefix)) {
        for (const key of evaluate(node.index, root, env))
          yield [[...path, key as string | number], indexValue(value, key)];
      }
      return;
    case 'slice':
      for (const [path, value] of paths(node.target, input, env, root, prefix)) {
        const from = node.from ? firstOf(node.from, root, env) : null;
        const to = node.to ? firstOf(node.to, root, env) : null;
        yield [[...path, { start: from, end: to }], sliceValue(value, from, to)];
      }
      return;
    case 'iterate':
      for (const [path, value] of paths(node.target, input, env, root, prefix)) {
        if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield [[...path, i], value[i] ?? null];
        else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield [[...path, key], child];
        else if (value !== null) iterateValues(value);
      }
      return;
    case 'pipe':
      for (const [path, value] of paths(node.left, input, env, root, prefix))
        yield* paths(node.right, value, env, value, path);
      return;
    case 'comma':
      yield* paths(node.left, input, env, root, prefix);
      yield* paths(node.right, input, env, root, prefix);
      return;
    case 'if':
      for (const cond of evaluate(node.cond, input, env)) {
        if (truthy(cond)) yield* paths(node.then, input, env, root, prefix);
        else if (node.else) yield* paths(node.else, input, env, root, prefix);
        else yield [prefix, input];
      }
      return;
    case 'try':
      try {
        for (const entry of paths(node.body, input, env, root, prefix)) yield entry;
      } catch (error) {
        if (!(error instanceof JqError)) throw error;
      }
      return;
    case 'alt': {
      let any = false;
      for (const entry of paths(node.left, input, env, root, prefix)) {
        if (truthy(entry[1])) {
          any = true;
          yield entry;
        }
      }
      if (!any) yield* paths(node.right, input, env, root, prefix);
      return;
    }
    case 'call':
      if (node.name === 'select' && node.args[0]) {
        for (const cond of evaluate(node.args[0], input, env)) if (truthy(cond)) yield [prefix, input];
        return;
      }
      if (node.name === 'empty') return;
      if (node.name === 'recurse' && node.args.length === 0) {
        yield* walk(input, prefix);
        return;
      }
      if (node.name === 'getpath' && node.args[0]) {
        for (const path of evaluate(node.args[0], input, env)) {
          yield [[...prefix, ...(path as Path)], getPath(input, path as Path)];
        }
        return;
      }
      if (node.name === 'first' && node.args.length === 0) {
        yield [[...prefix, 0], indexValue(input, 0)];
        return;
      }
      if (node.name === 'last' && node.args.length === 0) {
        yield [[...prefix, -1], indexValue(input, -1)];
        return;
      }
      {
        const defined = env.funcs.get(`${node.name}/${node.args.length}`);
        if (defined && 'node' in defined) {
          yield* paths(defined.node, input, defined.env, root, prefix);
          return;
        }
        if (defined && defined.params.length === 0) {
          yield* paths(defined.body, input, defined.env, root, prefix);
          return;
        }
      }
      break;
  }
  throw new JqError(
    null,
    `Invalid path expression with result ${JSON.stringify([...evaluate(node, input, env)][0] ?? null)}`,
  );
}

function firstOf(node: JqNode, input: Json, env: Env): Json {
  for (const value of evaluate(node, input, env)) return value;
  return null;
}

function* walk(value: Json, prefix: Path): Generator<[Path, Json]> {
  yield [prefix, value];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i] ?? null, [...prefix, i]);
  else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield* walk(child, [...prefix, key]);
}

export function getPath(value: Json, path: Path): Json {
  let current = value;
  for (const key of path) {
    if (current === null) return null;
    current = indexValue(current, key);
  }
  return current;
}

export function setPath(value: Json, path: Path, replacement: Json): Json {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  if (typeof key === 'string') {
    if (value !== null && !isObject(value))
      fail(`Cannot index ${Array.isArray(value) ? 'array' : typeof value} with "${key}"`);
    const object = { ...((value ?? {}) as JsonObject) };
    object[key] = setPath(object[key] ?? null, rest, replacement);
    return object;
  }
  if (typeof key === 'number') {
    if (value !== null && !Array.isArray(value))
      fail(`Cannot index ${isObject(value) ? 'object' : typeof value} with number`);
    const array = [...((value ?? []) as Json[])];
    const index = key < 0 ? array.length + key : key;
    if (index < 0) fail('Out of bounds negative array index');
    while (array.length < index) array.push(null);
    array[index] = setPath(array[index] ?? null, rest, replacement);
    return array;
  }
  const array = (value ?? []) as Json[];
  const start = typeof key['start'] === 'number' ? key['start'] : 0;
  const end = typeof key['end'] === 'number' ? key['end'] : array.length;
  const updated = setPath(array.slice(start, end), rest, replacement);
  return [...array.slice(0, start), ...(Array.isArray(updated) ? updated : [updated]), ...array.slice(end)];
}

export function deletePaths(value: Json, targets: Path[]): Json {
  // Delete from the end so earlier array indices stay valid.
  const sorted = [...targets].sort((a, b) => compare(b, a));
  let result = value;
  for (const path of sorted) result = deletePath(result, path);
  return result;
}

function deletePath(value: Json, path: Path): Json {
  const [key, ...rest] = path;
  if (key === undefined || value === null) return value;
  if (rest.length > 0) {
    const child = indexValue(value, key);
    if (child === null) return value;
    return setPath(value, [key], deletePath(child, rest));
  }
  if (typeof key === 'string' && isObject(value)) {
    const { [key]: _removed, ...others } = value;
    return others;
  }
  if (typeof key === 'number' && Array.isArray(value)) {
    const index = key < 0 ? value.length + key : key;
    return value.filter((_, i) => i !== index);
  }
  if (typeof key === 'object' && Array.isArray(value)) {
    const sliced = sliceValue(value, key['start'] ?? null, key['end'] ?? null) as Json[];
    return value.filter((item) => !sliced.includes(item));
  }
  return fail(`Cannot delete field at index of ${Array.isArray(value) ? 'array' : typeof value}`);
}

export function* assign(node: Extract<JqNode, { k: 'assign' }>, input: Json, env: Env): Generator<Json> {
  const targets = [...paths(node.target, input, env)].map(([path]) => path);
  if (node.op === '=') {
    for (const value of evaluate(node.value, input, env)) {
      let result = input;
      for (const path of targets) result = setPath(result, path, value);
      yield result;
    }
    return;
  }
  if (node.op === '|=') {
    let result = input;
    for (const path of targets) {
      const next = evaluate(node.value, getPath(result, path), env).next();
      result = next.done ? deletePaths(result, [path]) : setPath(result, path, next.value);
    }
    yield result;
    return;
  }
  const op = node.op.slice(0, -1);
  for (const operand of evaluate(node.value, input, env)) {
    let result = input;
    for (const path of targets) {
      const current = getPath(result, path);
      const updated = op === '//' ? (truthy(current) ? current : operand) : arithmetic(op, current, operand);
      result = setPath(result, path, updated);
    }
    yield result;
  }
}
