// The utilities container scripts call, as far as their timing, output,
// files and exit status go: busybox applets and GNU coreutils alike.
import { emit, notFound, setFile, type RunContext } from './shell-context';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sleep` arguments in milliseconds (`5`, `0.5`, `2m`, `infinity`); undefined when invalid. */
export function sleepMs(args: string[]): number | undefined {
  let total = 0;
  for (const arg of args) {
    if (arg === 'infinity' || arg === 'inf') return Infinity;
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!match) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 1000);
  }
  return args.length ? total : undefined;
}

function pad(value: number, width = 2, fill = '0'): string {
  return String(value).padStart(width, fill);
}

/** `date` in UTC: the default `%a %b %e %H:%M:%S %Z %Y`, or a `+FORMAT`. */
export function formatDate(epochMs: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const date = new Date(epochMs);
  const fields: Record<string, string> = {
    a: DAYS[date.getUTCDay()] ?? '',
    b: MONTHS[date.getUTCMonth()] ?? '',
    d: pad(date.getUTCDate()),
    e: pad(date.getUTCDate(), 2, ' '),
    H: pad(date.getUTCHours()),
    M: pad(date.getUTCMinutes()),
    S: pad(date.getUTCSeconds()),
    Y: String(date.getUTCFullYear()),
    m: pad(date.getUTCMonth() + 1),
    y: pad(date.getUTCFullYear() % 100),
    Z: 'UTC',
    z: '+0000',
    s: String(Math.floor(epochMs / 1000)),
    '%': '%',
  };
  fields.T = `${fields.H}:${fields.M}:${fields.S}`;
  fields.F = `${fields.Y}-${fields.m}-${fields.d}`;
  fields.D = `${fields.m}/${fields.d}/${fields.y}`;
  return format.replace(/%(.)/g, (whole, key: string) => fields[key] ?? whole);
}

function echo(args: string[], ctx: RunContext): void {
  let newline = true;
  let escapes = false;
  while (/^-[neE]+$/.test(args[0] ?? '')) {
    const flags = args.shift() ?? '';
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
  }
  let text = args.join(' ');
  if (escapes || ctx.tools.flavour === 'dash') text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  const lines = text.split('\n');
  if (!newline && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) emit(ctx, line);
  ctx.status = 0;
}

function printf(args: string[], ctx: RunContext): void {
  const [format = '', ...values] = args;
  let index = 0;
  const text = format
    .replace(/%([sdi%])/g, (_, kind: string) => (kind === '%' ? '%' : (values[index++] ?? (kind === 's' ? '' : '0'))))
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
  const lines = text.split('\n');
  // A final line without a newline still reaches the log once the process writes more or exits.
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) emit(ctx, line);
  ctx.status = 0;
}

function fileMessage(ctx: RunContext, tool: string, path: string): string {
  if (ctx.tools.flavour === 'busybox')
    return tool === 'cat'
      ? `cat: can't open '${path}': No such file or directory`
      : `${tool}: ${path}: No such file or directory`;
  return tool === 'ls'
    ? `ls: cannot access '${path}': No such file or directory`
    : `${tool}: ${path}: No such file or directory`;
}

const SYSTEM_FILES = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/etc/passwd', '/etc/os-release', '/dev/null'];

function exists(ctx: RunContext, path: string): boolean {
  return ctx.files.has(path) || SYSTEM_FILES.includes(path) || path === '/' || path === '/tmp';
}

/** `test` / `[`: file tests, string and integer comparisons, `!`. */
function test(args: string[], ctx: RunContext): boolean {
  if (args[0] === '!') return !test(args.slice(1), ctx);
  if (args.length === 0) return false;
  if (args.length === 1) return (args[0] ?? '') !== '';
  const [a = '', op = '', b = ''] = args;
  if (args.length === 2) {
    if (a === '-z') return op === '';
    if (a === '-n') return op !== '';
    if (['-f', '-e', '-d', '-s', '-r'].includes(a)) return exists(ctx, op);
    return false;
  }
  const numbers: Record<string, (x: number, y: number) => boolean> = {
    '-eq': (x, y) => x === y,
    '-ne': (x, y) => x !== y,
    '-lt': (x, y) => x < y,
    '-le': (x, y) => x <= y,
    '-gt': (x, y) => x > y,
    '-ge': (x, y) => x >= y,
  };
  if (op === '=' || op === '==') return a === b;
  if (op === '!=') return a !== b;
  const compare = numbers[op];
  return compare ? compare(Number(a), Number(b)) : false;
}

export function runUtility(name: string, args: string[], ctx: RunContext): void {
  switch (name) {
    case 'sleep': {
      const ms = sleepMs(args);
      if (ms === undefined) {
        emit(ctx, `sleep: invalid number '${args[0] ?? ''}'`);
        ctx.status = 1;
      } else if (ms === Infinity) ctx.stop = { kind: 'forever', atMs: ctx.t };
      else {
        ctx.t += ms;
        ctx.status = 0;
      }
      return;
    }
    case 'echo':
      return echo([...args], ctx);
    case 'printf':
      return printf(args, ctx);
    case 'true':
    case ':':
    case 'cd':
    case 'export':
    case 'set':
    case 'unset':
    case 'wait':
    case 'mkdir':
    case 'chmod':
    case 'ulimit':
      ctx.status = 0;
      return;
    case 'false':
      ctx.status = 1;
      return;
    case 'date':
      emit(ctx, formatDate(ctx.tools.startedAt + ctx.t, args[0]?.startsWith('+') ? args[0].slice(1) : undefined));
      ctx.status = 0;
      return;
    case 'hostname':
      emit(ctx, ctx.tools.hostname);
      ctx.status = 0;
      return;
    case 'env':
    case 'printenv': {
      if (args.length && name === 'printenv') {
        const value = ctx.env.get(args[0] ?? '');
        if (value !== undefined) emit(ctx, value);
        ctx.status = value === undefined ? 1 : 0;
        return;
      }
      for (const [key, value] of ctx.env) emit(ctx, `${key}=${value}`);
      ctx.status = 0;
      return;
    }
    case 'touch':
      for (const path of args.filter((arg) => !arg.startsWith('-'))) if (!ctx.files.has(path)) setFile(ctx, path, '');
      ctx.status = 0;
      return;
    case 'rm':
      for (const path of args.filter((arg) => !arg.startsWith('-')))
        if (ctx.files.has(path)) setFile(ctx, path, undefined);
      ctx.status = 0;
      return;
    case 'cat':
    case 'ls': {
      ctx.status = 0;
      for (const path of args.filter((arg) => !arg.startsWith('-'))) {
        if (!exists(ctx, path)) {
          emit(ctx, fileMessage(ctx, name, path));
          ctx.status = 1;
        } else if (name === 'cat') {
          for (const line of (ctx.files.get(path) ?? '').replace(/\n$/, '').split('\n'))
            if (ctx.files.get(path)) emit(ctx, line);
        } else emit(ctx, path);
      }
      return;
    }
    case 'test':
      ctx.status = test(args, ctx) ? 0 : 1;
      return;
    case '[':
      ctx.status = args[args.length - 1] === ']' && test(args.slice(0, -1), ctx) ? 0 : 1;
      return;
    case 'seq': {
      const [first = '1', last] = args.length > 1 ? args : ['1', args[0]];
      for (let value = Number(first); value <= Number(last ?? 0) && value - Number(first) < 100000; value++) {
        emit(ctx, String(value));
      }
      ctx.status = 0;
      return;
    }
    case 'tail':
      if (args.includes('-f') || args.includes('-F')) ctx.stop = { kind: 'forever', atMs: ctx.t };
      ctx.status = 0;
      return;
    case 'ping': {
      const count = args.indexOf('-c') >= 0 ? Number(args[args.indexOf('-c') + 1]) : Infinity;
      if (count === Infinity) ctx.stop = { kind: 'forever', atMs: ctx.t };
      else ctx.t += Math.max(0, count - 1) * 1000;
      return;
    }
    default:
      if (ctx.tools.binaries.includes(name)) {
        ctx.status = 0;
        return;
      }
      emit(ctx, notFound(ctx, name));
      ctx.status = 127;
  }
}
