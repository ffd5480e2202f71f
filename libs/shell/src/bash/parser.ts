// A recursive-descent parser for the bash subset learners type: lists,
// pipelines, && and ||, redirects, here-documents, quoting, expansions,
// if/for/while/until/case, groups, subshells and functions. Input that stops
// in the middle of a construct throws IncompleteInput (the terminal shows
// the `> ` prompt); mistakes throw BashSyntaxError with bash's words.
import type { Assignment, Command, List, ListItem, Pipeline, Redirect, RedirectOp, Word } from './ast';
import { readWord } from './words';

export class IncompleteInput extends Error {}

export class BashSyntaxError extends Error {
  constructor(readonly token: string) {
    super(token === '' ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${token}'`);
  }
}

const RESERVED_ENDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', 'in']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
  expand: boolean;
}

export class Parser {
  private pos = 0;
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    /** At the real end of a script, unterminated here-documents end there (bash warns). */
    private readonly atEof = false,
  ) {}

  static parse(src: string, atEof = false): List {
    const parser = new Parser(src, atEof);
    const list = parser.list(new Set());
    parser.skipBlanks();
    if (parser.pos < src.length) throw new BashSyntaxError(parser.token());
    if (parser.pending.length) parser.readHeredocs();
    return list;
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  private startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  /** Spaces, tabs, line continuations and comments. */
  skipBlanks(): void {
    for (;;) {
      const char = this.peek();
      if (char === ' ' || char === '\t') this.pos++;
      else if (char === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (char === '#') while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      else return;
    }
  }

  /** Blanks and newlines (reading any here-documents a newline ends). */
  private skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '\n') return;
      this.pos++;
      this.readHeredocs();
    }
  }

  /** The next token's text, for error messages. */
  private token(): string {
    const rest = this.src.slice(this.pos);
    const op = /^(;;|&&|\|\||[;&|()<>\n])/.exec(rest);
    if (op?.[1]) return op[1] === '\n' ? 'newline' : op[1];
    return /^[^\s;&|()<>]*/.exec(rest)?.[0] ?? '';
  }

  /** A bare word at the current position, without consuming it (for reserved words). */
  private peekBare(): string {
    const match = /^[^\s;&|()<>'"`$\\]+/.exec(this.src.slice(this.pos));
    const word = match?.[0] ?? '';
    const after = this.src[this.pos + word.length] ?? '';
    return after === '' || /[\s;&|()<>]/.test(after) ? word : '';
  }

  private expectWord(word: string): void {
    this.skipLinebreaks();
    if (this.pos >= this.src.length) throw new IncompleteInput();
    if (this.peekBare() !== word) throw new BashSyntaxError(this.token());
    this.pos += word.length;
  }

  private atListEnd(ends: ReadonlySet<string>): boolean {
    this.skipBlanks();
    if (this.pos >= this.src.length) return true;
    const char = this.peek();
    if (char === ')' || this.startsWith(';;')) return true;
    const bare = this.peekBare();
    return ends.has(bare) || (bare === '}' && ends.has('}'));
  }

  list(ends: ReadonlySet<string>): List {
    const items: ListItem[] = [];
    this.skipLinebreaks();
    while (!this.atListEnd(ends)) {
      const start = this.pos;
      const andOr = this.andOr();
      this.skipBlanks();
      const source = this.src.slice(start, this.pos).trim();
      const char = this.peek();
      if (char === '&' && this.peek(1) !== '&') {
        this.pos++;
        items.push({ andOr, background: true, source });
      } else {
        items.push({ andOr, background: false, source });
        if (char === ';' && this.peek(1) !== ';') this.pos++;
        else if (char === '\n') {
          /* handled by skipLinebreaks */
        } else if (!this.atListEnd(ends)) throw new BashSyntaxError(this.token());
      }
      this.skipLinebreaks();
    }
    return items;
  }

  private andOr(): ListItem['andOr'] {
    const first = this.pipeline();
    const rest: ListItem['andOr']['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : undefined;
      if (!op) return { first, rest };
      this.pos += 2;
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new IncompleteInput();
      rest.push({ op, pipeline: this.pipeline() });
    }
  }

  private pipeline(): Pipeline {
    this.skipBlanks();
    let negate = false;
    if (this.peekBare() === '!') {
      negate = true;
      this.pos++;
    }
    const commands = [this.command()];
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '|' || this.peek(1) === '|') return { negate, commands };
      this.pos += this.peek(1) === '&' ? 2 : 1;
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new IncompleteInput();
      commands.push(this.command());
    }
  }

  private command(): Command {
    this.skipBlanks();
    if (this.pos >= this.src.length) throw new IncompleteInput();
    const bare = this.peekBare();
    if (RESERVED_ENDS.has(bare) || (bare === '' && /[;&|)]/.test(this.peek()))) throw new BashSyntaxError(this.token());
    switch (bare) {
      case 'if':
        return this.withRedirects(this.ifCommand());
      case 'for':
        return this.withRedirects(this.forCommand());
      case 'while':
      case 'until':
        return this.withRedirects(this.whileCommand(bare === 'until'));
      case 'case':
        return this.withRedirects(this.caseCommand());
      case '{':
        this.pos++;
        return this.withRedirects({ type: 'group', body: this.body('}'), redirects: [] });
      case 'function': {
        const start = this.pos;
        this.pos += bare.length;
        return this.functionDefinition(start);
      }
      case '[[':
        return this.withRedirects(this.conditional());
    }
    if (this.startsWith('((')) return this.withRedirects(this.arithmeticCommand());
    if (this.peek() === '(') {
      this.pos++;
      const body = this.list(new Set());
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new IncompleteInput();
      if (this.peek() !== ')') throw new BashSyntaxError(this.token());
      this.pos++;
      return this.withRedirects({ type: 'subshell', body, redirects: [] });
    }
    if (NAME.test(bare) && /^\s*\(\s*\)/.test(this.src.slice(this.pos + bare.length)))
      return this.functionDefinition(this.pos);
    return this.simple();
  }

  private body(end: string): List {
    const body = this.list(new Set([end]));
    this.expectWord(end);
    return body;
  }

  private withRedirects(command: Command): Command {
    if (command.type === 'function') return command;
    for (;;) {
      this.skipBlanks();
      const redirect = this.redirect();
      if (!redirect) return command;
      command.redirects.push(redirect);
    }
  }

  private ifCommand(): Command {
    this.pos += 2;
    const clauses: Array<{ condition: List; body: List }> = [];
    let otherwise: List | undefined;
    const condition = this.list(new Set(['then']));
    this.expectWord('then');
    clauses.push({ condition, body: this.list(new Set(['elif', 'else', 'fi'])) });
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new IncompleteInput();
      const word = this.peekBare();
      this.pos += word.length;
      if (word === 'fi') break;
      if (word === 'elif') {
        const next = this.list(new Set(['then']));
        this.expectWord('then');
        clauses.push({ condition: next, body: this.list(new Set(['elif', 'else', 'fi'])) });
      } else if (word === 'else') {
        otherwise = this.list(new Set(['fi']));
        this.expectWord('fi');
        break;
      } else throw new BashSyntaxError(this.token());
    }
    return { type: 'if', clauses, ...(otherwise ? { otherwise } : {}), redirects: [] };
  }

  private forCommand(): Command {
    this.pos += 3;
    this.skipBlanks();
    if (this.startsWith('((')) {
      const expression = this.arithmeticText();
      const [init = '', condition = '', step = ''] = expression.split(';');
      this.skipBlanks();
      if (this.peek() === ';') this.pos++;
      this.expectWord('do');
      return { type: 'cfor', init, condition, step, body: this.body('done'), redirects: [] };
    }
    const name = this.peekBare();
    if (!NAME.test(name)) throw new BashSyntaxError(this.token());
    this.pos += name.length;
    this.skipBlanks();
    let items: Word[] | undefined;
    if (this.peekBare() === 'in') {
      this.pos += 2;
      items = [];
      for (;;) {
        this.skipBlanks();
        if (this.pos >= this.src.length) throw new IncompleteInput();
        if (this.peek() === ';' || this.peek() === '\n') break;
        items.push(this.word());
      }
    }
    this.skipBlanks();
    if (this.peek() === ';') this.pos++;
    this.expectWord('do');
    return { type: 'for', name, ...(items ? { items } : {}), body: this.body('done'), redirects: [] };
  }

  private whileCommand(until: boolean): Command {
    this.pos += until ? 5 : 5;
    const condition = this.list(new Set(['do']));
    this.expectWord('do');
    return { type: 'while', until, condition, body: this.body('done'), redirects: [] };
  }

  private caseCommand(): Command {
    this.pos += 4;
    this.skipBlanks();
    const word = this.word();
    this.expectWord('in');
    const items: Array<{ patterns: Word[]; body: List }> = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new IncompleteInput();
      if (this.peekBare() === 'esac') {
        this.pos += 4;
        return { type: 'case', word, items, redirects: [] };
      }
      if (this.peek() === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        patterns.push(this.word());
        this.skipBlanks();
        if (this.peek() === '|') this.pos++;
        else break;
      }
      if (this.peek() !== ')') throw new BashSyntaxError(this.token());
      this.pos++;
      const body = this.list(new Set(['esac']));
      items.push({ patterns, body });
      this.skipBlanks();
      if (this.startsWith(';;')) this.pos += 2;
    }
  }

  private functionDefinition(start: number): Command {
    this.skipBlanks();
    const name = this.peekBare();
    this.pos += name.length;
    this.skipBlanks();
    if (this.startsWith('()')) this.pos += 2;
    else if (/^\(\s*\)/.test(this.src.slice(this.pos))) this.pos = this.src.indexOf(')', this.pos) + 1;
    this.skipLinebreaks();
    if (this.pos >= this.src.length) throw new IncompleteInput();
    const body = this.command();
    return { type: 'function', name, body, source: this.src.slice(start, this.pos) };
  }

  /** `(( ... ))` text, with nesting. */
  private arithmeticText(): string {
    this.pos += 2;
    let depth = 0;
    const start = this.pos;
    while (this.pos < this.src.length) {
      const char = this.peek();
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0 && this.peek(1) === ')') {
          const text = this.src.slice(start, this.pos);
          this.pos += 2;
          return text;
        }
        depth--;
      }
      this.pos++;
    }
    throw new IncompleteInput();
  }

  private arithmeticCommand(): Command {
    return { type: 'arithmetic', expression: this.arithmeticText(), redirects: [] };
  }

  private conditional(): Command {
    this.pos += 2;
    const words: Word[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length || this.peek() === '\n') throw new IncompleteInput();
      if (this.peekBare() === ']]') {
        this.pos += 2;
        return { type: 'conditional', words, redirects: [] };
      }
      const op = /^(&&|\|\||[<>()!])/.exec(this.src.slice(this.pos))?.[1];
      if (op) {
        this.pos += op.length;
        words.push({ parts: [{ type: 'lit', text: op }], raw: op });
      } else words.push(this.word());
    }
  }

  private simple(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) break;
      const redirect = this.redirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      if (/[\n;&|()]/.test(this.peek())) {
        if (this.peek() === '(' && words.length === 0) throw new BashSyntaxError(this.token());
        break;
      }
      const assignment = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(this.src.slice(this.pos)) : null;
      if (assignment?.[1] !== undefined) {
        this.pos += assignment[0].length;
        const value =
          /[\s;&|()<>]/.test(this.peek()) || this.pos >= this.src.length ? { parts: [], raw: '' } : this.word();
        assignments.push({ name: assignment[1], value, append: assignment[2] === '+' });
        continue;
      }
      words.push(this.word());
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0)
      throw new BashSyntaxError(this.token());
    return { type: 'simple', assignments, words, redirects };
  }

  private redirect(): Redirect | undefined {
    const match = /^(\d*)(&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|>|<)/.exec(this.src.slice(this.pos));
    if (!match?.[2]) return undefined;
    if (match[2].startsWith('&') && match[1]) return undefined;
    this.pos += match[0].length;
    const op = match[2] as RedirectOp;
    this.skipBlanks();
    if (this.pos >= this.src.length) throw new BashSyntaxError('newline');
    if (/[\n;&|()<>]/.test(this.peek())) throw new BashSyntaxError(this.token());
    const target = this.word();
    const redirect: Redirect = { ...(match[1] ? { fd: Number(match[1]) } : {}), op, target };
    if (op === '<<' || op === '<<-') {
      const delimiter = target.raw.replace(/['"\\]/g, '');
      const expand = !/['"\\]/.test(target.raw);
      this.pending.push({ redirect, delimiter, strip: op === '<<-', expand });
    }
    return redirect;
  }

  private word(): Word {
    const result = readWord(this.src, this.pos);
    if (result === 'incomplete') throw new IncompleteInput();
    if (result.end === this.pos) throw new BashSyntaxError(this.token());
    this.pos = result.end;
    return result.word;
  }

  /** Reads the bodies of pending here-documents, which start after the newline just consumed. */
  private readHeredocs(): void {
    while (this.pending.length) {
      const heredoc = this.pending.shift();
      if (!heredoc) break;
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) {
          if (this.atEof) break;
          throw new IncompleteInput();
        }
        const newline = this.src.indexOf('\n', this.pos);
        const end = newline === -1 ? this.src.length : newline;
        let line = this.src.slice(this.pos, end);
        if (heredoc.strip) line = line.replace(/^\t+/, '');
        // A last line without its newline may still be the delimiter; anything else needs more input.
        if (newline === -1 && !this.atEof && line !== heredoc.delimiter) throw new IncompleteInput();
        this.pos = newline === -1 ? end : end + 1;
        if (line === heredoc.delimiter) break;
        lines.push(line);
      }
      heredoc.redirect.heredoc = {
        body: lines.length ? `${lines.join('\n')}\n` : '',
        expand: heredoc.expand,
        delimiter: heredoc.delimiter,
      };
    }
  }
}
