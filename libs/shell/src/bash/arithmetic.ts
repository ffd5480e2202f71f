// Shell arithmetic ($((...)), ((...)), for ((;;))): 64-bit integers, C
// operators and precedence, variables by name, assignments and ++/--.

export class ArithmeticError extends Error {}

export interface ArithmeticVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Token = { kind: 'num'; value: number } | { kind: 'name'; name: string } | { kind: 'op'; op: string };

const OPERATORS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '~',
  '&',
  '|',
  '^',
  '?',
  ':',
  '=',
  '(',
  ')',
  ',',
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const number = /^(0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+)/.exec(rest);
    if (number?.[1]) {
      tokens.push({ kind: 'num', value: parseNumber(number[1]) });
      i += number[1].length;
      continue;
    }
    const name = /^\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(rest);
    if (name?.[1]) {
      tokens.push({ kind: 'name', name: name[1] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw new ArithmeticError(`syntax error: operand expected (error token is "${rest}")`);
    tokens.push({ kind: 'op', op });
    i += op.length;
  }
  return tokens;
}

function parseNumber(text: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text, 16);
  const based = /^(\d+)#(.+)$/.exec(text);
  if (based) return parseInt(based[2] ?? '', Number(based[1]));
  if (/^0\d+$/.test(text)) {
    if (/[89]/.test(text)) throw new ArithmeticError(`${text}: value too great for base (error token is "${text}")`);
    return parseInt(text, 8);
  }
  return Number(text);
}

const BINARY: Array<{ ops: string[]; apply: (a: number, b: number, op: string) => number }> = [
  { ops: ['||'], apply: (a, b) => (a || b ? 1 : 0) },
  { ops: ['&&'], apply: (a, b) => (a && b ? 1 : 0) },
  { ops: ['|'], apply: (a, b) => a | b },
  { ops: ['^'], apply: (a, b) => a ^ b },
  { ops: ['&'], apply: (a, b) => a & b },
  { ops: ['==', '!='], apply: (a, b, op) => ((op === '==') === (a === b) ? 1 : 0) },
  { ops: ['<', '>', '<=', '>='], apply: (a, b, op) => (compare(a, b, op) ? 1 : 0) },
  { ops: ['<<', '>>'], apply: (a, b, op) => (op === '<<' ? a << b : a >> b) },
  { ops: ['+', '-'], apply: (a, b, op) => (op === '+' ? a + b : a - b) },
  { ops: ['*', '/', '%'], apply: divide },
];

function compare(a: number, b: number, op: string): boolean {
  return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
}

function divide(a: number, b: number, op: string): number {
  if (op === '*') return Math.trunc(a * b);
  if (b === 0) throw new ArithmeticError('division by 0');
  return op === '/' ? Math.trunc(a / b) : a % b;
}

class Evaluator {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly vars: ArithmeticVariables,
  ) {}

  private peekOp(): string | undefined {
    const token = this.tokens[this.position];
    return token?.kind === 'op' ? token.op : undefined;
  }

  private value(name: string): number {
    const text = this.vars.get(name) ?? '';
    if (text.trim() === '') return 0;
    if (/^\s*-?\d+\s*$/.test(text)) return Number(text);
    return evaluateArithmetic(text, this.vars);
  }

  run(): number {
    if (this.tokens.length === 0) return 0;
    const result = this.comma();
    if (this.position < this.tokens.length) {
      throw new ArithmeticError(`syntax error in expression (error token is "${this.rest()}")`);
    }
    return result;
  }

  private rest(): string {
    return this.tokens
      .slice(this.position)
      .map((token) => (token.kind === 'num' ? String(token.value) : token.kind === 'name' ? token.name : token.op))
      .join(' ');
  }

  private comma(): number {
    let value = this.assignment();
    while (this.peekOp() === ',') {
      this.position++;
      value = this.assignment();
    }
    return value;
  }

  private assignment(): number {
    const token = this.tokens[this.position];
    const op = this.tokens[this.position + 1];
    if (token?.kind === 'name' && op?.kind === 'op' && /^([-+*/%&|^]|<<|>>)?=$/.test(op.op)) {
      this.position += 2;
      const right = this.assignment();
      const base = op.op.slice(0, -1);
      const value = base ? this.binary(base, this.value(token.name), right) : right;
      this.vars.set(token.name, String(value));
      return value;
    }
    return this.conditional();
  }

  private binary(op: string, a: number, b: number): number {
    const level = BINARY.find((candidate) => candidate.ops.includes(op));
    if (op === '**') return a ** b;
    if (!level) throw new ArithmeticError(`syntax error: invalid arithmetic operator (error token is "${op}")`);
    return level.apply(a, b, op);
  }

  private conditional(): number {
    const condition = this.level(0);
    if (this.peekOp() !== '?') return condition;
    this.position++;
    const yes = this.assignment();
    if (this.peekOp() !== ':') throw new ArithmeticError(`\`:' expected for conditional expression`);
    this.position++;
    const no = this.assignment();
    return condition ? yes : no;
  }

  private level(index: number): number {
    const current = BINARY[index];
    if (!current) return this.power();
    let left = this.level(index + 1);
    for (let op = this.peekOp(); op && current.ops.includes(op); op = this.peekOp()) {
      this.position++;
      left = current.apply(left, this.level(index + 1), op);
    }
    return left;
  }

  private power(): number {
    const base = this.unary();
    if (this.peekOp() !== '**') return base;
    this.position++;
    return base ** this.power();
  }

  private unary(): number {
    const op = this.peekOp();
    if (op === '-' || op === '+' || op === '!' || op === '~') {
      this.position++;
      const value = this.unary();
      return op === '-' ? -value : op === '+' ? value : op === '!' ? (value ? 0 : 1) : ~value;
    }
    if (op === '++' || op === '--') {
      this.position++;
      const token = this.tokens[this.position++];
      if (token?.kind !== 'name') throw new ArithmeticError('syntax error: operand expected');
      const value = this.value(token.name) + (op === '++' ? 1 : -1);
      this.vars.set(token.name, String(value));
      return value;
    }
    return this.postfix();
  }

  private postfix(): number {
    const token = this.tokens[this.position++];
    if (!token) throw new ArithmeticError('syntax error: operand expected (error token is "")');
    if (token.kind === 'num') return token.value;
    if (token.kind === 'name') {
      const op = this.peekOp();
      const value = this.value(token.name);
      if (op === '++' || op === '--') {
        this.position++;
        this.vars.set(token.name, String(value + (op === '++' ? 1 : -1)));
      }
      return value;
    }
    if (token.op === '(') {
      const value = this.comma();
      if (this.peekOp() !== ')') throw new ArithmeticError("missing `)'");
      this.position++;
      return value;
    }
    throw new ArithmeticError(
      `syntax error: operand expected (error token is "${token.op}${this.rest() ? ` ${this.rest()}` : ''}")`,
    );
  }
}

export function evaluateArithmetic(expression: string, vars: ArithmeticVariables): number {
  return new Evaluator(tokenize(expression), vars).run();
}
