// awk's built-in functions (mawk semantics).
import type { Expr } from './ast';
import type { Evaluator } from './evaluate';
import { AwkRuntimeError } from './machine';
import { num, str, toNumber, type Value } from './values';

/** `&` is the match, `\&` a literal ampersand. */
function replacement(template: string, matched: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i] ?? '';
    if (char === '\\' && (template[i + 1] === '&' || template[i + 1] === '\\')) out += template[++i] ?? '';
    else out += char === '&' ? matched : char;
  }
  return out;
}

function substitute(ev: Evaluator, args: Expr[], global: boolean): Value {
  const [pattern, replaceExpr, targetExpr] = args;
  if (!pattern || !replaceExpr) throw new AwkRuntimeError('sub: wrong number of arguments');
  const regex = ev.regexOf(pattern);
  const template = ev.m.str(ev.eval(replaceExpr));
  const target: Expr = targetExpr ?? { k: 'field', index: { k: 'num', v: 0 } };
  if (target.k !== 'var' && target.k !== 'field' && target.k !== 'elem')
    throw new AwkRuntimeError('sub: target is not an lvalue');
  const text = ev.m.str(ev.eval(target));
  const flags = regex.flags.includes('g') ? regex.flags : `${regex.flags}g`;
  const scanner = new RegExp(regex.source, flags);
  let out = '';
  let last = 0;
  let count = 0;
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    out += text.slice(last, match.index) + replacement(template, match[0]);
    last = match.index + match[0].length;
    count++;
    if (match[0] === '') {
      if (match.index < text.length) out += text[match.index] ?? '';
      last = match.index + 1;
      scanner.lastIndex = match.index + 1;
      if (match.index >= text.length) break;
    }
    if (!global) break;
  }
  if (count > 0) ev.assign(target, str(out + text.slice(last)));
  return num(count);
}

let seed = 0;
/** A deterministic generator (the sandbox has no entropy of its own). */
function nextRandom(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

export function callBuiltin(ev: Evaluator, name: string, args: Expr[]): Value {
  const m = ev.m;
  const arg = (index: number): Value => {
    const expr = args[index];
    return expr ? ev.eval(expr) : str('');
  };
  const text = (index: number) => m.str(arg(index));
  const number = (index: number) => toNumber(arg(index));
  switch (name) {
    case 'length': {
      const first = args[0];
      if (!first) return num([...m.str(m.getField(0))].length);
      if (first.k === 'var') {
        const slot = m.frames[m.frames.length - 1]?.get(first.name) ?? m.globals.get(first.name);
        if (slot?.array) return num(slot.array.size);
      }
      return num([...text(0)].length);
    }
    case 'substr': {
      const chars = [...text(0)];
      // mawk 1.3.4 truncates, and a start below 1 lengthens rather than shortens the result.
      const start = Math.trunc(number(1));
      const length = args.length > 2 ? Math.trunc(number(2)) - Math.min(start, 0) : Infinity;
      const from = Math.max(start, 1);
      const to = Math.min(from + length, chars.length + 1);
      return str(to > from ? chars.slice(from - 1, to - 1).join('') : '');
    }
    case 'index':
      return num(text(0).indexOf(text(1)) + 1);
    case 'split': {
      const target = args[1];
      if (!target || target.k !== 'var') throw new AwkRuntimeError('split: second argument must be an array');
      const source = text(0);
      const separatorExpr = args[2];
      let parts: string[];
      if (!separatorExpr) parts = m.split(source, m.str(m.getVar('FS')));
      else if (separatorExpr.k === 'regex') parts = source === '' ? [] : source.split(m.regex(separatorExpr.source));
      else parts = m.split(source, m.str(ev.eval(separatorExpr)));
      const array = m.getArray(target.name);
      array.clear();
      parts.forEach((part, index) => array.set(String(index + 1), { kind: 'strnum', s: part }));
      return num(parts.length);
    }
    case 'sub':
      return substitute(ev, args, false);
    case 'gsub':
      return substitute(ev, args, true);
    case 'match': {
      const pattern = args[1];
      if (!pattern) throw new AwkRuntimeError('match: wrong number of arguments');
      const found = ev.regexOf(pattern).exec(text(0));
      const start = found ? [...text(0).slice(0, found.index)].length + 1 : 0;
      m.setVar('RSTART', num(start));
      m.setVar('RLENGTH', num(found ? [...found[0]].length : -1));
      return num(start);
    }
    case 'sprintf':
      return str(
        m.sprintf(
          text(0),
          args.slice(1).map((expr) => ev.eval(expr)),
        ),
      );
    case 'tolower':
      return str(text(0).toLowerCase());
    case 'toupper':
      return str(text(0).toUpperCase());
    case 'int':
      return num(Math.trunc(number(0)));
    case 'sqrt':
      return num(Math.sqrt(number(0)));
    case 'exp':
      return num(Math.exp(number(0)));
    case 'log':
      return num(Math.log(number(0)));
    case 'sin':
      return num(Math.sin(number(0)));
    case 'cos':
      return num(Math.cos(number(0)));
    case 'atan2':
      return num(Math.atan2(number(0), number(1)));
    case 'rand':
      return num(nextRandom());
    case 'srand': {
      const previous = seed;
      seed = args.length > 0 ? Math.trunc(number(0)) : 0;
      return num(previous);
    }
    case 'close':
      return num(m.io.close(text(0)));
    case 'fflush':
      return num(0);
    case 'system':
      throw new AwkRuntimeError('system() is not available in this sandbox');
    default:
      throw new AwkRuntimeError(`function ${name} never defined`);
  }
}
