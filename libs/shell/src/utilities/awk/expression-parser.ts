// awk expressions by precedence: ?: || && in ~ comparison concatenation
// + * unary ^ ++ $ and primaries; statements build on this in parser.ts.
import type { Expr, LValue } from './ast';
import { AwkSyntaxError, type Token } from './lexer';

export class AwkExpressionParser {
  protected pos = 0;
  constructor(protected readonly tokens: Token[]) {}

  protected get token(): Token {
    return this.tokens[this.pos] ?? { kind: 'eof', text: 'end of file', line: 0 };
  }

  protected is(text: string, kind?: Token['kind']): boolean {
    return (
      this.token.text === text &&
      (kind === undefined ? this.token.kind === 'op' || this.token.kind === 'keyword' : this.token.kind === kind)
    );
  }

  protected fail(): never {
    const token = this.token;
    if (token.kind === 'eof') throw new AwkSyntaxError(token.line || this.lastLine(), 'end of file');
    throw new AwkSyntaxError(token.line, token.kind === 'newline' ? 'end of line' : token.text);
  }

  protected lastLine(): number {
    return this.tokens[this.tokens.length - 2]?.line ?? 1;
  }

  protected expect(text: string): void {
    if (!this.is(text)) this.fail();
    this.pos++;
  }

  protected newlines(): void {
    while (this.token.kind === 'newline') this.pos++;
  }

  protected terminators(): void {
    while (this.token.kind === 'newline' || this.is(';')) this.pos++;
  }

  protected exprList(close: string, noGt = false): Expr[] {
    const list: Expr[] = [];
    this.newlines();
    while (!this.is(close)) {
      list.push(this.expr(noGt));
      this.newlines();
      if (this.is(',')) {
        this.pos++;
        this.newlines();
      } else if (!this.is(close)) this.fail();
    }
    this.pos++;
    return list;
  }

  expr(noGt = false): Expr {
    return this.ternary(noGt);
  }

  private ternary(noGt: boolean): Expr {
    const test = this.or(noGt);
    if (this.is('?')) {
      this.pos++;
      this.newlines();
      const yes = this.ternary(noGt);
      this.newlines();
      this.expect(':');
      this.newlines();
      const no = this.ternary(noGt);
      return { k: 'cond', test, yes, no };
    }
    if (['=', '+=', '-=', '*=', '/=', '%=', '^='].some((op) => this.is(op))) {
      if (test.k !== 'var' && test.k !== 'field' && test.k !== 'elem') this.fail();
      const op = this.token.text;
      this.pos++;
      this.newlines();
      return { k: 'assign', op, target: test, value: this.ternary(noGt) };
    }
    return test;
  }

  private or(noGt: boolean): Expr {
    let left = this.and(noGt);
    while (this.is('||')) {
      this.pos++;
      this.newlines();
      left = { k: 'logic', op: '||', left, right: this.and(noGt) };
    }
    return left;
  }

  private and(noGt: boolean): Expr {
    let left = this.inExpr(noGt);
    while (this.is('&&')) {
      this.pos++;
      this.newlines();
      left = { k: 'logic', op: '&&', left, right: this.inExpr(noGt) };
    }
    return left;
  }

  private inExpr(noGt: boolean): Expr {
    let left = this.matchExpr(noGt);
    while (this.is('in')) {
      this.pos++;
      const name = this.token.text;
      this.pos++;
      left = {
        k: 'in',
        subs: left.k === 'group' && left.e.k === 'binary' && left.e.op === ',' ? flatten(left.e) : [left],
        name,
      };
    }
    return left;
  }

  private matchExpr(noGt: boolean): Expr {
    let left = this.comparison(noGt);
    while (this.is('~') || this.is('!~')) {
      const negate = this.token.text === '!~';
      this.pos++;
      left = { k: 'match', negate, left, right: this.comparison(noGt) };
    }
    return left;
  }

  private comparison(noGt: boolean): Expr {
    const left = this.concatenation();
    const ops = noGt ? ['<', '<=', '!=', '==', '>='] : ['<', '<=', '!=', '==', '>', '>='];
    if (ops.some((op) => this.is(op))) {
      const op = this.token.text;
      this.pos++;
      return { k: 'binary', op, left, right: this.concatenation() };
    }
    return left;
  }

  protected concatenation(): Expr {
    let left = this.additive();
    for (;;) {
      const token = this.token;
      // Juxtaposition concatenates; `-`, `+` and `!` stay binary/unary operators here.
      const startsOperand =
        ['number', 'string', 'name', 'funcname', 'builtin'].includes(token.kind) ||
        (token.kind === 'op' && ['$', '(', '++', '--'].includes(token.text));
      if (!startsOperand) break;
      left = { k: 'binary', op: ' ', left, right: this.additive() };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.token.text;
      this.pos++;
      left = { k: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.token.text;
      this.pos++;
      left = { k: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.token.text;
      this.pos++;
      return { k: 'unary', op, operand: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.is('^')) {
      this.pos++;
      // Right associative, and binds tighter than unary minus on its left only.
      const exponent = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.power();
      return { k: 'binary', op: '^', left: base, right: exponent };
    }
    return base;
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.token.text as '++' | '--';
      this.pos++;
      const target = this.postfix();
      if (target.k !== 'var' && target.k !== 'field' && target.k !== 'elem') this.fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const operand = this.primary();
    if ((operand.k === 'var' || operand.k === 'field' || operand.k === 'elem') && (this.is('++') || this.is('--'))) {
      const op = this.token.text as '++' | '--';
      this.pos++;
      return { k: 'incdec', op, prefix: false, target: operand };
    }
    return operand;
  }

  private primary(): Expr {
    const token = this.token;
    switch (token.kind) {
      case 'number':
        this.pos++;
        return { k: 'num', v: Number(token.text) };
      case 'string':
        this.pos++;
        return { k: 'str', v: token.text };
      case 'regex':
        this.pos++;
        return { k: 'regex', source: token.text };
      case 'funcname': {
        this.pos++;
        this.expect('(');
        return { k: 'call', name: token.text, args: this.exprList(')') };
      }
      case 'builtin': {
        this.pos++;
        if (this.is('(')) {
          this.pos++;
          return { k: 'builtin', name: token.text, args: this.exprList(')') };
        }
        if (token.text === 'length') return { k: 'builtin', name: 'length', args: [] };
        return this.fail();
      }
      case 'name': {
        this.pos++;
        if (this.is('[')) {
          this.pos++;
          return { k: 'elem', name: token.text, subs: this.exprList(']') };
        }
        return { k: 'var', name: token.text };
      }
      case 'keyword':
        if (token.text === 'getline') {
          this.pos++;
          let target: LValue | undefined;
          if (this.token.kind === 'name' || this.is('$')) {
            const operand = this.postfix();
            if (operand.k === 'var' || operand.k === 'field' || operand.k === 'elem') target = operand;
          }
          let file: Expr | undefined;
          if (this.is('<')) {
            this.pos++;
            file = this.primary();
          }
          return { k: 'getline', target, file };
        }
        return this.fail();
      case 'op':
        if (token.text === '$') {
          this.pos++;
          if (this.is('++') || this.is('--') || this.is('-')) return { k: 'field', index: this.unary() };
          return { k: 'field', index: this.primary() };
        }
        if (token.text === '(') {
          this.pos++;
          this.newlines();
          const first = this.expr();
          if (this.is(',')) {
            this.pos++;
            const rest = this.exprList(')');
            const grouped = [first, ...rest].reduce((left, right) => ({ k: 'binary', op: ',', left, right }));
            return { k: 'group', e: grouped };
          }
          this.newlines();
          this.expect(')');
          return { k: 'group', e: first };
        }
        return this.fail();
      default:
        return this.fail();
    }
  }
}

function flatten(expr: Expr): Expr[] {
  return expr.k === 'binary' && expr.op === ',' ? [...flatten(expr.left), ...flatten(expr.right)] : [expr];
}
