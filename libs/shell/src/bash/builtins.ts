// bash's builtins that need the shell itself: cd, export, alias, history,
// exit, source, read, set, shift, type, eval, local, return, break, jobs,
// kill, wait... with bash's messages and exit codes.
import type { CancelSignal } from '@kubelab/kubectl';
import { resolvePath, type CommandIO } from '../runtime/command';
import type { Interpreter } from './interpreter';

/** break/continue/return/exit unwinding through the interpreter. */
export class ControlFlow extends Error {
  constructor(
    readonly kind: 'break' | 'continue' | 'return' | 'exit',
    /** Loop count for break/continue; status for return/exit. */
    readonly count: number,
  ) {
    super(kind);
  }
}

export interface BuiltinCall {
  shell: Interpreter;
  args: string[];
  io: CommandIO;
  signal: CancelSignal;
}

type Builtin = (call: BuiltinCall) => Promise<number> | number;

function error(call: BuiltinCall, message: string, status = 1): number {
  call.io.stderr.write(`${call.shell.prefix}${call.args[0] ?? ''}: ${message}\n`);
  return status;
}

/** `alias` prints definitions quoted as bash does: alias k='kubectl'. */
function quoteAlias(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function cd(call: BuiltinCall): number {
  const { shell } = call;
  const home = shell.vars.get('HOME') ?? '/root';
  let target = call.args[1];
  if (call.args.length > 2) return error(call, 'too many arguments');
  if (target === undefined || target === '~') target = home;
  if (target === '-') {
    target = shell.vars.get('OLDPWD') ?? shell.cwd;
    call.io.stdout.write(`${target}\n`);
  }
  const path = resolvePath(shell.cwd, target, home);
  const stat = shell.options.session.fs.stat(path);
  if (!stat.ok) return error(call, `${target}: No such file or directory`);
  if (stat.value.type !== 'directory') return error(call, `${target}: Not a directory`);
  shell.cd(path);
  return 0;
}

function exportBuiltin(call: BuiltinCall): number {
  const { shell } = call;
  const names = call.args.slice(1).filter((arg) => arg !== '-n');
  if (names.length === 0 || call.args[1] === '-p') {
    const env = shell.vars.environment();
    for (const name of Object.keys(env).sort()) call.io.stdout.write(`declare -x ${name}="${env[name] ?? ''}"\n`);
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = error(call, `\`${arg}': not a valid identifier`);
      continue;
    }
    if (eq === -1) shell.vars.export(name);
    else shell.vars.set(name, arg.slice(eq + 1), { export: true });
  }
  return status;
}

function alias(call: BuiltinCall): number {
  const { shell } = call;
  const args = call.args.slice(1).filter((arg) => arg !== '-p');
  if (args.length === 0) {
    for (const name of [...shell.aliases.keys()].sort())
      call.io.stdout.write(`alias ${name}=${quoteAlias(shell.aliases.get(name) ?? '')}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq === -1) {
      const value = shell.aliases.get(arg);
      if (value === undefined) status = error(call, `${arg}: not found`);
      else call.io.stdout.write(`alias ${arg}=${quoteAlias(value)}\n`);
    } else shell.aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
  }
  return status;
}

function unalias(call: BuiltinCall): number {
  const { shell } = call;
  if (call.args[1] === '-a') {
    shell.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const name of call.args.slice(1)) if (!shell.aliases.delete(name)) status = error(call, `${name}: not found`);
  return status;
}

function history(call: BuiltinCall): number {
  const { shell } = call;
  if (call.args[1] === '-c') {
    shell.history = [];
    return 0;
  }
  const count = call.args[1] ? Number(call.args[1]) : shell.history.length;
  if (!Number.isInteger(count)) return error(call, `${call.args[1] ?? ''}: numeric argument required`);
  const start = Math.max(0, shell.history.length - count);
  shell.history.slice(start).forEach((line, index) => {
    call.io.stdout.write(`${String(start + index + 1).padStart(5)}  ${line}\n`);
  });
  return 0;
}

function exit(call: BuiltinCall): number {
  const code = call.args[1] === undefined ? call.shell.lastStatus : Number(call.args[1]);
  // Interactive bash says goodbye; busybox ash does not.
  if (call.shell.options.interactive && call.shell.options.shellName === 'bash') call.io.stderr.write('exit\n');
  if (!Number.isInteger(code)) {
    error(call, `${call.args[1] ?? ''}: numeric argument required`);
    throw new ControlFlow('exit', 2);
  }
  throw new ControlFlow('exit', ((code % 256) + 256) % 256);
}

async function source(call: BuiltinCall): Promise<number> {
  const file = call.args[1];
  if (file === undefined) return error(call, 'filename argument required', 2);
  const path = resolvePath(call.shell.cwd, file, call.shell.vars.get('HOME') ?? '/root');
  if (!call.shell.options.session.fs.stat(path).ok) return error(call, `${file}: No such file or directory`);
  return call.shell.runScript(path, call.args.slice(2), call.io, call.signal);
}

async function read(call: BuiltinCall): Promise<number> {
  const names: string[] = [];
  let raw = false;
  for (let i = 1; i < call.args.length; i++) {
    const arg = call.args[i] ?? '';
    if (arg === '-r') raw = true;
    else if (arg === '-p') call.io.stderr.write(call.args[++i] ?? '');
    else if (arg === '-s') continue;
    else names.push(arg);
  }
  const line = await readLine(call.io);
  if (line === null) return 1;
  const text = raw ? line : line.replace(/\\(.)/g, '$1');
  const targets = names.length ? names : ['REPLY'];
  const fields = targets.length === 1 ? [text.trim()] : text.trim().split(/\s+/);
  targets.forEach((name, index) => {
    const value = index === targets.length - 1 ? fields.slice(index).join(' ') : (fields[index] ?? '');
    call.shell.vars.set(name, value);
  });
  return 0;
}

/** One line of standard input; null at its end. Reads byte by byte to leave the rest for later readers. */
async function readLine(io: CommandIO): Promise<string | null> {
  const stdin = io.stdin as CommandIO['stdin'] & { readLine?: () => Promise<string | null> };
  if (stdin.readLine) return stdin.readLine();
  const text = await stdin.readAll();
  if (text === '') return null;
  return text.split('\n')[0] ?? '';
}

function set(call: BuiltinCall): number {
  const args = call.args.slice(1);
  if (args.length === 0) {
    const all = call.shell.vars.all();
    for (const name of Object.keys(all).sort()) call.io.stdout.write(`${name}=${all[name] ?? ''}\n`);
    return 0;
  }
  if (args[0] === '--') call.shell.positional = args.slice(1);
  else if (!args[0]?.startsWith('-') && !args[0]?.startsWith('+')) call.shell.positional = args;
  return 0;
}

function shift(call: BuiltinCall): number {
  const count = call.args[1] === undefined ? 1 : Number(call.args[1]);
  if (!Number.isInteger(count) || count < 0) return error(call, `${call.args[1] ?? ''}: numeric argument required`);
  if (count > call.shell.positional.length) return 1;
  call.shell.positional = call.shell.positional.slice(count);
  return 0;
}

function type(call: BuiltinCall): number {
  let status = 0;
  for (const name of call.args.slice(1)) {
    const found = call.shell.describe(name);
    if (!found) {
      status = error(call, `${name}: not found`);
      continue;
    }
    const text =
      found.kind === 'alias'
        ? `${name} is aliased to \`${found.text}'`
        : found.kind === 'builtin'
          ? `${name} is a shell builtin`
          : found.kind === 'function'
            ? `${name} is a function`
            : `${name} is ${found.text}`;
    call.io.stdout.write(`${text}\n`);
  }
  return status;
}

function command(call: BuiltinCall): Promise<number> | number {
  if (call.args[1] === '-v') {
    let status = 0;
    for (const name of call.args.slice(2)) {
      const found = call.shell.describe(name);
      if (!found) status = 1;
      else
        call.io.stdout.write(
          `${found.kind === 'alias' ? `alias ${name}='${found.text}'` : found.kind === 'file' ? found.text : name}\n`,
        );
    }
    return status;
  }
  return call.args.length > 1 ? call.shell.invoke(call.args.slice(1), call.io, call.signal) : 0;
}

function local(call: BuiltinCall): number {
  for (const arg of call.args.slice(1)) {
    const eq = arg.indexOf('=');
    call.shell.vars.declareLocal(eq === -1 ? arg : arg.slice(0, eq), eq === -1 ? undefined : arg.slice(eq + 1));
  }
  return 0;
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (call) => {
    const count = call.args[1] === undefined ? 1 : Number(call.args[1]);
    throw new ControlFlow(kind, Number.isInteger(count) && count > 0 ? count : 1);
  };
}

function jobs(call: BuiltinCall): number {
  const list = call.shell.jobs;
  list.forEach((job, index) => {
    const marker = index === list.length - 1 ? '+' : index === list.length - 2 ? '-' : ' ';
    const pid = call.args[1] === '-l' ? `${job.pid} ` : '';
    call.io.stdout.write(`[${job.id}]${marker}  ${pid}${'Running'.padEnd(24)}${job.command} &\n`);
  });
  return 0;
}

function kill(call: BuiltinCall): number {
  let status = 0;
  for (const target of call.args.slice(1).filter((arg) => !/^-(\d+|[A-Z]+|s)$/.test(arg))) {
    const job = target.startsWith('%')
      ? call.shell.jobs.find((candidate) => String(candidate.id) === target.slice(1))
      : call.shell.jobs.find((candidate) => String(candidate.pid) === target);
    if (!job) {
      status = error(call, target.startsWith('%') ? `${target}: no such job` : `(${target}) - No such process`);
      continue;
    }
    job.abort();
    if (call.shell.options.interactive)
      call.io.stderr.write(`[${job.id}]+  ${'Terminated'.padEnd(24)}${job.command}\n`);
  }
  return status;
}

async function wait(call: BuiltinCall): Promise<number> {
  let status = 0;
  for (const job of [...call.shell.jobs]) status = await job.done;
  return status;
}

async function evalBuiltin(call: BuiltinCall): Promise<number> {
  return call.shell.runSource(call.args.slice(1).join(' '), call.io, call.signal);
}

function returnBuiltin(call: BuiltinCall): number {
  throw new ControlFlow('return', call.args[1] === undefined ? call.shell.lastStatus : Number(call.args[1]) & 255);
}

function pwd(call: BuiltinCall): number {
  call.io.stdout.write(`${call.shell.cwd}\n`);
  return 0;
}

function unset(call: BuiltinCall): number {
  for (const name of call.args.slice(1).filter((arg) => !arg.startsWith('-'))) {
    call.shell.vars.unset(name);
    if (call.args[1] === '-f') call.shell.functions.delete(name);
  }
  return 0;
}

export const BUILTINS: Record<string, Builtin> = {
  cd,
  pwd,
  export: exportBuiltin,
  unset,
  alias,
  unalias,
  history,
  exit,
  logout: exit,
  source,
  '.': source,
  read,
  set,
  shift,
  type,
  command,
  local,
  declare: local,
  break: loopControl('break'),
  continue: loopControl('continue'),
  return: returnBuiltin,
  jobs,
  kill,
  wait,
  eval: evalBuiltin,
  ':': () => 0,
};
