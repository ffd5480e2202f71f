// bash's builtin test / [: string, integer and file tests, ! -a -o and
// parentheses, with bash's messages (`bash: [: missing `]'`) and status 2.
import type { Command, CommandContext } from '../runtime/command';
import { absolute } from './support/io';

class TestError extends Error {}

const UNARY_FILE = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-L',
  '-h',
  '-p',
  '-S',
  '-b',
  '-c',
  '-g',
  '-u',
  '-k',
  '-O',
  '-G',
  '-N',
  '-a',
]);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function integer(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw new TestError(`${text}: integer expression expected`);
  return Number(trimmed);
}

function unary(ctx: CommandContext, op: string, operand: string): boolean {
  if (op === '-z') return operand === '';
  if (op === '-n') return operand !== '';
  if (op === '-t') return false;
  if (op === '-v') return ctx.env[operand] !== undefined;
  const stat = ctx.session.fs.stat(absolute(ctx, operand));
  if (!stat.ok) return false;
  switch (op) {
    case '-f':
      return stat.value.type === 'file';
    case '-d':
      return stat.value.type === 'directory';
    case '-s':
      return stat.value.size > 0;
    case '-x':
      return (stat.value.mode & 0o111) !== 0;
    case '-L':
    case '-h':
    case '-p':
    case '-S':
    case '-b':
    case '-c':
    case '-g':
    case '-u':
    case '-k':
      return false;
    default:
      return true;
  }
}

function binary(ctx: CommandContext, left: string, op: string, right: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-nt':
    case '-ot': {
      const a = ctx.session.fs.stat(absolute(ctx, left));
      const b = ctx.session.fs.stat(absolute(ctx, right));
      if (!a.ok || !b.ok) return op === '-nt' ? a.ok : b.ok;
      return op === '-nt' ? a.value.mtime > b.value.mtime : a.value.mtime < b.value.mtime;
    }
    case '-ef':
      return absolute(ctx, left) === absolute(ctx, right) && ctx.session.fs.stat(absolute(ctx, left)).ok;
  }
  const a = integer(left);
  const b = integer(right);
  return op === '-eq'
    ? a === b
    : op === '-ne'
      ? a !== b
      : op === '-lt'
        ? a < b
        : op === '-le'
          ? a <= b
          : op === '-gt'
            ? a > b
            : a >= b;
}

/** POSIX's rules by argument count, falling back to a precedence parser for longer expressions. */
function evaluate(ctx: CommandContext, args: string[]): boolean {
  const [a = '', b = '', c = '', d = ''] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (a === '-z' || a === '-n' || UNARY_FILE.has(a) || a === '-t' || a === '-v') return unary(ctx, a, b);
      throw new TestError(`${a}: unary operator expected`);
    case 3:
      if (BINARY.has(b)) return binary(ctx, a, b, c);
      if (b === '-a') return a !== '' && c !== '';
      if (b === '-o') return a !== '' || c !== '';
      if (a === '!') return !evaluate(ctx, [b, c]);
      if (a === '(' && c === ')') return b !== '';
      throw new TestError(`${b}: binary operator expected`);
    case 4:
      if (a === '!') return !evaluate(ctx, [b, c, d]);
      if (a === '(' && d === ')') return evaluate(ctx, [b, c]);
  }
  return new ExpressionParser(ctx, args).parse();
}

class ExpressionParser {
  private index = 0;
  constructor(
    private readonly ctx: CommandContext,
    private readonly args: string[],
  ) {}

  parse(): boolean {
    const value = this.or();
    if (this.index < this.args.length) throw new TestError('too many arguments');
    return value;
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.index] === '-o') {
      this.index++;
      const right = this.and();
      value = value || right;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.args[this.index] === '-a') {
      this.index++;
      const right = this.not();
      value = value && right;
    }
    return value;
  }

  private not(): boolean {
    if (this.args[this.index] === '!') {
      this.index++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const args = this.args;
    const token = args[this.index];
    if (token === undefined) throw new TestError('argument expected');
    if (token === '(') {
      this.index++;
      const value = this.or();
      if (args[this.index] !== ')') throw new TestError("`)' expected");
      this.index++;
      return value;
    }
    const next = args[this.index + 1];
    if (next !== undefined && BINARY.has(next) && args[this.index + 2] !== undefined) {
      this.index += 3;
      return binary(this.ctx, token, next, args[this.index - 1] ?? '');
    }
    if ((token === '-z' || token === '-n' || UNARY_FILE.has(token)) && next !== undefined) {
      this.index += 2;
      return unary(this.ctx, token, next);
    }
    this.index++;
    return token !== '';
  }
}

export const test: Command = (ctx) => {
  const name = ctx.args[0] ?? 'test';
  let args = ctx.args.slice(1);
  const prefix = ctx.flavour === 'busybox' ? `sh: ${name}: ` : `bash: ${name}: `;
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.stderr.write(`${prefix}missing \`]'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (error) {
    ctx.stderr.write(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
};
