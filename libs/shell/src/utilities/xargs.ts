// xargs: builds argument lists from stdin (blank-separated with quotes, or
// one line per run with -I/-L) and runs them through the shell's `run`.
import type { Command, CommandContext } from '../runtime/command';
import { StringInput } from '../runtime/streams';
import { parseOptions } from './support/options';

/** GNU's default splitting: blanks and newlines, with '...' and "..." quoting and backslash escapes. */
function splitArguments(text: string): string[] | { error: string } {
  const items: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (end < 0 || (newline >= 0 && newline < end)) {
        const which = char === "'" ? 'single' : 'double';
        return {
          error: `xargs: unmatched ${which} quote; by default quotes are special to xargs unless you use the -0 option\n`,
        };
      }
      current += text.slice(i + 1, end);
      started = true;
      i = end;
    } else if (char === '\\' && i + 1 < text.length) {
      current += text[++i] ?? '';
      started = true;
    } else if (/[ \t\n]/.test(char)) {
      if (started) items.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) items.push(current);
  return items;
}

function exitFor(code: number): number | undefined {
  if (code === 255) return 124;
  if (code === 126 || code === 127) return code;
  if (code >= 1 && code <= 125) return 123;
  return undefined;
}

export const xargs: Command = async (ctx) => {
  const parsed = parseOptions('xargs', ctx.args.slice(1), {
    flags: 'rt0p',
    values: 'nIdLP',
    stopAtOperand: true,
    long: {
      'max-args': { key: 'n', value: true },
      replace: { key: 'I', value: 'optional' },
      'no-run-if-empty': { key: 'r' },
      verbose: { key: 't' },
      null: { key: '0' },
      delimiter: { key: 'd', value: true },
      'max-lines': { key: 'L', value: true },
      'max-procs': { key: 'P', value: true },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const command = options.operands.length > 0 ? options.operands : ['echo'];
  const text = await ctx.stdin.readAll();
  const replace = options.value('I');
  const runs: string[][] = [];
  if (replace !== undefined) {
    const token = replace === '' ? '{}' : replace;
    for (const line of text.split('\n')) {
      const argument = line.replace(/^[ \t]+/, '');
      if (argument === '') continue;
      runs.push(command.map((word) => word.split(token).join(argument)));
    }
  } else {
    let items: string[];
    if (options.has('0') || options.has('d')) {
      const delimiter = options.has('0') ? '\0' : (options.value('d') ?? '\n').replace('\\n', '\n');
      items = text.split(delimiter);
      if (items[items.length - 1] === '') items.pop();
    } else {
      const split = splitArguments(text);
      if (!Array.isArray(split)) {
        ctx.stderr.write(split.error);
        return 1;
      }
      items = split;
    }
    const perRun = Number(options.value('n') ?? options.value('L') ?? Infinity);
    if (items.length === 0) {
      if (!options.has('r')) runs.push([...command]);
    } else for (let i = 0; i < items.length; i += perRun) runs.push([...command, ...items.slice(i, i + perRun)]);
  }
  return runAll(ctx, runs, options.has('t'));
};

async function runAll(ctx: CommandContext, runs: string[][], trace: boolean): Promise<number> {
  let status = 0;
  for (const argv of runs) {
    if (ctx.signal.aborted) return 130;
    if (trace) ctx.stderr.write(`${argv.join(' ')}\n`);
    const code = await ctx.run(argv, {
      stdin: new StringInput(''),
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
    const mapped = exitFor(code);
    if (code === 255) {
      ctx.stderr.write(`xargs: ${argv[0] ?? ''}: exited with status 255; aborting\n`);
      return 124;
    }
    if (code === 126 || code === 127) return code;
    if (mapped !== undefined) status = mapped;
  }
  return status;
}
