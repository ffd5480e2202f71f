// Evaluating awk expressions and executing statements on an AwkMachine.
import type { AwkProgram, Expr, LValue, Stmt } from './ast';
import { callBuiltin } from './builtins';
import {
  AwkRuntimeError,
  BreakSignal,
  ContinueSignal,
  ExitSignal,
  NextSignal,
  ReturnSignal,
  type AwkMachine,
  type Slot,
} from './machine';
import { compareValues, num, str, strnum, toBool, toNumber, UNINIT, type Value } from './values';

export class Evaluator {
  constructor(
    readonly m: AwkMachine,
    readonly program: AwkProgram,
  ) {}

  /** A regex operand: a /literal/ as itself, anything else as a dynamic regex string. */
  regexOf(expr: Expr): RegExp {
    return this.m.regex(expr.k === 'regex' ? expr.source : this.m.str(this.eval(expr)));
  }

  matchRecord(source: string): boolean {
    return this.m.regex(source).test(this.m.str(this.m.getField(0)));
  }

  eval(expr: Expr): Value {
    const m = this.m;
    switch (expr.k) {
      case 'num':
        return num(expr.v);
      case 'str':
        return str(expr.v);
      case 'regex':
        return num(this.matchRecord(expr.source) ? 1 : 0);
      case 'group':
        return this.eval(expr.e);
      case 'var':
        return m.getVar(expr.name);
      case 'field':
        return m.getField(Math.trunc(toNumber(this.eval(expr.index))));
      case 'elem': {
        const array = m.getArray(expr.name);
        const key = m.subscript(expr.subs.map((sub) => this.eval(sub)));
        let value = array.get(key);
        if (value === undefined) {
          value = UNINIT;
          array.set(key, value);
        }
        return value;
      }
      case 'assign': {
        let value = this.eval(expr.value);
        if (expr.op !== '=')
          value = num(arithmetic(expr.op.slice(0, 1), toNumber(this.eval(expr.target)), toNumber(value)));
        // Assignment copies: a strnum stays a strnum, so `x = $1` compares numerically later.
        this.assign(expr.target, value);
        return value;
      }
      case 'cond':
        return toBool(this.eval(expr.test)) ? this.eval(expr.yes) : this.eval(expr.no);
      case 'logic': {
        const left = toBool(this.eval(expr.left));
        if (expr.op === '&&') return num(left && toBool(this.eval(expr.right)) ? 1 : 0);
        return num(left || toBool(this.eval(expr.right)) ? 1 : 0);
      }
      case 'in':
        return num(m.getArray(expr.name).has(m.subscript(expr.subs.map((sub) => this.eval(sub)))) ? 1 : 0);
      case 'match': {
        const matched = this.regexOf(expr.right).test(m.str(this.eval(expr.left)));
        return num(matched !== expr.negate ? 1 : 0);
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right);
      case 'unary': {
        const value = this.eval(expr.operand);
        if (expr.op === '!') return num(toBool(value) ? 0 : 1);
        return num(expr.op === '-' ? -toNumber(value) : toNumber(value));
      }
      case 'incdec': {
        const before = toNumber(this.eval(expr.target));
        const after = expr.op === '++' ? before + 1 : before - 1;
        this.assign(expr.target, num(after));
        return num(expr.prefix ? after : before);
      }
      case 'call':
        return this.call(expr.name, expr.args);
      case 'builtin':
        return callBuiltin(this, expr.name, expr.args);
      case 'getline': {
        const line = expr.file ? m.io.readFileLine(m.str(this.eval(expr.file))) : m.io.nextRecord();
        if (line === undefined) return num(0);
        if (expr.target) this.assign(expr.target, strnum(line));
        else m.setRecord(line);
        if (!expr.file) m.incrementRecordCounters();
        return num(1);
      }
    }
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr): Value {
    const left = this.eval(leftExpr);
    const right = this.eval(rightExpr);
    if (op === ' ') return str(this.m.str(left) + this.m.str(right));
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      const c = compareValues(left, right, this.m.convfmt);
      const result =
        op === '<'
          ? c < 0
          : op === '<='
            ? c <= 0
            : op === '>'
              ? c > 0
              : op === '>='
                ? c >= 0
                : op === '=='
                  ? c === 0
                  : c !== 0;
      return num(result ? 1 : 0);
    }
    return num(arithmetic(op, toNumber(left), toNumber(right)));
  }

  assign(target: LValue, value: Value): void {
    const m = this.m;
    if (target.k === 'var') m.setVar(target.name, value);
    else if (target.k === 'field') m.setField(Math.trunc(toNumber(this.eval(target.index))), m.str(value));
    else m.getArray(target.name).set(m.subscript(target.subs.map((sub) => this.eval(sub))), value);
  }

  private call(name: string, args: Expr[]): Value {
    const fn = this.program.functions.get(name);
    if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
    const frame = new Map<string, Slot>();
    fn.params.forEach((param, index) => {
      const arg = args[index];
      if (!arg) {
        frame.set(param, {});
        return;
      }
      // Arrays pass by reference: an argument naming an array (or an unused name) binds to it.
      if (arg.k === 'var') {
        const slotArray = this.peekArray(arg.name);
        if (slotArray) {
          frame.set(param, { array: slotArray });
          return;
        }
      }
      frame.set(param, { value: this.eval(arg) });
    });
    this.m.frames.push(frame);
    try {
      this.run(fn.body);
      return UNINIT;
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.value;
      throw signal;
    } finally {
      this.m.frames.pop();
    }
  }

  private peekArray(name: string) {
    const frame = this.m.frames[this.m.frames.length - 1];
    const slot = frame?.get(name) ?? this.m.globals.get(name);
    return slot?.array;
  }

  run(statements: Stmt[]): void {
    for (const statement of statements) this.exec(statement);
  }

  exec(stmt: Stmt): void {
    const m = this.m;
    switch (stmt.k) {
      case 'expr':
        this.eval(stmt.e);
        return;
      case 'print': {
        const values = stmt.args.length === 0 ? [m.getField(0)] : stmt.args.map((arg) => this.eval(arg));
        const text = values
          .map((value) => (value.kind === 'num' ? m.outputStr(value) : m.str(value)))
          .join(m.str(m.getVar('OFS')));
        this.output(text + m.str(m.getVar('ORS')), stmt.redirect);
        return;
      }
      case 'printf': {
        const [format, ...rest] = stmt.args.map((arg) => this.eval(arg));
        if (!format) throw new AwkRuntimeError('printf: no format');
        this.output(m.sprintf(m.str(format), rest), stmt.redirect);
        return;
      }
      case 'if':
        if (toBool(this.eval(stmt.test))) this.exec(stmt.then);
        else if (stmt.else) this.exec(stmt.else);
        return;
      case 'while':
        while (toBool(this.eval(stmt.test))) if (this.loopBody(stmt.body)) break;
        return;
      case 'do':
        do if (this.loopBody(stmt.body)) break;
        while (toBool(this.eval(stmt.test)));
        return;
      case 'for':
        if (stmt.init) this.exec(stmt.init);
        while (!stmt.test || toBool(this.eval(stmt.test))) {
          if (this.loopBody(stmt.body)) break;
          if (stmt.step) this.exec(stmt.step);
        }
        return;
      case 'forin': {
        const keys = [...m.getArray(stmt.array).keys()];
        for (const key of keys) {
          this.assign(stmt.variable, strnum(key));
          if (this.loopBody(stmt.body)) break;
        }
        return;
      }
      case 'block':
        this.run(stmt.body);
        return;
      case 'next':
        throw new NextSignal();
      case 'exit':
        throw new ExitSignal(stmt.code ? Math.trunc(toNumber(this.eval(stmt.code))) : -1);
      case 'return':
        throw new ReturnSignal(stmt.value ? this.eval(stmt.value) : UNINIT);
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'delete': {
        const array = m.getArray(stmt.name);
        if (stmt.subs) array.delete(m.subscript(stmt.subs.map((sub) => this.eval(sub))));
        else array.clear();
        return;
      }
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (signal) {
      if (signal instanceof BreakSignal) return true;
      if (signal instanceof ContinueSignal) return false;
      throw signal;
    }
    return false;
  }

  private output(text: string, redirect: { op: string; target: Expr } | undefined): void {
    if (!redirect) this.m.io.write(text);
    else if (redirect.op === '|') this.m.io.writePipe(this.m.str(this.eval(redirect.target)), text);
    else this.m.io.writeFile(this.m.str(this.eval(redirect.target)), text, redirect.op === '>>');
  }
}

export function arithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      // mawk: no error, IEEE infinity.
      return a / b;
    case '%':
      return a % b;
    default:
      return Math.pow(a, b);
  }
}
