// The state of a running awk program: variables, arrays, the current record
// and its fields, outputs; expression evaluation lives in evaluate.ts.
import { posixToJs } from '../support/posix-regex';
import { formatC, num, str, strnum, toNumber, toStr, UNINIT, type Value } from './values';

export type AwkArray = Map<string, Value>;

export interface Slot {
  value?: Value;
  array?: AwkArray;
}

// Control flow travels as exceptions (next, exit, return, break, continue).
export class NextSignal extends Error {}
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}
export class ReturnSignal extends Error {
  constructor(readonly value: Value) {
    super('return');
  }
}
export class BreakSignal extends Error {}
export class ContinueSignal extends Error {}

export class AwkRuntimeError extends Error {}

export interface AwkIO {
  write(text: string): void;
  /** `print > file` / `>>`: append=false truncates on first use. */
  writeFile(name: string, text: string, append: boolean): void;
  /** `print | "cmd"`: text queued for the command, run when closed or at exit. */
  writePipe(command: string, text: string): void;
  /** The next main-input record, if one is already available. */
  nextRecord(): string | undefined;
  readFileLine(name: string): string | undefined;
  close(name: string): number;
}

export class AwkMachine {
  readonly globals = new Map<string, Slot>();
  readonly frames: Array<Map<string, Slot>> = [];
  private record = '';
  private fields: string[] | undefined;
  private regexCache = new Map<string, RegExp>();

  constructor(readonly io: AwkIO) {
    for (const [name, value] of Object.entries({
      FS: ' ',
      OFS: ' ',
      ORS: '\n',
      RS: '\n',
      SUBSEP: '\x1c',
      CONVFMT: '%.6g',
      OFMT: '%.6g',
      FILENAME: '',
    })) {
      this.globals.set(name, { value: str(value) });
    }
    for (const name of ['NR', 'FNR', 'RSTART', 'RLENGTH']) this.globals.set(name, { value: num(0) });
    this.globals.set('RLENGTH', { value: num(-1) });
  }

  get convfmt(): string {
    return toStr(this.getVar('CONVFMT'));
  }

  str(value: Value): string {
    return toStr(value, this.convfmt);
  }

  /** Output conversion of numbers uses OFMT. */
  outputStr(value: Value): string {
    return toStr(value, toStr(this.getVar('OFMT')));
  }

  sprintf(format: string, args: Value[]): string {
    return formatC(format, args, this.convfmt);
  }

  private slot(name: string): Slot {
    const frame = this.frames[this.frames.length - 1];
    const local = frame?.get(name);
    if (local) return local;
    let global = this.globals.get(name);
    if (!global) {
      global = {};
      this.globals.set(name, global);
    }
    return global;
  }

  getVar(name: string): Value {
    if (name === 'NF') return num(this.getFields().length);
    const slot = this.slot(name);
    if (slot.array) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return slot.value ?? UNINIT;
  }

  setVar(name: string, value: Value): void {
    if (name === 'NF') {
      this.setNF(Math.trunc(toNumber(value)));
      return;
    }
    const slot = this.slot(name);
    if (slot.array) throw new AwkRuntimeError(`can't assign to ${name}; it's an array name.`);
    slot.value = value;
  }

  getArray(name: string): AwkArray {
    const slot = this.slot(name);
    if (slot.value !== undefined && slot.value !== UNINIT)
      throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    slot.value = undefined;
    slot.array ??= new Map();
    return slot.array;
  }

  /** Array subscripts join with SUBSEP; numbers convert with CONVFMT. */
  subscript(values: Value[]): string {
    return values.map((value) => this.str(value)).join(toStr(this.getVar('SUBSEP')));
  }

  setRecord(text: string): void {
    this.record = text;
    this.fields = undefined;
  }

  getFields(): string[] {
    this.fields ??= this.split(this.record, toStr(this.getVar('FS')));
    return this.fields;
  }

  getField(index: number): Value {
    if (index < 0) throw new AwkRuntimeError(`negative field index $${index}`);
    if (index === 0) return strnum(this.record);
    const field = this.getFields()[index - 1];
    return field === undefined ? UNINIT : strnum(field);
  }

  setField(index: number, value: string): void {
    if (index < 0) throw new AwkRuntimeError(`negative field index $${index}`);
    if (index === 0) {
      this.setRecord(value);
      return;
    }
    const fields = [...this.getFields()];
    while (fields.length < index) fields.push('');
    fields[index - 1] = value;
    this.rebuild(fields);
  }

  private setNF(count: number): void {
    const fields = this.getFields().slice(0, count);
    while (fields.length < count) fields.push('');
    this.rebuild(fields);
  }

  private rebuild(fields: string[]): void {
    this.fields = fields;
    this.record = fields.join(toStr(this.getVar('OFS')));
  }

  /** Field splitting: " " splits on blank runs, one other character literally, longer FS as a regex. */
  split(text: string, separator: string): string[] {
    if (separator === ' ') return text.split(/[ \t\n]+/).filter((field) => field !== '');
    if (text === '') return [];
    if (separator.length === 1 && separator !== '\\') return text.split(separator === '\t' ? '\t' : separator);
    return text.split(this.regex(separator));
  }

  regex(source: string): RegExp {
    let regex = this.regexCache.get(source);
    if (!regex) {
      try {
        regex = new RegExp(posixToJs(source, 'extended'));
      } catch {
        throw new AwkRuntimeError(`regular expression compile failed (missing operand)\n${source}`);
      }
      this.regexCache.set(source, regex);
    }
    return regex;
  }

  incrementRecordCounters(): void {
    this.setVar('NR', num(toNumber(this.getVar('NR')) + 1));
    this.setVar('FNR', num(toNumber(this.getVar('FNR')) + 1));
  }
}
