// Tokens of a jq program, and jq's syntax error wording.
export class JqCompileError extends Error {}

export type Token = {
  kind: 'num' | 'str' | 'ident' | 'field' | 'var' | 'format' | 'op' | 'keyword' | 'eof';
  text: string;
  start: number;
};

const KEYWORDS = new Set([
  'if',
  'then',
  'elif',
  'else',
  'end',
  'as',
  'def',
  'reduce',
  'foreach',
  'try',
  'catch',
  'and',
  'or',
  'not_kw',
  '__loc__',
]);
const OPS = [
  '?//',
  '|=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '//=',
  '==',
  '!=',
  '<=',
  '>=',
  '//',
  '..',
  '|',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '<',
  '>',
  '.',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ':',
  ';',
  '?',
];

/** jq 1.6 prints the program followed by as many spaces as the failing token's offset. */
export function syntaxError(source: string, unexpected: string, at = 0): JqCompileError {
  return new JqCompileError(
    `jq: error: syntax error, unexpected ${unexpected} (Unix shell quoting issues?) at <top-level>, line 1:\n${source}${' '.repeat(at)}\njq: 1 compile error`,
  );
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (char === '"') {
      // Strings keep their raw text; interpolations are parsed later.
      const start = i++;
      let depth = 0;
      while (i < source.length) {
        if (source[i] === '\\' && source[i + 1] === '(') {
          depth++;
          i += 2;
          continue;
        }
        if (depth > 0 && source[i] === '(') depth++;
        else if (depth > 0 && source[i] === ')') depth--;
        else if (depth === 0 && source[i] === '\\') i++;
        else if (depth === 0 && source[i] === '"') break;
        i++;
      }
      if (i >= source.length) throw syntaxError(source, '$end', start);
      tokens.push({ kind: 'str', text: source.slice(start + 1, i), start });
      i++;
      continue;
    }
    const rest = source.slice(i);
    const number = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(rest);
    if (number) {
      tokens.push({ kind: 'num', text: number[0], start: i });
      i += number[0].length;
      continue;
    }
    const field = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (field) {
      tokens.push({ kind: 'field', text: field[1] ?? '', start: i });
      i += field[0].length;
      continue;
    }
    const word = /^(\$|@)?([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)/.exec(rest);
    if (word) {
      const name = word[2] ?? '';
      if (word[1] === '$') tokens.push({ kind: 'var', text: name, start: i });
      else if (word[1] === '@') tokens.push({ kind: 'format', text: name, start: i });
      else tokens.push({ kind: KEYWORDS.has(name) ? 'keyword' : 'ident', text: name, start: i });
      i += word[0].length;
      continue;
    }
    const op = OPS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw syntaxError(source, `INVALID_CHARACTER`, i);
    tokens.push({ kind: 'op', text: op, start: i });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '$end', start: tokens[tokens.length - 1]?.start ?? 0 });
  return tokens;
}
