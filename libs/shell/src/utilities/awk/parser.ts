// A recursive-descent parser for awk programs: rules, functions and
// statements (expressions are in expression-parser.ts).
import type { AwkFunction, AwkProgram, Expr, LValue, Redirect, Rule, Stmt } from './ast';
import { AwkExpressionParser } from './expression-parser';
import { tokenize } from './lexer';

export function parseAwk(source: string): AwkProgram {
  return new Parser(tokenize(source)).program();
}

class Parser extends AwkExpressionParser {
  program(): AwkProgram {
    const rules: Rule[] = [];
    const functions = new Map<string, AwkFunction>();
    this.terminators();
    while (this.token.kind !== 'eof') {
      if (this.is('function')) {
        const fn = this.functionDefinition();
        functions.set(fn.name, fn);
      } else if (this.is('BEGIN') || this.is('END')) {
        const kind = this.token.text === 'BEGIN' ? 'begin' : 'end';
        this.pos++;
        this.newlines();
        rules.push({ kind, action: this.block() });
      } else {
        const rule: Rule = { kind: 'main' };
        if (!this.is('{')) {
          rule.pattern = this.expr();
          if (this.is(',')) {
            this.pos++;
            this.newlines();
            rule.rangeEnd = this.expr();
          }
        }
        if (this.is('{')) rule.action = this.block();
        rules.push(rule);
      }
      // An item ending in `}` needs no separator before the next one.
      const closedBrace = this.tokens[this.pos - 1]?.text === '}';
      if (!closedBrace && !this.atStatementEnd()) this.fail();
      this.terminators();
    }
    return { rules, functions };
  }

  private functionDefinition(): AwkFunction {
    this.pos++;
    const name = this.token.text;
    if (this.token.kind !== 'name' && this.token.kind !== 'funcname') this.fail();
    this.pos++;
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      if (this.token.kind !== 'name') this.fail();
      params.push(this.token.text);
      this.pos++;
      if (this.is(',')) {
        this.pos++;
        this.newlines();
      } else if (!this.is(')')) this.fail();
    }
    this.pos++;
    this.newlines();
    return { name, params, body: this.block() };
  }

  private block(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is('}')) {
      if (this.token.kind === 'eof') this.fail();
      body.push(this.statement());
      this.terminators();
    }
    this.pos++;
    return body;
  }

  /** A statement, including its terminator when it is `;` or a newline. */
  private statement(): Stmt {
    const token = this.token;
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (token.kind === 'keyword') {
      switch (token.text) {
        case 'if': {
          this.pos++;
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          this.newlines();
          const then = this.statementOrEmpty();
          const save = this.pos;
          this.terminators();
          if (this.is('else')) {
            this.pos++;
            this.newlines();
            return { k: 'if', test, then, else: this.statementOrEmpty() };
          }
          this.pos = save;
          return { k: 'if', test, then };
        }
        case 'while': {
          this.pos++;
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          if (this.is(';')) {
            this.pos++;
            return { k: 'while', test, body: { k: 'block', body: [] } };
          }
          this.newlines();
          return { k: 'while', test, body: this.statementOrEmpty() };
        }
        case 'do': {
          this.pos++;
          this.newlines();
          const body = this.statementOrEmpty();
          this.terminators();
          this.expect('while');
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          this.simpleEnd();
          return { k: 'do', body, test };
        }
        case 'for':
          return this.forStatement();
        case 'next':
        case 'break':
        case 'continue':
          this.pos++;
          this.simpleEnd();
          return { k: token.text };
        case 'exit':
        case 'return': {
          this.pos++;
          const value = this.atStatementEnd() ? undefined : this.expr();
          this.simpleEnd();
          return token.text === 'exit' ? { k: 'exit', code: value } : { k: 'return', value };
        }
        case 'delete': {
          this.pos++;
          const name = this.token.text;
          if (this.token.kind !== 'name') this.fail();
          this.pos++;
          let subs: Expr[] | undefined;
          if (this.is('[')) {
            this.pos++;
            subs = this.exprList(']');
          }
          this.simpleEnd();
          return { k: 'delete', name, subs };
        }
      }
    }
    if (this.is(';')) {
      this.pos++;
      return { k: 'block', body: [] };
    }
    const stmt = this.simpleStatement();
    this.simpleEnd();
    return stmt;
  }

  private statementOrEmpty(): Stmt {
    if (this.is(';')) {
      this.pos++;
      return { k: 'block', body: [] };
    }
    return this.statement();
  }

  private atStatementEnd(): boolean {
    return this.token.kind === 'newline' || this.is(';') || this.is('}') || this.token.kind === 'eof';
  }

  private simpleEnd(): void {
    if (this.is(';') || this.token.kind === 'newline') this.pos++;
    else if (!this.is('}') && this.token.kind !== 'eof') this.fail();
  }

  private forStatement(): Stmt {
    this.pos++;
    this.expect('(');
    if (this.token.kind === 'name' && this.tokens[this.pos + 1]?.text === 'in') {
      const save = this.pos;
      const variable: LValue = { k: 'var', name: this.token.text };
      this.pos += 2;
      const array = this.token.text;
      if (this.token.kind === 'name' && this.tokens[this.pos + 1]?.text === ')') {
        this.pos += 2;
        this.newlines();
        return { k: 'forin', variable, array, body: this.statementOrEmpty() };
      }
      this.pos = save;
    }
    const init = this.is(';') ? undefined : this.simpleStatement();
    this.expect(';');
    this.newlines();
    const test = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.newlines();
    const step = this.is(')') ? undefined : this.simpleStatement();
    this.expect(')');
    if (this.is(';')) {
      this.pos++;
      return { k: 'for', init, test, step, body: { k: 'block', body: [] } };
    }
    this.newlines();
    return { k: 'for', init, test, step, body: this.statementOrEmpty() };
  }

  private simpleStatement(): Stmt {
    if (this.is('print') || this.is('printf')) {
      const kind = this.token.text as 'print' | 'printf';
      this.pos++;
      let args: Expr[] = [];
      if (!this.atStatementEnd() && !this.is('>') && !this.is('>>') && !this.is('|')) {
        args = this.printArguments();
      }
      let redirect: Redirect | undefined;
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const op = this.token.text as Redirect['op'];
        this.pos++;
        redirect = { op, target: this.concatenation() };
      }
      return { k: kind, args, redirect };
    }
    return { k: 'expr', e: this.expr() };
  }

  /** print's arguments: `print a, b` or `print (a, b)`; `>` is a redirection here. */
  private printArguments(): Expr[] {
    if (this.is('(')) {
      const save = this.pos;
      this.pos++;
      const list = this.exprList(')', false);
      if (this.atStatementEnd() || this.is('>') || this.is('>>') || this.is('|')) return list;
      this.pos = save;
    }
    const args = [this.expr(true)];
    while (this.is(',')) {
      this.pos++;
      this.newlines();
      args.push(this.expr(true));
    }
    return args;
  }
}
