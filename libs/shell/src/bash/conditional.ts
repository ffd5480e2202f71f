// `[[ ... ]]`: string, pattern, regex, integer and file tests with && || !
// and parentheses; words are expanded without splitting or globbing.
import { resolvePath, type CommandIO } from '../runtime/command';
import type { Word } from './ast';
import { expandPattern, expandString, type ExpansionHost } from './expand';

const INTEGER_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

class ConditionalEvaluator {
  private position = 0;

  constructor(
    private readonly words: readonly Word[],
    private readonly host: ExpansionHost,
  ) {}

  private raw(offset = 0): string | undefined {
    return this.words[this.position + offset]?.raw;
  }

  async run(): Promise<boolean> {
    return this.or();
  }

  private async or(): Promise<boolean> {
    let value = await this.and();
    while (this.raw() === '||') {
      this.position++;
      const right = await this.and();
      value = value || right;
    }
    return value;
  }

  private async and(): Promise<boolean> {
    let value = await this.not();
    while (this.raw() === '&&') {
      this.position++;
      const right = await this.not();
      value = value && right;
    }
    return value;
  }

  private async not(): Promise<boolean> {
    if (this.raw() === '!') {
      this.position++;
      return !(await this.not());
    }
    if (this.raw() === '(') {
      this.position++;
      const value = await this.or();
      if (this.raw() === ')') this.position++;
      return value;
    }
    return this.primary();
  }

  private async text(): Promise<string> {
    const word = this.words[this.position++];
    return word ? expandString(word, this.host) : '';
  }

  private async primary(): Promise<boolean> {
    const first = this.raw() ?? '';
    const operator = this.raw(1);
    if (/^-[a-zA-Z]$/.test(first) && this.words.length - this.position >= 2 && !INTEGER_OPS[operator ?? '']) {
      this.position++;
      return this.unary(first, await this.text());
    }
    const left = await this.text();
    const op = this.raw();
    if (op === undefined || op === '&&' || op === '||' || op === ')') return left !== '';
    this.position++;
    const rightWord = this.words[this.position++];
    if (!rightWord) return false;
    if (op === '==' || op === '=' || op === '!=') {
      const matches = (await expandPattern(rightWord, this.host)).test(left);
      return op === '!=' ? !matches : matches;
    }
    const right = await expandString(rightWord, this.host);
    if (op === '=~') return new RegExp(right).test(left);
    if (op === '<') return left < right;
    if (op === '>') return left > right;
    const integer = INTEGER_OPS[op];
    if (integer) return integer(Number(left) || 0, Number(right) || 0);
    throw new Error(`conditional binary operator expected`);
  }

  private unary(op: string, operand: string): boolean {
    if (op === '-z') return operand === '';
    if (op === '-n') return operand !== '';
    if (op === '-v') return this.host.vars.get(operand) !== undefined;
    const stat = this.host.fs.stat(resolvePath(this.host.cwd, operand, this.host.home));
    switch (op) {
      case '-e':
      case '-a':
        return stat.ok;
      case '-f':
        return stat.ok && stat.value.type === 'file';
      case '-d':
        return stat.ok && stat.value.type === 'directory';
      case '-s':
        return stat.ok && stat.value.size > 0;
      case '-r':
      case '-w':
        return stat.ok;
      case '-x':
        return stat.ok && (stat.value.mode & 0o111) !== 0;
      default:
        return false;
    }
  }
}

export async function conditionalTest(
  words: readonly Word[],
  host: ExpansionHost,
  io: CommandIO,
  prefix: string,
): Promise<number> {
  try {
    return (await new ConditionalEvaluator(words, host).run()) ? 0 : 1;
  } catch (error) {
    io.stderr.write(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
