// text/template's builtin functions (funcs.go, Go 1.23) plus kubectl's `exists` and `base64decode`
// (cli-runtime printers/template.go and jsonpath.go).
import { sprint, sprintf, sprintln } from './go-template-fmt';
import { concrete, element, isTrue, lengthOf, typeName, type Concrete, type GoValue } from './go-template-values';
import { utf8Encode, utf8Decode } from '@kubelab/cluster';

/** A Go parameter type: reflect.Value, interface{} or string. */
export type Param = 'rv' | 'any' | 'string';

/** An error a function returns; the executor reports "error calling <name>: <message>". */
export class FuncError extends Error {}

export interface GoFunc {
  params: Param[];
  variadic: boolean;
  call(args: GoValue[]): GoValue;
}

const bool = (v: boolean): GoValue => ({ k: 'bool', v });
const str = (v: string): GoValue => ({ k: 'string', v });
const arg = (args: GoValue[], i: number): GoValue => args[i] ?? { k: 'invalid' };
const text = (v: GoValue): string => (v.k === 'string' ? v.v : '');
/** An interface{} argument as fmt sees it. */
const anyArgs = (args: GoValue[]): Array<Concrete | null> => args.map(concrete);

export const truth = (v: GoValue): boolean => isTrue(concrete(v));

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';
function basicKind(v: Concrete | null): Kind {
  if (v === null) return 'invalid';
  switch (v.k) {
    case 'bool':
      return 'bool';
    case 'int':
    case 'int64':
      return 'int';
    case 'uint8':
      return 'uint';
    case 'float64':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'invalid';
  }
}

const INCOMPATIBLE = 'incompatible types for comparison';
const BAD_TYPE = 'invalid type for comparison';

function scalar(v: Concrete | null): bigint | number | string | boolean {
  return v &&
    (v.k === 'bool' || v.k === 'string' || v.k === 'float64' || v.k === 'int' || v.k === 'int64' || v.k === 'uint8')
    ? v.v
    : '';
}

const eq = (args: GoValue[]): GoValue => bool(equals(args));

function equals(args: GoValue[]): boolean {
  const a = concrete(arg(args, 0));
  if (args.length < 2) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const other of args.slice(1)) {
    const b = concrete(other);
    const k2 = basicKind(b);
    let equal: boolean;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) equal = scalar(a) === scalar(b);
      else if (a !== null && b !== null) throw new FuncError(INCOMPATIBLE);
      else equal = false;
    } else if (k1 !== 'invalid') equal = scalar(a) === scalar(b);
    else if (a === null || b === null) equal = a === b;
    else if (a.k !== b.k)
      throw new FuncError(`non-comparable types ${sprint([a])}: ${typeName(a)}, ${typeName(b)}: ${sprint([b])}`);
    else throw new FuncError(`non-comparable type ${sprint([b])}: ${typeName(b)}`);
    if (equal) return true;
  }
  return false;
}

function lt(args: GoValue[]): boolean {
  const a = concrete(arg(args, 0));
  const b = concrete(arg(args, 1));
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError(BAD_TYPE);
  if (k1 !== k2 && !((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')))
    throw new FuncError(INCOMPATIBLE);
  if (k1 === 'bool') throw new FuncError(BAD_TYPE);
  return scalar(a) < scalar(b);
}

function indexArg(index: Concrete | null, cap: number): number {
  if (index === null) throw new FuncError('cannot index slice/array with nil');
  if (index.k !== 'int' && index.k !== 'int64' && index.k !== 'uint8') {
    throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  }
  if (index.v < 0n || index.v > BigInt(cap)) throw new FuncError(`index out of range: ${index.v}`);
  return Number(index.v);
}

function index(args: GoValue[]): GoValue {
  let item: GoValue | null = concrete(arg(args, 0));
  if (item === null) throw new FuncError('index of untyped nil');
  for (const raw of args.slice(1)) {
    const key = concrete(raw);
    const v: Concrete | null = item.k === 'iface' ? item.elem : item.k === 'invalid' ? null : item;
    if (v === null) throw new FuncError('index of nil pointer');
    if (v.k === 'slice' || v.k === 'string') {
      const bytes: number[] | null = v.k === 'string' ? utf8Encode(v.v) : null;
      const length = bytes ? bytes.length : v.k === 'slice' ? v.v.length : 0;
      const x = indexArg(key, length);
      if (x >= length) throw new FuncError(`reflect: ${bytes ? 'string' : 'slice'} index out of range`);
      item = bytes ? { k: 'uint8', v: BigInt(bytes[x] ?? 0) } : element(v.k === 'slice' ? v.v[x] : null);
    } else if (v.k === 'map') {
      if (key === null) throw new FuncError('value is nil; should be of type string');
      if (key.k !== 'string') throw new FuncError(`value has type ${typeName(key)}; should be string`);
      item = element(v.v[key.v] ?? null);
    } else throw new FuncError(`can't index item of type ${typeName(v)}`);
  }
  return item;
}

function slice(args: GoValue[]): GoValue {
  const item = concrete(arg(args, 0));
  if (item === null) throw new FuncError('slice of untyped nil');
  const indexes = args.slice(1);
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  if (item.k !== 'string' && item.k !== 'slice') throw new FuncError(`can't slice item of type ${typeName(item)}`);
  if (item.k === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  const bytes = item.k === 'string' ? utf8Encode(item.v) : null;
  const length = bytes ? bytes.length : item.k === 'slice' ? item.v.length : 0;
  const idx = [0, length, length];
  indexes.forEach((i, n) => (idx[n] = indexArg(concrete(i), length)));
  const [from = 0, to = 0, max = 0] = idx;
  if (from > to) throw new FuncError(`invalid slice index: ${from} > ${to}`);
  if (indexes.length === 3 && to > max) throw new FuncError(`invalid slice index: ${to} > ${max}`);
  if (bytes) return str(utf8Decode(bytes.slice(from, to)));
  return { k: 'slice', v: item.k === 'slice' ? item.v.slice(from, to) : [] };
}

function length(args: GoValue[]): GoValue {
  const item = arg(args, 0);
  if (item.k === 'invalid') throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  const v = concrete(item);
  if (v === null) throw new FuncError('len of nil pointer');
  const n = lengthOf(v);
  if (n === undefined) throw new FuncError(`len of type ${typeName(v)}`);
  return { k: 'int', v: BigInt(n) };
}

/** evalArgs: like fmt.Sprint, but a nil argument prints as "<no value>". */
function evalArgs(args: GoValue[]): string {
  const values = anyArgs(args);
  const first = values[0];
  if (values.length === 1 && first?.k === 'string') return first.v;
  return sprint(values.map((v) => v ?? { k: 'string', v: '<no value>' }));
}

const HTML: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};
const JS: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

function jsEscape(s: string): string {
  return Array.from(s, (ch) => {
    const c = ch.codePointAt(0) ?? 0;
    if (JS[ch]) return JS[ch];
    if (c < 0x20) return `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    if (c >= 0x80 && !/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/u.test(ch))
      return `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return ch;
  }).join('');
}

function queryEscape(s: string): string {
  return Array.from(utf8Encode(s), (b) => {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) return ch;
    return ch === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

function exists(args: GoValue[]): boolean {
  let v = concrete(arg(args, 0));
  for (const raw of args.slice(1)) {
    const key = concrete(raw);
    if (v === null) return false;
    if (v.k === 'slice' || v.k === 'string') {
      if (key === null || (key.k !== 'int' && key.k !== 'int64' && key.k !== 'uint8')) return false;
      const n = lengthOf(v) ?? 0;
      if (key.v < 0n || key.v >= BigInt(n)) return false;
      const bytes = v.k === 'string' ? utf8Encode(v.v) : null;
      v = bytes
        ? { k: 'uint8', v: BigInt(bytes[Number(key.v)] ?? 0) }
        : v.k === 'slice'
          ? concrete(element(v.v[Number(key.v)]))
          : null;
    } else if (v.k === 'map') {
      if (key !== null && key.k !== 'string') return false;
      v = concrete(element(v.v[key === null ? '' : key.v] ?? null));
    } else return false;
  }
  return v !== null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString with Go's CorruptInputError offsets. */
function base64decode(args: GoValue[]): GoValue {
  const src = text(arg(args, 0));
  const out: number[] = [];
  const corrupt = (at: number): never => {
    throw new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  };
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) break;
        corrupt(si - j);
      }
      const ch = src[si] ?? '';
      si++;
      const value = BASE64.indexOf(ch);
      if (value >= 0) {
        quantum.push(value);
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=') corrupt(si - 1);
      if (j < 2) corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
        if (si === src.length) corrupt(src.length);
        if (src[si] !== '=') corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
      if (si < src.length) corrupt(si);
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    if (quantum.length >= 2) out.push((bits >> 16) & 0xff);
    if (quantum.length >= 3) out.push((bits >> 8) & 0xff);
    if (quantum.length >= 4) out.push(bits & 0xff);
  }
  return str(utf8Decode(out));
}

const fn = (params: Param[], variadic: boolean, call: (args: GoValue[]) => GoValue): GoFunc => ({
  params,
  variadic,
  call,
});
const cmp = (call: (args: GoValue[]) => boolean): GoFunc => fn(['rv', 'rv'], false, (a) => bool(call(a)));

export const FUNCTIONS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['and', fn(['rv', 'rv'], true, (a) => arg(a, 0))],
  ['or', fn(['rv', 'rv'], true, (a) => arg(a, 0))],
  ['not', fn(['rv'], false, (a) => bool(!truth(arg(a, 0))))],
  [
    'call',
    fn(['rv', 'rv'], true, (a) => {
      const f = concrete(arg(a, 0));
      throw new FuncError(f === null ? 'call of nil' : `non-function of type ${typeName(f)}`);
    }),
  ],
  ['html', fn(['any'], true, (a) => str(evalArgs(a).replace(/[\0"'&<>]/g, (c) => HTML[c] ?? c)))],
  ['js', fn(['any'], true, (a) => str(jsEscape(evalArgs(a))))],
  ['urlquery', fn(['any'], true, (a) => str(queryEscape(evalArgs(a))))],
  ['index', fn(['rv', 'rv'], true, index)],
  ['slice', fn(['rv', 'rv'], true, slice)],
  ['len', fn(['rv'], false, length)],
  ['print', fn(['any'], true, (a) => str(sprint(anyArgs(a))))],
  ['printf', fn(['string', 'any'], true, (a) => str(sprintf(text(arg(a, 0)), anyArgs(a.slice(1)))))],
  ['println', fn(['any'], true, (a) => str(sprintln(anyArgs(a))))],
  ['eq', fn(['rv', 'rv'], true, eq)],
  ['ne', cmp((a) => !equals(a))],
  ['lt', cmp(lt)],
  ['le', cmp((a) => lt(a) || equals(a))],
  ['gt', cmp((a) => !(lt(a) || equals(a)))],
  ['ge', cmp((a) => !lt(a))],
  ['exists', fn(['any', 'any'], true, (a) => bool(exists(a)))],
  ['base64decode', fn(['string'], false, base64decode)],
]);
