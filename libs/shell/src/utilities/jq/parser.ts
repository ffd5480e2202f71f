// A parser for the jq language (the parts of jq 1.6 learners use), with
// jq's compile error wording.
import type { JqNode } from './ast';

import { JqCompileError, syntaxError, tokenize, type Token } from './lexer';

export { JqCompileError };

export function parseJq(source: string): JqNode {
  const parser = new Parser(tokenize(source), source);
  const node = parser.pipe();
  parser.expectEnd();
  return node;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private get token(): Token {
    return this.tokens[this.pos] ?? { kind: 'eof', text: '$end', start: 0 };
  }

  private is(text: string): boolean {
    return (this.token.kind === 'op' || this.token.kind === 'keyword') && this.token.text === text;
  }

  private fail(): never {
    const token = this.token;
    const shown =
      token.kind === 'eof'
        ? '$end'
        : token.kind === 'ident'
          ? 'IDENT'
          : token.kind === 'num'
            ? 'LITERAL'
            : token.kind === 'str'
              ? 'QQSTRING_START'
              : token.kind === 'field'
                ? 'FIELD'
                : token.kind === 'keyword'
                  ? token.text
                  : `'${token.text}'`;
    throw syntaxError(this.source, shown, token.start);
  }

  private expect(text: string): void {
    if (!this.is(text)) this.fail();
    this.pos++;
  }

  expectEnd(): void {
    if (this.token.kind !== 'eof') this.fail();
  }

  pipe(): JqNode {
    if (this.is('def')) {
      this.pos++;
      const name = this.token.text;
      this.pos++;
      const params: string[] = [];
      if (this.is('(')) {
        this.pos++;
        for (;;) {
          params.push((this.token.kind === 'var' ? '$' : '') + this.token.text);
          this.pos++;
          if (this.is(';')) this.pos++;
          else break;
        }
        this.expect(')');
      }
      this.expect(':');
      const body = this.pipe();
      this.expect(';');
      return { k: 'def', name, params, body, rest: this.pipe() };
    }
    const left = this.comma();
    if (this.is('as')) {
      this.pos++;
      if (this.token.kind !== 'var') this.fail();
      const name = this.token.text;
      this.pos++;
      this.expect('|');
      return { k: 'as', source: left, name, body: this.pipe() };
    }
    if (this.is('|')) {
      this.pos++;
      return { k: 'pipe', left, right: this.pipe() };
    }
    return left;
  }

  private comma(): JqNode {
    let left = this.alternative();
    while (this.is(',')) {
      this.pos++;
      left = { k: 'comma', left, right: this.alternative() };
    }
    return left;
  }

  private alternative(): JqNode {
    const left = this.assignment();
    if (this.is('//')) {
      this.pos++;
      return { k: 'alt', left, right: this.alternative() };
    }
    return left;
  }

  private assignment(): JqNode {
    const target = this.or();
    for (const op of ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']) {
      if (this.is(op)) {
        this.pos++;
        return { k: 'assign', op, target, value: this.alternative() };
      }
    }
    return target;
  }

  private or(): JqNode {
    let left = this.and();
    while (this.is('or')) {
      this.pos++;
      left = { k: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): JqNode {
    let left = this.comparison();
    while (this.is('and')) {
      this.pos++;
      left = { k: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): JqNode {
    const left = this.additive();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (this.is(op)) {
        this.pos++;
        return { k: 'binop', op, left, right: this.additive() };
      }
    }
    return left;
  }

  private additive(): JqNode {
    let left = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.token.text;
      this.pos++;
      left = { k: 'binop', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): JqNode {
    let left = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.token.text;
      this.pos++;
      left = { k: 'binop', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): JqNode {
    if (this.is('-')) {
      this.pos++;
      return { k: 'neg', operand: this.postfix() };
    }
    return this.postfix();
  }

  private postfix(): JqNode {
    let node = this.primary();
    for (;;) {
      if (this.token.kind === 'field') {
        node = { k: 'field', target: node, name: this.token.text };
        this.pos++;
      } else if (this.is('.') && this.tokens[this.pos + 1]?.kind === 'str') {
        this.pos++;
        node = { k: 'field', target: node, name: this.stringLiteral() };
      } else if (this.is('.') && this.tokens[this.pos + 1]?.text === '[') {
        this.pos++;
      } else if (this.is('[')) node = this.bracketSuffix(node);
      else if (this.is('?')) {
        this.pos++;
        node = { k: 'try', body: node };
      } else return node;
    }
  }

  private bracketSuffix(target: JqNode): JqNode {
    this.expect('[');
    if (this.is(']')) {
      this.pos++;
      return { k: 'iterate', target };
    }
    if (this.is(':')) {
      this.pos++;
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, to };
    }
    const index = this.pipe();
    if (this.is(':')) {
      this.pos++;
      const to = this.is(']') ? undefined : this.pipe();
      this.expect(']');
      return { k: 'slice', target, from: index, to };
    }
    this.expect(']');
    return { k: 'index', target, index };
  }

  private stringLiteral(): string {
    const node = this.string(this.token.text);
    this.pos++;
    if (node.parts.some((part) => typeof part !== 'string')) this.fail();
    return node.parts.map((part) => (typeof part === 'string' ? part : '')).join('');
  }

  /** A "string" with `\(...)` interpolations. */
  private string(raw: string, format?: string): Extract<JqNode, { k: 'string' }> {
    const parts: Array<string | JqNode> = [];
    let text = '';
    for (let i = 0; i < raw.length; i++) {
      const char = raw[i] ?? '';
      if (char !== '\\') {
        text += char;
        continue;
      }
      const next = raw[++i] ?? '';
      if (next === '(') {
        let depth = 1;
        const start = i + 1;
        while (depth > 0 && ++i < raw.length) {
          if (raw[i] === '(') depth++;
          else if (raw[i] === ')') depth--;
        }
        if (text) parts.push(text);
        text = '';
        parts.push(parseJq(raw.slice(start, i)));
      } else if (next === 'u') {
        text += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
        i += 4;
      } else text += ESCAPES[next] ?? next;
    }
    if (text || parts.length === 0) parts.push(text);
    return { k: 'string', parts, format };
  }

  private primary(): JqNode {
    const token = this.token;
    switch (token.kind) {
      case 'num':
        this.pos++;
        return { k: 'literal', value: Number(token.text) };
      case 'str':
        this.pos++;
        return this.string(token.text);
      case 'field':
        this.pos++;
        return { k: 'field', target: { k: 'identity' }, name: token.text };
      case 'var':
        this.pos++;
        return { k: 'var', name: token.text };
      case 'format':
        this.pos++;
        if (this.token.kind === 'str') {
          const raw = this.token.text;
          this.pos++;
          return this.string(raw, token.text);
        }
        return { k: 'format', name: token.text };
      case 'ident': {
        this.pos++;
        const args: JqNode[] = [];
        if (this.is('(')) {
          this.pos++;
          for (;;) {
            args.push(this.pipe());
            if (this.is(';')) this.pos++;
            else break;
          }
          this.expect(')');
        }
        return { k: 'call', name: token.text, args, at: token.start };
      }
      case 'keyword':
        return this.keywordTerm(token.text);
      case 'op':
        return this.operatorTerm(token.text);
      default:
        return this.fail();
    }
  }

  private keywordTerm(word: string): JqNode {
    this.pos++;
    if (word === 'if') {
      const cond = this.pipe();
      this.expect('then');
      const then = this.pipe();
      if (this.is('elif')) return { k: 'if', cond, then, else: this.keywordTerm('if') };
      let otherwise: JqNode | undefined;
      if (this.is('else')) {
        this.pos++;
        otherwise = this.pipe();
      }
      this.expect('end');
      return { k: 'if', cond, then, else: otherwise };
    }
    if (word === 'try') {
      const body = this.postfix();
      if (this.is('catch')) {
        this.pos++;
        return { k: 'try', body, handler: this.postfix() };
      }
      return { k: 'try', body };
    }
    if (word === 'reduce' || word === 'foreach') {
      const source = this.postfix();
      this.expect('as');
      if (this.token.kind !== 'var') this.fail();
      const pattern = this.token.text;
      this.pos++;
      this.expect('(');
      const init = this.pipe();
      this.expect(';');
      const update = this.pipe();
      let extract: JqNode | undefined;
      if (word === 'foreach' && this.is(';')) {
        this.pos++;
        extract = this.pipe();
      }
      this.expect(')');
      return word === 'reduce'
        ? { k: 'reduce', source, pattern, init, update }
        : { k: 'foreach', source, pattern, init, update, extract };
    }
    this.pos--;
    return this.fail();
  }

  private operatorTerm(op: string): JqNode {
    this.pos++;
    switch (op) {
      case '.':
        if (this.token.kind === 'str') return { k: 'field', target: { k: 'identity' }, name: this.stringLiteral() };
        if (this.is('[')) return this.bracketSuffix({ k: 'identity' });
        return { k: 'identity' };
      case '..':
        return { k: 'recurse' };
      case '(': {
        const inner = this.pipe();
        this.expect(')');
        return inner;
      }
      case '[': {
        if (this.is(']')) {
          this.pos++;
          return { k: 'array' };
        }
        const body = this.pipe();
        this.expect(']');
        return { k: 'array', body };
      }
      case '{':
        return this.objectConstruction();
    }
    this.pos--;
    return this.fail();
  }

  private objectConstruction(): JqNode {
    const entries: Array<{ key: JqNode; value?: JqNode }> = [];
    while (!this.is('}')) {
      const token = this.token;
      let key: JqNode;
      if (token.kind === 'var') {
        this.pos++;
        entries.push({ key: { k: 'literal', value: token.text }, value: { k: 'var', name: token.text } });
      } else {
        if (token.kind === 'ident' || token.kind === 'keyword') {
          this.pos++;
          key = { k: 'literal', value: token.text };
        } else if (token.kind === 'str') {
          this.pos++;
          key = this.string(token.text);
        } else if (token.kind === 'format') {
          this.pos++;
          key =
            this.token.kind === 'str'
              ? this.string((this.tokens[this.pos++] ?? token).text, token.text)
              : { k: 'format', name: token.text };
        } else if (this.is('(')) {
          this.pos++;
          key = this.pipe();
          this.expect(')');
        } else if (token.kind === 'num') {
          this.pos++;
          key = { k: 'literal', value: Number(token.text) };
        } else return this.fail();
        if (this.is(':')) {
          this.pos++;
          entries.push({ key, value: this.objectValue() });
        } else entries.push({ key });
      }
      if (this.is(',')) this.pos++;
      else if (!this.is('}')) this.fail();
    }
    this.pos++;
    return { k: 'object', entries };
  }

  /** An object value: a term with `|` allowed but not `,`. */
  private objectValue(): JqNode {
    let left = this.alternative();
    while (this.is('|')) {
      this.pos++;
      left = { k: 'pipe', left, right: this.alternative() };
    }
    return left;
  }
}
