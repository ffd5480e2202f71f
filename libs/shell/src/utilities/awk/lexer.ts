// Tokens of an awk program. Newlines are significant (they end statements)
// and `/` starts a regex literal wherever an operand is expected.
export type TokenKind =
  'number' | 'string' | 'regex' | 'name' | 'funcname' | 'builtin' | 'keyword' | 'op' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

export class AwkSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly near: string,
  ) {
    super(`syntax error at or near ${near}`);
  }
}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);

const OPERATORS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

const STRING_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Whether a `/` after this token divides (an operand just ended) rather than starting a regex. */
function endsOperand(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'number' || token.kind === 'string' || token.kind === 'name' || token.kind === 'regex')
    return true;
  if (token.kind === 'builtin') return true;
  return (
    token.kind === 'op' &&
    (token.text === ')' || token.text === ']' || token.text === '$' || token.text === '++' || token.text === '--')
  );
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const push = (kind: TokenKind, text: string) => tokens.push({ kind, text, line });
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
      continue;
    }
    if (char === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (char === '\n') {
      push('newline', '\n');
      line++;
      i++;
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(0[xX][0-9a-fA-F]+|\d*\.?\d*(?:[eE][+-]?\d+)?)/.exec(source.slice(i));
      const text = match?.[0] ?? char;
      push('number', text);
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? char;
      i += text.length;
      if (KEYWORDS.has(text)) push('keyword', text === 'func' ? 'function' : text);
      else if (BUILTINS.has(text)) push('builtin', text);
      else push(source[i] === '(' ? 'funcname' : 'name', text);
      continue;
    }
    if (char === '"') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\n')
          throw new AwkSyntaxError(line, 'runaway string constant "' + text.slice(0, 10) + ' ...');
        if (source[i] === '\\' && i + 1 < source.length) {
          const next = source[i + 1] ?? '';
          const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1));
          if (octal) {
            text += String.fromCharCode(parseInt(octal[0], 8));
            i += 1 + octal[0].length;
            continue;
          }
          text += STRING_ESCAPES[next] ?? `\\${next}`;
          i += 2;
          continue;
        }
        text += source[i++] ?? '';
      }
      i++;
      push('string', text);
      continue;
    }
    if (char === '/' && !endsOperand(tokens[tokens.length - 1])) {
      let text = '';
      i++;
      let inClass = false;
      while (i < source.length && (source[i] !== '/' || inClass)) {
        if (source[i] === '\n') throw new AwkSyntaxError(line, `runaway regular expression /${text.slice(0, 10)} ...`);
        if (source[i] === '\\' && i + 1 < source.length) {
          text += source[i + 1] === '/' ? '/' : `\\${source[i + 1] ?? ''}`;
          i += 2;
          continue;
        }
        if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        text += source[i++] ?? '';
      }
      i++;
      push('regex', text);
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new AwkSyntaxError(line, char);
    push('op', op === '**' ? '^' : op);
    i += op.length;
  }
  push('eof', 'end of file');
  return tokens;
}
