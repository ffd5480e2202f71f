import { parseArgs } from 'node:util';
import { type CliIO, type Command, type OptionSpec, type OptionValues, UsageError } from './command';
import { labCommand } from './commands/lab';
import { shellCommand } from './commands/shell';
import { DEFAULT_SERVER, statusCommand } from './commands/status';
import { versionCommand } from './commands/version';

export type { CliIO } from './command';

/** Exit codes: 0 success, 1 the command failed, 2 it was called wrongly. */
export const EXIT_USAGE = 2;

const COMMANDS: readonly Command[] = [labCommand, shellCommand, statusCommand, versionCommand];

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'Show help (for a command: kubelab <command> --help)' },
  version: { type: 'boolean', short: 'v', description: 'Print the version' },
};

const HELP_COMMAND = {
  name: 'help',
  summary: "Show this help, or a command's: kubelab help <command>",
  usage: 'kubelab help [command]',
  description: 'Shows the usage of kubelab or of one of its commands.',
  options: {},
  maxPositionals: 1,
} as const;

/**
 * Runs `kubelab <args>` and returns the exit code. Everything it reads and
 * writes goes through `io`, so it runs the same in a terminal and in tests.
 */
export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kubelab: ${error.message}\n`);
      io.stderr(`Run 'kubelab ${error.command ? `${error.command} ` : ''}--help' for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`kubelab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function dispatch(args: readonly string[], io: CliIO): Promise<number> {
  const { tokens } = parseArgs({
    args: [...args],
    options: parseArgsOptions(allOptions()),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []));
  const name = positionals[0];
  const command = name === undefined || name === HELP_COMMAND.name ? undefined : findCommand(name);
  if (name !== undefined && name !== HELP_COMMAND.name && command === undefined) {
    throw new UsageError(`unknown command "${name}"`);
  }
  const spec = name === HELP_COMMAND.name ? HELP_COMMAND : command;
  const values = readOptions(tokens, { ...GLOBAL_OPTIONS, ...spec?.options }, spec?.name);
  const rest = positionals.slice(1);
  if (rest.length > (spec?.maxPositionals ?? 0)) {
    throw new UsageError(`unexpected argument "${rest[spec?.maxPositionals ?? 0]}"`, spec?.name);
  }

  if (name === HELP_COMMAND.name) {
    const topic = rest[0];
    if (topic === undefined || topic === HELP_COMMAND.name) return printUsage(io, topic ? HELP_COMMAND : undefined);
    const about = findCommand(topic);
    if (!about) throw new UsageError(`unknown command "${topic}"`);
    return printUsage(io, about);
  }
  if (values['help']) return printUsage(io, command);
  if (values['version']) return versionCommand.run({ io, values: {}, positionals: [] });
  if (!command) return printUsage(io, undefined);
  return command.run({ io, values, positionals: rest });
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

/** Every option any command knows, so the first pass finds the command word reliably. */
function allOptions(): Record<string, OptionSpec> {
  return Object.assign({}, GLOBAL_OPTIONS, ...COMMANDS.map((command) => command.options)) as Record<string, OptionSpec>;
}

function parseArgsOptions(options: Record<string, OptionSpec>) {
  return Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
    ]),
  );
}

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never;

/** Checks the options against what the command accepts, with messages people understand. */
function readOptions(tokens: Token[], accepted: Record<string, OptionSpec>, command: string | undefined): OptionValues {
  const values: OptionValues = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(accepted, token.name) ? accepted[token.name] : undefined;
    if (!spec) {
      const where = command ? ` for "kubelab ${command}"` : '';
      throw new UsageError(`unknown option "${token.rawName}"${where}`, command);
    }
    const display = `--${token.name}`;
    if (spec.type === 'string') {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
        throw new UsageError(`option ${display} needs a value (${display} ${spec.valueName ?? 'VALUE'})`, command);
      }
      values[token.name] = token.value;
    } else {
      if (token.inlineValue) throw new UsageError(`option ${display} takes no value`, command);
      values[token.name] = true;
    }
  }
  return values;
}

function formatOptions(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}   ${description}`);
}

export function usage(command?: Pick<Command, 'usage' | 'description' | 'options'>): string {
  if (command) {
    const options = formatOptions({
      ...command.options,
      help: { type: 'boolean', short: 'h', description: 'Show this help' },
    });
    return [`Usage: ${command.usage}`, '', command.description, '', 'Options:', ...options, ''].join('\n');
  }
  const commands = [...COMMANDS, HELP_COMMAND].sort((a, b) => a.name.localeCompare(b.name));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: kubelab <command> [options]',
    '',
    'The kubelab command-line tool: talks to a kubelab server.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`),
    '',
    'Global options:',
    ...formatOptions(GLOBAL_OPTIONS),
    '',
    'Environment:',
    `  KUBELAB_SERVER   The server to talk to (default ${DEFAULT_SERVER})`,
    '',
    "Run 'kubelab <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function printUsage(io: CliIO, command: Pick<Command, 'usage' | 'description' | 'options'> | undefined): number {
  io.stdout(usage(command));
  return 0;
}
