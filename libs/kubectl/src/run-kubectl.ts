// The kubectl entry point: finds the command cobra would run for the
// arguments, parses its flags with pflag's rules, prints help, runs it, and
// turns failures into kubectl's messages and exit codes.
import { KubectlError } from './cli/errors';
import { FlagError, FlagSet } from './cli/flags';
import { Invocation, type KubectlCommand } from './cli/invocation';
import type { KubectlContext } from './context';
import { flagSpecs, globalFlagSpecs, helpEntry, renderHelp, renderOptions, rootCommandNames } from './help/help';
import { COMMANDS } from './commands/registry';
import { suggestionsFor } from './cli/suggestions';

/** Whether `arg` (a flag) consumes the next argument as its value. */
function takesValue(arg: string, flags: FlagSet): boolean {
  if (arg.includes('=')) return false;
  const spec = arg.startsWith('--')
    ? flags.specs().find((candidate) => candidate.name === arg.slice(2))
    : flags.specs().find((candidate) => candidate.shorthand === arg.slice(-1) && arg.length === 2);
  return spec !== undefined && spec.type !== 'bool' && spec.noOptDefault === undefined;
}

/** cobra's Find: the deepest command named by the leading non-flag arguments. */
function findCommand(args: readonly string[]): { path: string; rest: string[] } {
  let path = '';
  const rest: string[] = [];
  let searching = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      rest.push(arg);
      const flags = new FlagSet(path ? flagSpecs(path) : globalFlagSpecs());
      if (takesValue(arg, flags) && i + 1 < args.length) rest.push(args[++i] ?? '');
      continue;
    }
    const next = searching ? subcommand(path, arg) : undefined;
    if (next) path = next;
    else {
      searching = false;
      rest.push(arg);
    }
  }
  return { path, rest };
}

function subcommand(path: string, name: string): string | undefined {
  const entry = path ? helpEntry(path) : undefined;
  const children = path ? (entry?.subcommands ?? []).map((sub) => sub.name) : rootCommands();
  for (const child of children) {
    const childPath = path ? `${path} ${child}` : child;
    if (child === name) return childPath;
    const aliases = helpEntry(childPath)?.aliases?.split(', ') ?? [];
    if (aliases.includes(name)) return childPath;
  }
  return undefined;
}

function rootCommands(): string[] {
  return [...rootCommandNames(), 'options', 'help'];
}

async function execute(args: readonly string[], ctx: KubectlContext): Promise<number> {
  const { path, rest } = findCommand(args);
  const flags = new FlagSet(path ? flagSpecs(path) : globalFlagSpecs());
  const dash = rest.indexOf('--');
  const helpAt = rest.findIndex((arg) => arg === '-h' || arg === '--help');
  if (path === 'help' || (helpAt !== -1 && (dash === -1 || helpAt < dash))) {
    ctx.stdout.write(path === 'options' ? renderOptions() : renderHelp(path === 'help' ? '' : path));
    return 0;
  }
  let parsed;
  try {
    parsed = flags.parse(rest);
  } catch (error) {
    if (error instanceof FlagError) {
      throw new KubectlError(`error: ${error.message}\nSee 'kubectl ${path ? `${path} ` : ''}--help' for usage.`);
    }
    throw error;
  }
  for (const warning of parsed.warnings) ctx.stderr.write(`${warning}\n`);
  if (path === '') return root(parsed.positionals, ctx);
  if (path === 'options') {
    ctx.stdout.write(renderOptions());
    return 0;
  }
  const command: KubectlCommand | undefined = COMMANDS[path];
  if (!command) return notImplemented(path, parsed.positionals, ctx);
  const result = await command.run(new Invocation(ctx, path, parsed));
  return result ?? 0;
}

function root(positionals: string[], ctx: KubectlContext): number {
  const [first] = positionals;
  if (first === undefined) {
    ctx.stdout.write(renderHelp(''));
    return 0;
  }
  const suggestions = suggestionsFor(first, rootCommands());
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((name) => `\t${name}`).join('\n')}` : '';
  throw new KubectlError(`error: unknown command "${first}" for "kubectl"${hint}`);
}

/** Parent commands without a Run of their own (`kubectl set`, `kubectl create service`). */
function notImplemented(path: string, positionals: string[], ctx: KubectlContext): number {
  const entry = helpEntry(path);
  if (entry?.subcommands) {
    if (positionals.length > 0) {
      throw new KubectlError(
        `error: unknown command "${positionals[0]}"\nSee 'kubectl ${path} -h' for help and examples`,
      );
    }
    ctx.stdout.write(renderHelp(path));
    return 1;
  }
  throw new KubectlError(`error: "kubectl ${path}" is not available in this lab`);
}

/** Runs `kubectl <args>`; resolves with the exit code. Never throws for bad input. */
export async function runKubectl(args: readonly string[], ctx: KubectlContext): Promise<number> {
  try {
    return await execute(args, ctx);
  } catch (error) {
    if (error instanceof KubectlError) {
      if (error.message) ctx.stderr.write(error.message.endsWith('\n') ? error.message : `${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
