// The awk command (mawk 1.3.4, Ubuntu's /usr/bin/awk): options, input
// records read as they arrive, BEGIN/main/END rules, exit status.
import type { Command, CommandContext } from '../../runtime/command';
import { StringInput } from '../../runtime/streams';
import { strerror } from '../../fs/errors';
import { absolute, readFileAt } from '../support/io';
import type { AwkProgram, Rule } from './ast';
import { Evaluator } from './evaluate';
import { AwkSyntaxError } from './lexer';
import { AwkMachine, AwkRuntimeError, ExitSignal, NextSignal, type AwkIO } from './machine';
import { parseAwk } from './parser';
import { num, str, strnum, toBool, toNumber } from './values';

const USAGE =
  "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n";

/** The record source: files and `var=value` operands in order, or stdin. */
class RecordReader {
  private buffer = '';
  private queue: string[] = [];
  private operandIndex = 0;
  private stdinUsed = false;
  private current: { read(): Promise<string | null> } | undefined;
  failed = false;

  constructor(
    private readonly ctx: CommandContext,
    private readonly operands: string[],
    private readonly machine: AwkMachine,
  ) {}

  /** A record already buffered (for getline inside an action). */
  buffered(): string | undefined {
    return this.queue.shift();
  }

  async next(): Promise<string | undefined> {
    for (;;) {
      const record = this.queue.shift();
      if (record !== undefined) return record;
      if (!this.current && !this.openNext()) return undefined;
      const chunk = await this.current?.read();
      if (chunk === null || chunk === undefined) {
        if (this.buffer !== '') this.queue.push(this.buffer);
        this.buffer = '';
        this.current = undefined;
        continue;
      }
      this.buffer += chunk;
      const separator = this.machine.str(this.machine.getVar('RS'));
      const parts =
        separator === '' ? this.buffer.split(/\n\n+/) : this.buffer.split(separator === '\n' ? '\n' : separator);
      this.buffer = parts.pop() ?? '';
      this.queue.push(...(separator === '' ? parts.filter((part) => part !== '') : parts));
    }
  }

  private openNext(): boolean {
    while (this.operandIndex < this.operands.length) {
      const operand = this.operands[this.operandIndex++] ?? '';
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(operand);
      if (assignment) {
        this.machine.setVar(assignment[1] ?? '', strnum(unescapeAssignment(assignment[2] ?? '')));
        continue;
      }
      this.machine.setVar('FILENAME', str(operand));
      this.machine.setVar('FNR', num(0));
      this.stdinUsed = true;
      if (operand === '-' || operand === '/dev/stdin') {
        this.current = this.ctx.stdin;
        return true;
      }
      const read = readFileAt(this.ctx, operand);
      if (!read.ok) {
        this.ctx.stderr.write(`awk: cannot open ${operand} (${strerror(read.error.code)})\n`);
        this.failed = true;
        return false;
      }
      this.current = new StringInput(read.value);
      return true;
    }
    if (this.stdinUsed) return false;
    this.stdinUsed = true;
    this.current = this.ctx.stdin;
    return true;
  }
}

function unescapeAssignment(text: string): string {
  return text.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\' })[c] ?? `\\${c}`);
}

interface Outputs extends AwkIO {
  flushPipes(): Promise<void>;
}

function createIO(ctx: CommandContext, reader: () => RecordReader | undefined): Outputs {
  const opened = new Set<string>();
  const pipes = new Map<string, string>();
  const fileCursors = new Map<string, string[]>();
  return {
    write: (text) => ctx.stdout.write(text),
    writeFile: (name, text, append) => {
      if (name === '/dev/stdout' || name === '-') return ctx.stdout.write(text);
      if (name === '/dev/stderr') return ctx.stderr.write(text);
      const path = absolute(ctx, name);
      const first = !opened.has(path);
      opened.add(path);
      ctx.session.fs.writeFile(path, text, { append: append || !first });
    },
    writePipe: (command, text) => pipes.set(command, (pipes.get(command) ?? '') + text),
    nextRecord: () => reader()?.buffered(),
    readFileLine: (name) => {
      let lines = fileCursors.get(name);
      if (!lines) {
        const read = readFileAt(ctx, name);
        if (!read.ok) return undefined;
        lines = read.value.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        fileCursors.set(name, lines);
      }
      return lines.shift();
    },
    close: (name) => {
      opened.delete(absolute(ctx, name));
      fileCursors.delete(name);
      return 0;
    },
    flushPipes: async () => {
      for (const [command, text] of pipes) {
        await ctx.run(['sh', '-c', command], { stdin: new StringInput(text), stdout: ctx.stdout, stderr: ctx.stderr });
      }
      pipes.clear();
    },
  };
}

function parseArguments(ctx: CommandContext) {
  const args = ctx.args.slice(1);
  const assignments: Array<[string, string]> = [];
  let fieldSeparator: string | undefined;
  let programText: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const value = () => (arg.length > 2 ? arg.slice(2) : args[++i]);
    if (arg.startsWith('-F')) fieldSeparator = value();
    else if (arg.startsWith('-v')) {
      const assignment = value() ?? '';
      const eq = assignment.indexOf('=');
      if (eq <= 0) return { error: `awk: improper assignment: -v ${assignment}\n` };
      assignments.push([assignment.slice(0, eq), unescapeAssignment(assignment.slice(eq + 1))]);
    } else if (arg.startsWith('-f')) {
      const name = value() ?? '';
      const read = readFileAt(ctx, name);
      if (!read.ok) return { error: `awk: couldn't open file ${name}: ${strerror(read.error.code)}\n` };
      programText = (programText ?? '') + read.value + '\n';
    } else if (arg === '-W' || arg.startsWith('-W')) {
      if (arg === '-W') i++;
    } else return { error: `awk: not an option: ${arg}\n` };
  }
  if (programText === undefined) programText = args[i++];
  if (programText === undefined) return { error: USAGE };
  return { programText, fieldSeparator, assignments, operands: args.slice(i) };
}

export const awk: Command = async (ctx) => {
  const parsed = parseArguments(ctx);
  if ('error' in parsed) {
    ctx.stderr.write(parsed.error ?? '');
    return 2;
  }
  let program: AwkProgram;
  try {
    program = parseAwk(parsed.programText);
  } catch (error) {
    if (!(error instanceof AwkSyntaxError)) throw error;
    const unclosed =
      error.near === 'end of file' &&
      (parsed.programText.match(/{/g) ?? []).length > (parsed.programText.match(/}/g) ?? []).length;
    const lines = parsed.programText.split('\n').length;
    ctx.stderr.write(
      unclosed ? `awk: line ${lines + 1}: missing } near end of file\n` : `awk: line ${error.line}: ${error.message}\n`,
    );
    return 2;
  }
  const readerRef: { current?: RecordReader } = {};
  const io = createIO(ctx, () => readerRef.current);
  const machine = new AwkMachine(io);
  if (parsed.fieldSeparator !== undefined) {
    machine.setVar('FS', str(parsed.fieldSeparator === 't' ? '\t' : unescapeAssignment(parsed.fieldSeparator)));
  }
  for (const [name, value] of parsed.assignments) machine.setVar(name, strnum(value));
  const environ = machine.getArray('ENVIRON');
  for (const [name, value] of Object.entries(ctx.env)) environ.set(name, strnum(value));
  const reader = new RecordReader(ctx, parsed.operands, machine);
  readerRef.current = reader;
  const evaluator = new Evaluator(machine, program);
  const status = await execute(ctx, program, evaluator, machine, reader);
  await io.flushPipes();
  return status;
};

async function execute(
  ctx: CommandContext,
  program: AwkProgram,
  ev: Evaluator,
  machine: AwkMachine,
  reader: RecordReader,
) {
  let exitCode = 0;
  const setExit = (signal: ExitSignal) => {
    if (signal.code >= 0) exitCode = signal.code;
  };
  const rules = (kind: Rule['kind']) => program.rules.filter((rule) => rule.kind === kind);
  try {
    let exited = false;
    try {
      for (const rule of rules('begin')) ev.run(rule.action ?? []);
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal;
      setExit(signal);
      exited = true;
    }
    const main = rules('main');
    const inRange = new Set<Rule>();
    if (!exited && (main.length > 0 || rules('end').length > 0)) {
      try {
        for (let record = await reader.next(); record !== undefined; record = await reader.next()) {
          if (ctx.signal.aborted) return 130;
          machine.setRecord(record);
          machine.incrementRecordCounters();
          try {
            for (const rule of main) {
              if (!matches(ev, rule, inRange)) continue;
              if (rule.action) ev.run(rule.action);
              else io(ev);
            }
          } catch (signal) {
            if (!(signal instanceof NextSignal)) throw signal;
          }
        }
      } catch (signal) {
        if (!(signal instanceof ExitSignal)) throw signal;
        setExit(signal);
      }
    }
    try {
      for (const rule of rules('end')) ev.run(rule.action ?? []);
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal;
      setExit(signal);
    }
  } catch (error) {
    if (!(error instanceof AwkRuntimeError)) throw error;
    const where = `\tFILENAME="${machine.str(machine.getVar('FILENAME'))}" FNR=${toNumber(machine.getVar('FNR'))} NR=${toNumber(machine.getVar('NR'))}`;
    ctx.stderr.write(`awk: run time error: ${error.message}\n${where}\n`);
    return 2;
  }
  return reader.failed && exitCode === 0 ? 2 : exitCode;
}

function io(ev: Evaluator): void {
  ev.exec({ k: 'print', args: [] });
}

function matches(ev: Evaluator, rule: Rule, inRange: Set<Rule>): boolean {
  if (!rule.pattern) return true;
  if (!rule.rangeEnd) return toBool(ev.eval(rule.pattern));
  if (inRange.has(rule)) {
    if (toBool(ev.eval(rule.rangeEnd))) inRange.delete(rule);
    return true;
  }
  if (!toBool(ev.eval(rule.pattern))) return false;
  if (!toBool(ev.eval(rule.rangeEnd))) inRange.add(rule);
  return true;
}
