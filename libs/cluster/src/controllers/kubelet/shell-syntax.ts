// The slice of POSIX shell grammar that container commands use in practice
// (`sh -c 'while true; do echo hi; sleep 5; done'`): words with quoting,
// `;` `&&` `||` `|` `&` and newlines, redirections, and the compound
// commands while/until, for, if and `{ ...; }` groups. Anything else makes
// the parse fail, and the process model then assumes a long-running program.

/** A piece of a word; single-quoted text is never expanded. */
export interface Segment {
  text: string;
  quote: 'none' | 'single' | 'double';
}

export type Word = Segment[];

export interface Redirect {
  /** `>`, `>>`, `<`, `2>`, `2>&1`, `>&2`. */
  op: string;
  target: Word;
}

export type ShellNode =
  | { kind: 'command'; words: Word[]; redirects: Redirect[] }
  | { kind: 'pipeline'; commands: ShellNode[] }
  | { kind: 'andor'; first: ShellNode; rest: Array<{ op: '&&' | '||'; node: ShellNode }> }
  | { kind: 'background'; node: ShellNode }
  | { kind: 'while'; until: boolean; condition: ShellNode[]; body: ShellNode[] }
  | { kind: 'for'; variable: string; items: Word[] | undefined; body: ShellNode[] }
  | { kind: 'if'; branches: Array<{ condition: ShellNode[]; body: ShellNode[] }>; otherwise: ShellNode[] | undefined }
  | { kind: 'group'; body: ShellNode[] };

type Token = { type: 'word'; word: Word } | { type: 'op'; op: string };

const OPERATORS = [
  '&&',
  '||',
  '>>',
  '2>&1',
  '>&2',
  '1>&2',
  '2>>',
  '2>',
  '&>',
  ';;',
  ';',
  '|',
  '&',
  '>',
  '<',
  '\n',
  '(',
  ')',
];

class SyntaxError extends Error {}

/** Splits a script into words and operators, keeping how each piece was quoted. */
function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let word: Word = [];
  let current: Segment | undefined;
  const push = (text: string, quote: Segment['quote']): void => {
    if (!current || current.quote !== quote) {
      current = { text: '', quote };
      word.push(current);
    }
    current.text += text;
  };
  const endWord = (): void => {
    if (word.length) tokens.push({ type: 'word', word });
    word = [];
    current = undefined;
  };
  let i = 0;
  while (i < script.length) {
    const char = script.charAt(i);
    if (char === '#' && word.length === 0) {
      while (i < script.length && script.charAt(i) !== '\n') i++;
      continue;
    }
    if (char === ' ' || char === '\t') {
      endWord();
      i++;
      continue;
    }
    if (char === '\\' && i + 1 < script.length) {
      if (script.charAt(i + 1) !== '\n') push(script.charAt(i + 1), 'single');
      i += 2;
      continue;
    }
    if (char === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new SyntaxError('unterminated quote');
      push(script.slice(i + 1, end), 'single');
      if (end === i + 1) push('', 'single');
      i = end + 1;
      continue;
    }
    if (char === '"') {
      let j = i + 1;
      let text = '';
      while (j < script.length && script.charAt(j) !== '"') {
        if (script.charAt(j) === '\\' && '"\\$`'.includes(script.charAt(j + 1))) j++;
        text += script.charAt(j);
        j++;
      }
      if (j >= script.length) throw new SyntaxError('unterminated quote');
      push(text, 'double');
      i = j + 1;
      continue;
    }
    if (char === '$' && script.charAt(i + 1) === '(') {
      const end = matchingParen(script, i + 1);
      push(script.slice(i, end + 1), 'none');
      i = end + 1;
      continue;
    }
    const operator = OPERATORS.find((op) => script.startsWith(op, i));
    if (operator && !(/^\d/.test(operator) && word.length)) {
      endWord();
      tokens.push({ type: 'op', op: operator });
      i += operator.length;
      continue;
    }
    push(char, 'none');
    i++;
  }
  endWord();
  return tokens;
}

function matchingParen(script: string, open: number): number {
  let depth = 0;
  for (let i = open; i < script.length; i++) {
    if (script.charAt(i) === '(') depth++;
    if (script.charAt(i) === ')' && --depth === 0) return i;
  }
  throw new SyntaxError('unterminated $(');
}

export function wordText(word: Word): string {
  return word.map((segment) => segment.text).join('');
}

function isUnquoted(word: Word, text: string): boolean {
  return word.length === 1 && word[0]?.quote === 'none' && word[0].text === text;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): ShellNode[] {
    const nodes = this.list([]);
    if (this.position < this.tokens.length) throw new SyntaxError('unexpected token');
    return nodes;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private atKeyword(...keywords: string[]): string | undefined {
    const token = this.peek();
    if (token?.type !== 'word') return undefined;
    return keywords.find((keyword) => isUnquoted(token.word, keyword));
  }

  private expectKeyword(keyword: string): void {
    if (!this.atKeyword(keyword)) throw new SyntaxError(`expected ${keyword}`);
    this.position++;
  }

  private skipSeparators(): void {
    for (
      let token = this.peek();
      token?.type === 'op' && (token.op === ';' || token.op === '\n');
      token = this.peek()
    ) {
      this.position++;
    }
  }

  /** Statements until one of `terminators` (a keyword or `)`/`}`) or the end. */
  private list(terminators: string[]): ShellNode[] {
    const nodes: ShellNode[] = [];
    for (;;) {
      this.skipSeparators();
      const token = this.peek();
      if (!token || this.atKeyword(...terminators)) return nodes;
      if (token.type === 'op' && token.op === ')' && terminators.includes(')')) return nodes;
      let node = this.andOr();
      const next = this.peek();
      if (next?.type === 'op' && next.op === '&') {
        this.position++;
        node = { kind: 'background', node };
      }
      nodes.push(node);
    }
  }

  private andOr(): ShellNode {
    const first = this.pipeline();
    const rest: Array<{ op: '&&' | '||'; node: ShellNode }> = [];
    for (
      let token = this.peek();
      token?.type === 'op' && (token.op === '&&' || token.op === '||');
      token = this.peek()
    ) {
      this.position++;
      while (this.peek()?.type === 'op' && (this.peek() as { op: string }).op === '\n') this.position++;
      rest.push({ op: token.op, node: this.pipeline() });
    }
    return rest.length ? { kind: 'andor', first, rest } : first;
  }

  private pipeline(): ShellNode {
    const commands = [this.command()];
    while (this.peek()?.type === 'op' && (this.peek() as { op: string }).op === '|') {
      this.position++;
      commands.push(this.command());
    }
    return commands.length > 1 ? { kind: 'pipeline', commands } : (commands[0] as ShellNode);
  }

  private command(): ShellNode {
    const keyword = this.atKeyword('while', 'until', 'for', 'if', '{');
    if (keyword === 'while' || keyword === 'until') {
      this.position++;
      const condition = this.list(['do']);
      this.expectKeyword('do');
      const body = this.list(['done']);
      this.expectKeyword('done');
      return { kind: 'while', until: keyword === 'until', condition, body };
    }
    if (keyword === 'for') return this.forLoop();
    if (keyword === 'if') return this.ifStatement();
    if (keyword === '{') {
      this.position++;
      const body = this.list(['}']);
      this.expectKeyword('}');
      return { kind: 'group', body };
    }
    const token = this.peek();
    if (token?.type === 'op' && token.op === '(') {
      this.position++;
      const body = this.list([')']);
      if ((this.peek() as { op?: string } | undefined)?.op !== ')') throw new SyntaxError('expected )');
      this.position++;
      return { kind: 'group', body };
    }
    return this.simpleCommand();
  }

  private forLoop(): ShellNode {
    this.position++;
    const name = this.peek();
    if (name?.type !== 'word') throw new SyntaxError('expected a name');
    this.position++;
    let items: Word[] | undefined;
    if (this.atKeyword('in')) {
      this.position++;
      items = [];
      for (let token = this.peek(); token?.type === 'word'; token = this.peek()) {
        items.push(token.word);
        this.position++;
      }
    }
    this.skipSeparators();
    this.expectKeyword('do');
    const body = this.list(['done']);
    this.expectKeyword('done');
    return { kind: 'for', variable: wordText(name.word), items, body };
  }

  private ifStatement(): ShellNode {
    const branches: Array<{ condition: ShellNode[]; body: ShellNode[] }> = [];
    let otherwise: ShellNode[] | undefined;
    this.position++;
    for (;;) {
      const condition = this.list(['then']);
      this.expectKeyword('then');
      branches.push({ condition, body: this.list(['elif', 'else', 'fi']) });
      const next = this.atKeyword('elif', 'else', 'fi');
      this.position++;
      if (next === 'elif') continue;
      if (next === 'else') {
        otherwise = this.list(['fi']);
        this.expectKeyword('fi');
      }
      return { kind: 'if', branches, otherwise };
    }
  }

  private simpleCommand(): ShellNode {
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.type === 'word') {
        if (words.length === 0 && this.atKeyword('do', 'done', 'then', 'fi', 'elif', 'else', '}')) break;
        words.push(token.word);
        this.position++;
        continue;
      }
      if (token.op === '2>&1' || token.op === '>&2' || token.op === '1>&2') {
        redirects.push({ op: token.op, target: [] });
        this.position++;
        continue;
      }
      if (['>', '>>', '<', '2>', '2>>', '&>'].includes(token.op)) {
        this.position++;
        const target = this.peek();
        if (target?.type !== 'word') throw new SyntaxError('expected a file');
        redirects.push({ op: token.op, target: target.word });
        this.position++;
        continue;
      }
      break;
    }
    if (words.length === 0 && redirects.length === 0) throw new SyntaxError('expected a command');
    return { kind: 'command', words, redirects };
  }
}

/** The statements of a script, or undefined when it uses syntax outside this subset. */
export function parseScript(script: string): ShellNode[] | undefined {
  try {
    return new Parser(tokenize(script)).parseAll();
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
