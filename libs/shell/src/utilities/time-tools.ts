// sleep, date and timeout: time comes from the session clock (UTC).
import type { Command, CommandContext } from '../runtime/command';
import { parseOptions, usageError } from './support/options';

const SUFFIX: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `5`, `0.5`, `2m`, `1.5h` in seconds; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (SUFFIX[match[2] ?? ''] ?? 1);
}

export const sleep: Command = async (ctx) => {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    ctx.stderr.write(usageError('sleep', 'missing operand'));
    return 1;
  }
  let seconds = 0;
  for (const arg of args) {
    const value = parseDuration(arg);
    if (value === undefined) {
      ctx.stderr.write(
        ctx.flavour === 'busybox'
          ? `sleep: invalid number '${arg}'\n`
          : usageError('sleep', `invalid time interval \u2018${arg}\u2019`),
      );
      return 1;
    }
    seconds += value;
  }
  const completed = await ctx.session.clock.sleep(Math.round(seconds * 1000));
  return completed ? 0 : 130;
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const two = (n: number) => String(n).padStart(2, '0');

/** strftime for UTC. */
export function formatDate(epochMs: number, format: string): string {
  const d = new Date(epochMs);
  const year = d.getUTCFullYear();
  const hour = d.getUTCHours();
  const startOfYear = Date.UTC(year, 0, 1);
  const dayOfYear = Math.floor((epochMs - startOfYear) / 86400000) + 1;
  const fields: Record<string, () => string> = {
    Y: () => String(year),
    y: () => two(year % 100),
    C: () => two(Math.floor(year / 100)),
    m: () => two(d.getUTCMonth() + 1),
    d: () => two(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => two(hour),
    I: () => two(hour % 12 === 0 ? 12 : hour % 12),
    k: () => String(hour).padStart(2),
    l: () => String(hour % 12 === 0 ? 12 : hour % 12).padStart(2),
    M: () => two(d.getUTCMinutes()),
    S: () => two(d.getUTCSeconds()),
    N: () => String(d.getUTCMilliseconds() * 1000000).padStart(9, '0'),
    s: () => String(Math.floor(epochMs / 1000)),
    p: () => (hour < 12 ? 'AM' : 'PM'),
    P: () => (hour < 12 ? 'am' : 'pm'),
    a: () => (DAYS[d.getUTCDay()] ?? '').slice(0, 3),
    A: () => DAYS[d.getUTCDay()] ?? '',
    b: () => (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3),
    h: () => (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()] ?? '',
    j: () => String(dayOfYear).padStart(3, '0'),
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    Z: () => 'UTC',
    z: () => '+0000',
    D: () => formatDate(epochMs, '%m/%d/%y'),
    F: () => formatDate(epochMs, '%Y-%m-%d'),
    T: () => formatDate(epochMs, '%H:%M:%S'),
    R: () => formatDate(epochMs, '%H:%M'),
    r: () => formatDate(epochMs, '%I:%M:%S %p'),
    c: () => formatDate(epochMs, '%a %b %e %H:%M:%S %Y'),
    x: () => formatDate(epochMs, '%m/%d/%y'),
    X: () => formatDate(epochMs, '%H:%M:%S'),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%([-_0^#]?)(\d*)([a-zA-Z%])/g, (whole, flag: string, _width: string, key: string) => {
    const field = fields[key];
    if (!field) return whole;
    const value = field();
    if (flag === '-') return value.replace(/^[0 ]+(?=\d)/, '');
    if (flag === '^') return value.toUpperCase();
    return value;
  });
}

function parseDateArgument(text: string, now: number): number | undefined {
  if (text === 'now' || text === '') return now;
  if (/^@\d+$/.test(text)) return Number(text.slice(1)) * 1000;
  const relative = /^([+-]?\d+) (second|minute|hour|day)s?( ago)?$/.exec(text);
  if (relative) {
    const unit = { second: 1, minute: 60, hour: 3600, day: 86400 }[relative[2] as 'second'];
    const sign = relative[3] ? -1 : 1;
    return now + sign * Number(relative[1]) * unit * 1000;
  }
  const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export const date: Command = (ctx) => {
  const parsed = parseOptions('date', ctx.args.slice(1), {
    flags: 'uR',
    values: 'dI',
    long: {
      utc: { key: 'u' },
      universal: { key: 'u' },
      date: { key: 'd', value: true },
      'iso-8601': { key: 'I', value: 'optional' },
      rfc: { key: 'R' },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const now = ctx.session.clock.now();
  const given = options.value('d');
  const when = given === undefined ? now : parseDateArgument(given, now);
  if (when === undefined) {
    ctx.stderr.write(`date: invalid date \u2018${given ?? ''}\u2019\n`);
    return 1;
  }
  const formatArg = options.operands.find((arg) => arg.startsWith('+'));
  const extra = options.operands.find((arg) => !arg.startsWith('+'));
  if (extra !== undefined) {
    ctx.stderr.write(`date: invalid date \u2018${extra}\u2019\n`);
    return 1;
  }
  let format = '%a %b %e %H:%M:%S %Z %Y';
  if (formatArg !== undefined) format = formatArg.slice(1);
  else if (options.has('R')) format = '%a, %d %b %Y %H:%M:%S %z';
  else if (options.has('I')) {
    const precision = options.value('I') ?? '';
    format =
      precision === 'seconds'
        ? '%Y-%m-%dT%H:%M:%S+00:00'
        : precision === 'minutes'
          ? '%Y-%m-%dT%H:%M+00:00'
          : '%Y-%m-%d';
  }
  ctx.stdout.write(`${formatDate(when, format)}\n`);
  return 0;
};

export const timeout: Command = async (ctx) => {
  const parsed = parseOptions('timeout', ctx.args.slice(1), {
    flags: 'v',
    values: 'sk',
    stopAtOperand: true,
    long: {
      signal: { key: 's', value: true },
      'kill-after': { key: 'k', value: true },
      'preserve-status': { key: 'p' },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 125;
  }
  const [limit, ...command] = parsed.options.operands;
  if (limit === undefined || command.length === 0) {
    ctx.stderr.write(usageError('timeout', 'missing operand'));
    return 125;
  }
  const seconds = parseDuration(limit);
  if (seconds === undefined) {
    ctx.stderr.write(usageError('timeout', `invalid time interval \u2018${limit}\u2019`));
    return 125;
  }
  return raceTimeout(ctx, seconds, command);
};

async function raceTimeout(ctx: CommandContext, seconds: number, command: string[]): Promise<number> {
  let timedOut = false;
  // Writes stop once the limit passed: the program was killed.
  const guard = (stream: CommandContext['stdout']) => ({
    write: (text: string) => {
      if (!timedOut) stream.write(text);
    },
    get closed() {
      return stream.closed || timedOut;
    },
    isTTY: stream.isTTY,
  });
  const io = { stdin: ctx.stdin, stdout: guard(ctx.stdout), stderr: guard(ctx.stderr) };
  const started = ctx.session.clock.now();
  const finished = ctx.run(command, io).then((code) => ({ code, expired: false }));
  // `timeout 0` never fires; otherwise the limit is a stream wait, which in
  // scripts ends when the program can make no more progress.
  const expired =
    seconds === 0
      ? new Promise<never>(() => undefined)
      : ctx.session.clock.sleep(seconds * 1000, { stream: true }).then(() => ({ code: 124, expired: true }));
  const result = await Promise.race([finished, expired]);
  if (result.expired) {
    timedOut = true;
    return 124;
  }
  const overran = seconds > 0 && ctx.session.clock.now() - started > seconds * 1000;
  return overran ? 124 : result.code;
}
