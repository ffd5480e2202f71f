// Reading one shell word: quotes, escapes, $-expansions, backquotes and
// tildes, into the parts that expansion works on.
import type { Word, WordPart } from './ast';

const META = /[\s;&|()<>]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0']);

/** Index just past the `)` matching the `(` before `start`, skipping quotes and nesting; -1 if none. */
export function matchParen(src: string, start: number): number {
  let depth = 1;
  for (let i = start; i < src.length; i++) {
    const char = src[i];
    if (char === '\\') i++;
    else if (char === "'") {
      const end = src.indexOf("'", i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (char === '"') {
      const end = matchDoubleQuote(src, i + 1);
      if (end === -1) return -1;
      i = end - 1;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Index just past the closing `"` of a string starting at `start`; -1 if none. */
function matchDoubleQuote(src: string, start: number): number {
  for (let i = start; i < src.length; i++) {
    const char = src[i];
    if (char === '\\') i++;
    else if (char === '"') return i + 1;
    else if (char === '$' && src[i + 1] === '(') {
      const end = matchParen(src, i + 2);
      if (end === -1) return -1;
      i = end - 1;
    } else if (char === '`') {
      const end = src.indexOf('`', i + 1);
      if (end === -1) return -1;
      i = end;
    }
  }
  return -1;
}

function matchBrace(src: string, start: number): number {
  let depth = 1;
  for (let i = start; i < src.length; i++) {
    const char = src[i];
    if (char === '\\') i++;
    else if (char === "'" || char === '"') {
      const end = char === "'" ? src.indexOf("'", i + 1) : matchDoubleQuote(src, i + 1) - 1;
      if (end < 0) return -1;
      i = end;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

function ansiC(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, code: string) => {
    if (code.startsWith('x')) return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]+$/.test(code)) return String.fromCharCode(parseInt(code, 8));
    return ANSI_C[code] ?? `\\${code}`;
  });
}

type Read = { part: WordPart; end: number } | 'incomplete';

/** `${...}`: the name and its operator. */
function braceParam(body: string): WordPart {
  if (body.startsWith('#') && body.length > 1) return { type: 'param', name: body.slice(1), length: true };
  const match = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[?$#@*!\-0])(.*)$/s.exec(body);
  if (!match) return { type: 'param', name: body, op: 'bad' };
  const [, name = '', rest = ''] = match;
  if (rest === '') return { type: 'param', name };
  const op = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|:)/.exec(rest)?.[1];
  if (!op) return { type: 'param', name, op: 'bad' };
  return { type: 'param', name, op, arg: parseLooseWord(rest.slice(op.length)) };
}

/** `$...` at `i` (src[i] === '$'). */
function readDollar(src: string, i: number, quoted: boolean): Read {
  const next = src[i + 1] ?? '';
  if (src.startsWith('$((', i)) {
    const end = matchParen(src, i + 3);
    if (end === -1 || src[end] !== ')') {
      if (end === -1) return 'incomplete';
    } else return { part: { type: 'arith', expression: src.slice(i + 3, end - 1) }, end: end + 1 };
  }
  if (next === '(') {
    const end = matchParen(src, i + 2);
    if (end === -1) return 'incomplete';
    return { part: { type: 'cmd', source: src.slice(i + 2, end - 1) }, end };
  }
  if (next === '{') {
    const end = matchBrace(src, i + 2);
    if (end === -1) return 'incomplete';
    return { part: braceParam(src.slice(i + 2, end - 1)), end };
  }
  if (!quoted && next === "'") {
    let j = i + 2;
    for (; j < src.length && src[j] !== "'"; j++) if (src[j] === '\\') j++;
    if (j >= src.length) return 'incomplete';
    return { part: { type: 'quoted', text: ansiC(src.slice(i + 2, j)) }, end: j + 1 };
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1))?.[0];
  if (name) return { part: { type: 'param', name }, end: i + 1 + name.length };
  if (/\d/.test(next) || SPECIAL_PARAMS.has(next)) return { part: { type: 'param', name: next }, end: i + 2 };
  return { part: quoted ? { type: 'quoted', text: '$' } : { type: 'lit', text: '$' }, end: i + 1 };
}

function readBackquote(src: string, i: number): Read {
  let source = '';
  for (let j = i + 1; j < src.length; j++) {
    const char = src[j];
    if (char === '\\' && /[$`\\]/.test(src[j + 1] ?? '')) source += src[++j];
    else if (char === '`') return { part: { type: 'cmd', source }, end: j + 1 };
    else source += char;
  }
  return 'incomplete';
}

function readDoubleQuoted(src: string, start: number): Read {
  const parts: WordPart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ type: 'quoted', text });
    text = '';
  };
  for (let i = start; i < src.length;) {
    const char = src[i] ?? '';
    if (char === '"') {
      flush();
      return { part: { type: 'dq', parts }, end: i + 1 };
    }
    if (char === '\\') {
      const next = src[i + 1] ?? '';
      if (next === '\n') i += 2;
      else if (/[$`"\\]/.test(next)) {
        text += next;
        i += 2;
      } else {
        text += char;
        i++;
      }
      continue;
    }
    if (char === '$' || char === '`') {
      const read = char === '$' ? readDollar(src, i, true) : readBackquote(src, i);
      if (read === 'incomplete') return read;
      if (read.part.type === 'quoted') text += read.part.text;
      else {
        flush();
        parts.push(read.part);
      }
      i = read.end;
      continue;
    }
    text += char;
    i++;
  }
  return 'incomplete';
}

/** One word starting at `start`; its parts and where it ends. */
export function readWord(src: string, start: number): { word: Word; end: number } | 'incomplete' {
  const parts: WordPart[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ type: 'lit', text: lit });
    lit = '';
  };
  let i = start;
  if (src[i] === '~') {
    const user = /^~([A-Za-z0-9_.-]*)(?=\/|$|[\s;&|()<>])/.exec(src.slice(i));
    if (user) {
      parts.push({ type: 'tilde', user: user[1] ?? '' });
      i += user[0].length;
    }
  }
  while (i < src.length) {
    const char = src[i] ?? '';
    if (META.test(char)) break;
    if (char === '\\') {
      if (src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 >= src.length) return 'incomplete';
      flush();
      parts.push({ type: 'quoted', text: src[i + 1] ?? '' });
      i += 2;
    } else if (char === "'") {
      const end = src.indexOf("'", i + 1);
      if (end === -1) return 'incomplete';
      flush();
      parts.push({ type: 'quoted', text: src.slice(i + 1, end) });
      i = end + 1;
    } else if (char === '"' || char === '$' || char === '`') {
      // $"..." is a translatable string: the same as "...".
      const translatable = char === '$' && src[i + 1] === '"';
      const read =
        char === '"' || translatable
          ? readDoubleQuoted(src, i + (translatable ? 2 : 1))
          : char === '$'
            ? readDollar(src, i, false)
            : readBackquote(src, i);
      if (read === 'incomplete') return read;
      flush();
      parts.push(read.part);
      i = read.end;
    } else {
      lit += char;
      i++;
    }
  }
  flush();
  return { word: { parts, raw: src.slice(start, i) }, end: i };
}

/** The word inside `${x:-...}`: spaces are part of it. */
export function parseLooseWord(text: string): Word {
  const parts: WordPart[] = [];
  let position = 0;
  while (position < text.length) {
    const space = /^\s+/.exec(text.slice(position));
    if (space) {
      parts.push({ type: 'lit', text: space[0] });
      position += space[0].length;
      continue;
    }
    const read = readWord(text, position);
    if (read === 'incomplete' || read.end === position) {
      parts.push({ type: 'lit', text: text.slice(position) });
      break;
    }
    parts.push(...read.word.parts);
    position = read.end;
    if (META.test(text[position] ?? '') && !/\s/.test(text[position] ?? '')) {
      parts.push({ type: 'lit', text: text[position] ?? '' });
      position++;
    }
  }
  return { parts, raw: text };
}
