// env, printenv, clear and yes.
import type { Command } from '../runtime/command';
import { parseOptions } from './support/options';

function listEnvironment(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

export const env: Command = async (ctx) => {
  const args = ctx.args.slice(1);
  let environment: Record<string, string> = { ...ctx.env };
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '-i' || arg === '-' || arg === '--ignore-environment') environment = {};
    else if (arg === '-u' || arg === '--unset') delete environment[args[++index] ?? ''];
    else if (arg === '--') {
      index++;
      break;
    } else if (arg.startsWith('-') && arg.length > 1) {
      ctx.stderr.write(
        ctx.flavour === 'busybox'
          ? `env: unrecognized option '${arg}'\n`
          : `env: invalid option -- '${arg.slice(1, 2)}'\nTry 'env --help' for more information.\n`,
      );
      return 125;
    } else break;
  }
  for (; index < args.length; index++) {
    const arg = args[index] ?? '';
    const eq = arg.indexOf('=');
    if (eq <= 0) break;
    environment[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  const command = args.slice(index);
  if (command.length === 0) {
    ctx.stdout.write(listEnvironment(environment));
    return 0;
  }
  return ctx.run(command, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr }, { env: environment });
};

export const printenv: Command = (ctx) => {
  const names = ctx.args.slice(1).filter((arg) => !arg.startsWith('-'));
  if (names.length === 0) {
    ctx.stdout.write(listEnvironment(ctx.env));
    return 0;
  }
  let status = 0;
  for (const name of names) {
    const value = ctx.env[name];
    if (value === undefined) status = 1;
    else ctx.stdout.write(`${value}\n`);
  }
  return status;
};

export const clear: Command = (ctx) => {
  ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const yes: Command = async (ctx) => {
  const parsed = parseOptions('yes', ctx.args.slice(1), {});
  const line = `${parsed.ok && parsed.options.operands.length > 0 ? parsed.options.operands.join(' ') : 'y'}\n`;
  // Stops when the reader goes away or after a generous cap (no reader ever stops a file redirect).
  for (let written = 0; !ctx.stdout.closed && !ctx.signal.aborted && written < 100000; written++) {
    ctx.stdout.write(line);
    if (written % 64 === 63) await Promise.resolve();
  }
  return ctx.stdout.closed ? 141 : 0;
};
