// Word expansion in bash's order: braces, tilde, parameters, command
// substitution and arithmetic, then field splitting of unquoted results and
// pathname expansion against the virtual filesystem.
import type { VirtualFileSystem } from '../fs/virtual-fs';
import { evaluateArithmetic, type ArithmeticVariables } from './arithmetic';
import type { Word, WordPart } from './ast';
import { expandBraces } from './braces';
import { globToRegExp, hasGlob } from './patterns';
import { readWord } from './words';

export class ExpansionError extends Error {}

export interface ExpansionHost {
  vars: ArithmeticVariables;
  positional: readonly string[];
  special(name: string): string | undefined;
  home: string;
  cwd: string;
  fs: VirtualFileSystem;
  commandSubstitution(source: string): Promise<string>;
}

interface Segment {
  text: string;
  quoted: boolean;
  /** Produced by an unquoted expansion: subject to field splitting. */
  split: boolean;
  /** Forces a field boundary ("$@"). */
  boundary?: boolean;
}

async function paramValue(part: Extract<WordPart, { type: 'param' }>, host: ExpansionHost): Promise<string> {
  const raw =
    host.special(part.name) ??
    (/^\d+$/.test(part.name) ? host.positional[Number(part.name) - 1] : host.vars.get(part.name));
  if (part.length) return String([...(raw ?? '')].length);
  const op = part.op;
  if (!op) return raw ?? '';
  if (op === 'bad') throw new ExpansionError(`\${${part.name}...}: bad substitution`);
  const arg = part.arg ? await expandString(part.arg, host) : '';
  const unset = raw === undefined;
  const empty = unset || raw === '';
  switch (op) {
    case ':-':
      return empty ? arg : (raw ?? '');
    case '-':
      return unset ? arg : raw;
    case ':=':
    case '=':
      if (op === ':=' ? empty : unset) {
        host.vars.set(part.name, arg);
        return arg;
      }
      return raw ?? '';
    case ':+':
      return empty ? '' : arg;
    case '+':
      return unset ? '' : arg;
    case ':?':
    case '?':
      if (op === ':?' ? empty : unset) throw new ExpansionError(`${part.name}: ${arg || 'parameter null or not set'}`);
      return raw ?? '';
    case '#':
    case '##':
      return removeAffix(raw ?? '', arg, 'prefix', op === '##');
    case '%':
    case '%%':
      return removeAffix(raw ?? '', arg, 'suffix', op === '%%');
    case '^^':
      return (raw ?? '').toUpperCase();
    case '^':
      return (raw ?? '').charAt(0).toUpperCase() + (raw ?? '').slice(1);
    case ',,':
      return (raw ?? '').toLowerCase();
    case ',':
      return (raw ?? '').charAt(0).toLowerCase() + (raw ?? '').slice(1);
    case ':': {
      const [offset = '0', length] = arg.split(':');
      const value = [...(raw ?? '')];
      const start = evaluateArithmetic(offset, host.vars);
      const from = start < 0 ? Math.max(0, value.length + start) : start;
      const count = length === undefined ? value.length : evaluateArithmetic(length, host.vars);
      return value.slice(from, count < 0 ? value.length + count : from + count).join('');
    }
    default: {
      const slash = arg.indexOf('/');
      const pattern = slash === -1 ? arg : arg.slice(0, slash);
      const replacement = slash === -1 ? '' : arg.slice(slash + 1);
      return replacePattern(raw ?? '', pattern, replacement, op);
    }
  }
}

function removeAffix(value: string, pattern: string, side: 'prefix' | 'suffix', longest: boolean): string {
  const regex = globToRegExp(pattern, { anchored: false });
  const lengths = [...Array(value.length + 1).keys()];
  const order = longest ? lengths.reverse() : lengths;
  for (const length of order) {
    const piece = side === 'prefix' ? value.slice(0, length) : value.slice(value.length - length);
    if (new RegExp(`^(?:${regex.source})$`, 's').test(piece)) {
      return side === 'prefix' ? value.slice(length) : value.slice(0, value.length - length);
    }
  }
  return value;
}

function replacePattern(value: string, pattern: string, replacement: string, op: string): string {
  if (pattern === '') return value;
  const source = globToRegExp(pattern, { anchored: false }).source;
  if (op === '/#') return value.replace(new RegExp(`^(?:${source})`, 's'), replacement);
  if (op === '/%') return value.replace(new RegExp(`(?:${source})$`, 's'), replacement);
  return value.replace(new RegExp(source, op === '//' ? 'gs' : 's'), () => replacement);
}

async function segmentsOf(
  parts: readonly WordPart[],
  host: ExpansionHost,
  quoted: boolean,
  out: Segment[],
): Promise<void> {
  for (const part of parts) {
    switch (part.type) {
      case 'lit':
        out.push({ text: part.text, quoted, split: false });
        break;
      case 'quoted':
        out.push({ text: part.text, quoted: true, split: false });
        break;
      case 'tilde':
        out.push({
          text: part.user === '' ? host.home : part.user === 'root' ? '/root' : `~${part.user}`,
          quoted: true,
          split: false,
        });
        break;
      case 'dq':
        out.push({ text: '', quoted: true, split: false });
        await segmentsOf(part.parts, host, true, out);
        break;
      case 'param':
        if ((part.name === '@' || part.name === '*') && !part.op && !part.length) {
          host.positional.forEach((arg, index) => {
            if (index > 0)
              out.push(
                quoted && part.name === '@'
                  ? { text: '', quoted, split: false, boundary: true }
                  : { text: ' ', quoted, split: !quoted },
              );
            out.push({ text: arg, quoted, split: !quoted });
          });
          break;
        }
        out.push({ text: await paramValue(part, host), quoted, split: !quoted });
        break;
      case 'cmd':
        out.push({ text: (await host.commandSubstitution(part.source)).replace(/\n+$/, ''), quoted, split: !quoted });
        break;
      case 'arith':
        out.push({
          text: String(evaluateArithmetic(await expandArithmeticText(part.expression, host), host.vars)),
          quoted,
          split: !quoted,
        });
        break;
    }
  }
}

/** Parameters and command substitutions inside $((...)) are expanded first. */
async function expandArithmeticText(expression: string, host: ExpansionHost): Promise<string> {
  if (!/[$`]/.test(expression)) return expression;
  const read = readWord(`"${expression.replace(/"/g, '\\"')}"`, 0);
  return read === 'incomplete' ? expression : expandString(read.word, host);
}

interface Field {
  segments: Segment[];
  hasQuoted: boolean;
}

function splitFields(segments: readonly Segment[], ifs: string): Field[] {
  const fields: Field[] = [];
  let current: Field = { segments: [], hasQuoted: false };
  let started = false;
  const push = () => {
    if (started) fields.push(current);
    current = { segments: [], hasQuoted: false };
    started = false;
  };
  for (const segment of segments) {
    if (segment.boundary) {
      push();
      started = true;
      current.hasQuoted = true;
      continue;
    }
    if (!segment.split) {
      current.segments.push(segment);
      started = true;
      if (segment.quoted) current.hasQuoted = true;
      continue;
    }
    // Unquoted expansion results split at IFS characters (runs count as one).
    let text = '';
    for (const char of segment.text) {
      if (!ifs.includes(char)) {
        text += char;
        continue;
      }
      if (text) current.segments.push({ text, quoted: false, split: false });
      if (text || started) {
        started = true;
        push();
      }
      text = '';
    }
    if (text) {
      current.segments.push({ text, quoted: false, split: false });
      started = true;
    }
  }
  push();
  return fields.filter((field) => field.hasQuoted || field.segments.some((segment) => segment.text !== ''));
}

function globField(field: Field, host: ExpansionHost): string[] {
  const text = field.segments.map((segment) => segment.text).join('');
  if (!field.segments.some((segment) => !segment.quoted && hasGlob(segment.text))) return [text];
  const pattern = field.segments
    .map((segment) => (segment.quoted ? segment.text.replace(/[*?[\]\\]/g, '\\$&') : segment.text))
    .join('');
  const matches = matchPaths(pattern, host);
  return matches.length ? matches : [text];
}

function matchPaths(pattern: string, host: ExpansionHost): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((component, index) => component !== '' || index === 0);
  let candidates = [absolute ? '/' : ''];
  for (const component of components) {
    if (component === '') continue;
    const next: string[] = [];
    for (const base of candidates) {
      const directory = base === '' ? host.cwd : base;
      if (!hasGlob(component)) {
        const path = base === '' ? component : `${base.replace(/\/$/, '')}/${component}`;
        next.push(path);
        continue;
      }
      const listing = host.fs.readDirectory(directory.startsWith('/') ? directory : `${host.cwd}/${directory}`);
      if (!listing.ok) continue;
      const regex = globToRegExp(component, { anchored: true });
      for (const name of [...listing.value].sort()) {
        if (name.startsWith('.') && !component.startsWith('.')) continue;
        if (regex.test(name)) next.push(base === '' ? name : `${base.replace(/\/$/, '')}/${name}`);
      }
    }
    candidates = next;
  }
  return candidates.filter((path) => {
    const full = path.startsWith('/') ? path : `${host.cwd}/${path}`;
    return path !== '' && host.fs.stat(full).ok;
  });
}

/** Words to fields: braces, expansions, splitting and globbing. */
export async function expandWords(words: readonly Word[], host: ExpansionHost): Promise<string[]> {
  const result: string[] = [];
  const ifs = host.vars.get('IFS') ?? ' \t\n';
  for (const word of words.flatMap(expandBraces)) {
    const segments: Segment[] = [];
    await segmentsOf(word.parts, host, false, segments);
    for (const field of splitFields(segments, ifs)) result.push(...globField(field, host));
  }
  return result;
}

/** One string, without splitting or globbing (assignments, redirect targets, case words). */
export async function expandString(word: Word, host: ExpansionHost): Promise<string> {
  const segments: Segment[] = [];
  await segmentsOf(word.parts, host, false, segments);
  return segments.map((segment) => segment.text).join('');
}

/** A `case` pattern or `[[ == ]]` operand: quoted characters match literally. */
export async function expandPattern(word: Word, host: ExpansionHost): Promise<RegExp> {
  const segments: Segment[] = [];
  await segmentsOf(word.parts, host, false, segments);
  const pattern = segments
    .map((segment) => (segment.quoted ? segment.text.replace(/[*?[\]\\]/g, '\\$&') : segment.text))
    .join('');
  return globToRegExp(pattern, { anchored: true });
}
