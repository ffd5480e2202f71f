// Evaluating jq filters as generators of outputs.
import type { JqNode } from './ast';
import { callBuiltin, formatValue } from './builtins';
import { formatJson, type Json } from './json';
import { assign } from './paths';
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

export interface Closure {
  node: JqNode;
  env: Env;
}

export interface FunctionDef {
  params: string[];
  body: JqNode;
  env: Env;
}

export interface Env {
  vars: Map<string, Json>;
  funcs: Map<string, FunctionDef | Closure>;
}

export function* evaluate(node: JqNode, input: Json, env: Env): Generator<Json> {
  switch (node.k) {
    case 'identity':
      yield input;
      return;
    case 'recurse':
      yield* recurse(input);
      return;
    case 'field':
      for (const target of evaluate(node.target, input, env)) yield indexValue(target, node.name);
      return;
    case 'index':
      for (const target of evaluate(node.target, input, env)) {
        for (const index of evaluate(node.index, input, env)) yield indexValue(target, index);
      }
      return;
    case 'slice':
      for (const target of evaluate(node.target, input, env)) {
        for (const to of node.to ? evaluate(node.to, input, env) : [null]) {
          for (const from of node.from ? evaluate(node.from, input, env) : [null]) yield sliceValue(target, from, to);
        }
      }
      return;
    case 'iterate':
      for (const target of evaluate(node.target, input, env)) yield* iterateValues(target);
      return;
    case 'literal':
      yield node.value;
      return;
    case 'string':
      yield* interpolate(node.parts, node.format, input, env);
      return;
    case 'format':
      yield formatValue(node.name, input);
      return;
    case 'pipe':
      for (const value of evaluate(node.left, input, env)) yield* evaluate(node.right, value, env);
      return;
    case 'comma':
      yield* evaluate(node.left, input, env);
      yield* evaluate(node.right, input, env);
      return;
    case 'alt': {
      let any = false;
      try {
        for (const value of evaluate(node.left, input, env)) {
          if (truthy(value)) {
            any = true;
            yield value;
          }
        }
      } catch (error) {
        if (!(error instanceof JqError)) throw error;
      }
      if (!any) yield* evaluate(node.right, input, env);
      return;
    }
    case 'binop':
      for (const right of evaluate(node.right, input, env)) {
        for (const left of evaluate(node.left, input, env)) yield binary(node.op, left, right);
      }
      return;
    case 'and':
    case 'or':
      for (const left of evaluate(node.left, input, env)) {
        if (node.k === 'and' ? !truthy(left) : truthy(left)) {
          yield node.k === 'or';
          continue;
        }
        for (const right of evaluate(node.right, input, env)) yield truthy(right);
      }
      return;
    case 'neg':
      for (const value of evaluate(node.operand, input, env)) {
        if (typeof value !== 'number') fail(`${JSON.stringify(value)} cannot be negated`);
        yield -(value as number);
      }
      return;
    case 'array':
      yield node.body ? [...evaluate(node.body, input, env)] : [];
      return;
    case 'object':
      yield* construct(node.entries, 0, {}, input, env);
      return;
    case 'var': {
      if (node.name === 'ENV' || node.name === '__prog_env') {
        yield env.vars.get('ENV') ?? {};
        return;
      }
      const value = env.vars.get(node.name);
      if (value === undefined) throw new JqError(null, `$${node.name} is not defined`);
      yield value;
      return;
    }
    case 'if':
      for (const cond of evaluate(node.cond, input, env)) {
        if (truthy(cond)) yield* evaluate(node.then, input, env);
        else if (node.else) yield* evaluate(node.else, input, env);
        else yield input;
      }
      return;
    case 'try':
      try {
        for (const value of evaluate(node.body, input, env)) yield value;
      } catch (error) {
        if (!(error instanceof JqError)) throw error;
        if (node.handler) yield* evaluate(node.handler, error.value ?? error.message, env);
      }
      return;
    case 'reduce':
      for (const init of evaluate(node.init, input, env)) {
        let acc: Json = init;
        for (const item of evaluate(node.source, input, env)) {
          const scope = withVar(env, node.pattern, item);
          let last: Json = null;
          for (const next of evaluate(node.update, acc, scope)) last = next;
          acc = last;
        }
        yield acc;
      }
      return;
    case 'foreach':
      for (const init of evaluate(node.init, input, env)) {
        let acc: Json = init;
        for (const item of evaluate(node.source, input, env)) {
          const scope = withVar(env, node.pattern, item);
          for (const next of evaluate(node.update, acc, scope)) {
            acc = next;
            if (node.extract) yield* evaluate(node.extract, acc, scope);
            else yield acc;
          }
        }
      }
      return;
    case 'as':
      for (const value of evaluate(node.source, input, env))
        yield* evaluate(node.body, input, withVar(env, node.name, value));
      return;
    case 'def': {
      const funcs = new Map(env.funcs);
      const scope: Env = { vars: env.vars, funcs };
      funcs.set(`${node.name}/${node.params.length}`, { params: node.params, body: node.body, env: scope });
      yield* evaluate(node.rest, input, scope);
      return;
    }
    case 'assign':
      yield* assign(node, input, env);
      return;
    case 'call':
      yield* call(node.name, node.args, input, env);
      return;
  }
}

function withVar(env: Env, name: string, value: Json): Env {
  const vars = new Map(env.vars);
  vars.set(name, value);
  return { vars, funcs: env.funcs };
}

function binary(op: string, left: Json, right: Json): Json {
  switch (op) {
    case '==':
      return compare(left, right) === 0;
    case '!=':
      return compare(left, right) !== 0;
    case '<':
      return compare(left, right) < 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>':
      return compare(left, right) > 0;
    case '>=':
      return compare(left, right) >= 0;
    default:
      return arithmetic(op, left, right);
  }
}

function* recurse(value: Json): Generator<Json> {
  yield value;
  if (Array.isArray(value) || isObject(value)) for (const child of iterateValues(value)) yield* recurse(child);
}

function* interpolate(
  parts: Array<string | JqNode>,
  format: string | undefined,
  input: Json,
  env: Env,
  index = 0,
  prefix = '',
): Generator<Json> {
  if (index >= parts.length) {
    yield prefix;
    return;
  }
  const part = parts[index] ?? '';
  if (typeof part === 'string') {
    yield* interpolate(parts, format, input, env, index + 1, prefix + part);
    return;
  }
  for (const value of evaluate(part, input, env)) {
    const text = format
      ? (formatValue(format, value) as string)
      : typeof value === 'string'
        ? value
        : formatValue('json', value);
    yield* interpolate(
      parts,
      format,
      input,
      env,
      index + 1,
      prefix + (typeof text === 'string' ? text : formatJson(text, 0)),
    );
  }
}

function* construct(
  entries: Array<{ key: JqNode; value?: JqNode }>,
  index: number,
  built: JsonObject,
  input: Json,
  env: Env,
): Generator<Json> {
  const entry = entries[index];
  if (!entry) {
    yield { ...built };
    return;
  }
  for (const key of evaluate(entry.key, input, env)) {
    if (typeof key !== 'string') fail(`Object keys must be strings`);
    const values = entry.value ? evaluate(entry.value, input, env) : [indexValue(input, key)];
    for (const value of values) yield* construct(entries, index + 1, { ...built, [key as string]: value }, input, env);
  }
}

function* call(name: string, args: JqNode[], input: Json, env: Env): Generator<Json> {
  const defined = env.funcs.get(`${name}/${args.length}`);
  if (defined) {
    if ('params' in defined) {
      const funcs = new Map(defined.env.funcs);
      funcs.set(`${name}/${args.length}`, defined);
      let vars = defined.env.vars;
      const valueParams: Array<[string, JqNode]> = [];
      defined.params.forEach((param, i) => {
        const arg = args[i];
        if (!arg) return;
        if (param.startsWith('$')) valueParams.push([param.slice(1), arg]);
        else funcs.set(`${param}/0`, { node: arg, env });
      });
      if (valueParams.length === 0) {
        yield* evaluate(defined.body, input, { vars, funcs });
        return;
      }
      const [first] = valueParams;
      if (first) {
        for (const value of evaluate(first[1], input, env)) {
          vars = new Map(vars);
          vars.set(first[0], value);
          funcs.set(`${first[0]}/0`, { node: { k: 'literal', value }, env });
          yield* evaluate(defined.body, input, { vars, funcs });
        }
      }
      return;
    }
    yield* evaluate(defined.node, input, defined.env);
    return;
  }
  yield* callBuiltin(name, args, input, env);
}
