// The syntax tree of the bash subset the learner's shell runs.

export type WordPart =
  /** Unquoted text (globs apply; it is never split). */
  | { type: 'lit'; text: string }
  /** Text that is quoted ('...', or literal text inside "..."): no globbing, no splitting. */
  | { type: 'quoted'; text: string }
  /** "...": its expansions are not split or globbed. */
  | { type: 'dq'; parts: WordPart[] }
  /** $name, ${name}, ${name:-word}, ${#name}, ${name#pat} ... */
  | { type: 'param'; name: string; op?: string; arg?: Word; length?: boolean }
  /** $(...) and `...`: the source, parsed when run. */
  | { type: 'cmd'; source: string }
  /** $((...)) */
  | { type: 'arith'; expression: string }
  /** ~ or ~user at the start of a word. */
  | { type: 'tilde'; user: string };

export interface Word {
  parts: WordPart[];
  /** The word as typed. */
  raw: string;
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|';

export interface Redirect {
  /** The file descriptor redirected (default 1 for output, 0 for input). */
  fd?: number;
  op: RedirectOp;
  target: Word;
  /** Here-documents: the body once read, and whether it is expanded. */
  heredoc?: { body: string; expand: boolean; delimiter: string };
}

export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
}

export type Command =
  | { type: 'simple'; assignments: Assignment[]; words: Word[]; redirects: Redirect[] }
  | { type: 'if'; clauses: Array<{ condition: List; body: List }>; otherwise?: List; redirects: Redirect[] }
  | { type: 'for'; name: string; items?: Word[]; body: List; redirects: Redirect[] }
  | { type: 'cfor'; init: string; condition: string; step: string; body: List; redirects: Redirect[] }
  | { type: 'while'; until: boolean; condition: List; body: List; redirects: Redirect[] }
  | { type: 'case'; word: Word; items: Array<{ patterns: Word[]; body: List }>; redirects: Redirect[] }
  | { type: 'group'; body: List; redirects: Redirect[] }
  | { type: 'subshell'; body: List; redirects: Redirect[] }
  | { type: 'function'; name: string; body: Command; source: string }
  | { type: 'arithmetic'; expression: string; redirects: Redirect[] }
  | { type: 'conditional'; words: Word[]; redirects: Redirect[] };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export interface ListItem {
  andOr: AndOr;
  background: boolean;
  /** The source text of the item, for `jobs` and `set -x`. */
  source: string;
}

export type List = ListItem[];
