// The syntax tree of an awk program.
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'regex'; source: string }
  | { k: 'var'; name: string }
  | { k: 'field'; index: Expr }
  | { k: 'elem'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: LValue; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'logic'; op: '&&' | '||'; left: Expr; right: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; negate: boolean; left: Expr; right: Expr }
  | { k: 'binary'; op: string; left: Expr; right: Expr }
  | { k: 'unary'; op: string; operand: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target?: LValue; file?: Expr }
  | { k: 'group'; e: Expr };

export type LValue = Extract<Expr, { k: 'var' } | { k: 'field' } | { k: 'elem' }>;

export interface Redirect {
  op: '>' | '>>' | '|';
  target: Expr;
}

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; redirect?: Redirect }
  | { k: 'printf'; args: Expr[]; redirect?: Redirect }
  | { k: 'if'; test: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init?: Stmt; test?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; variable: LValue; array: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; code?: Expr }
  | { k: 'return'; value?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs?: Expr[] };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Expr;
  /** A range pattern's end (`/start/,/stop/`). */
  rangeEnd?: Expr;
  /** Missing action means `{ print }`. */
  action?: Stmt[];
}

export interface AwkFunction {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface AwkProgram {
  rules: Rule[];
  functions: Map<string, AwkFunction>;
}
