// The jq 1.6 command: options, inputs (files or stdin, or -n), output
// formatting and exit codes (2 usage/parse, 3 compile, 5 runtime).
import type { Command, CommandContext } from '../../runtime/command';
import { strerror } from '../../fs/errors';
import { readFileAt } from '../support/io';
import type { JqNode } from './ast';
import { checkDefined } from './check';
import { evaluate, type Env } from './evaluate';
import { formatJson, JsonParseError, parseJsonStream, type Json } from './json';
import { JqCompileError, parseJq } from './parser';
import { isObject, JqError } from './values';

const HELP_HINT =
  'Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n';

export interface JqSettings {
  raw: boolean;
  join: boolean;
  compact: boolean;
  nullInput: boolean;
  slurp: boolean;
  exitStatus: boolean;
  sortKeys: boolean;
  tab: boolean;
  indent: number;
  vars: Map<string, Json>;
  filter: string;
  files: string[];
}

export function parseJqArguments(args: string[]): JqSettings | { error: string } {
  const settings: JqSettings = {
    raw: false,
    join: false,
    compact: false,
    nullInput: false,
    slurp: false,
    exitStatus: false,
    sortKeys: false,
    tab: false,
    indent: 2,
    vars: new Map(),
    filter: '',
    files: [],
  };
  let filter: string | undefined;
  const shortFlags: Record<string, keyof JqSettings> = {
    r: 'raw',
    j: 'join',
    c: 'compact',
    n: 'nullInput',
    s: 'slurp',
    e: 'exitStatus',
    S: 'sortKeys',
  };
  const longFlags: Record<string, keyof JqSettings> = {
    '--raw-output': 'raw',
    '--join-output': 'join',
    '--compact-output': 'compact',
    '--null-input': 'nullInput',
    '--slurp': 'slurp',
    '--exit-status': 'exitStatus',
    '--sort-keys': 'sortKeys',
    '--tab': 'tab',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const long = longFlags[arg];
    if (long) (settings[long] as boolean) = true;
    else if (arg === '--arg' || arg === '--argjson') {
      const name = args[i + 1];
      const value = args[i + 2];
      if (name === undefined || value === undefined)
        return {
          error: `jq: ${arg} takes two parameters (e.g. ${arg} varname ${arg === '--arg' ? 'value' : 'text'})\n${HELP_HINT}`,
        };
      if (arg === '--arg') settings.vars.set(name, value);
      else {
        try {
          settings.vars.set(name, parseJsonStream(value)[0]?.value ?? null);
        } catch {
          return { error: `jq: Invalid JSON text passed to --argjson\n${HELP_HINT}` };
        }
      }
      i += 2;
    } else if (arg === '--indent') settings.indent = Number(args[++i] ?? 2);
    else if (arg === '-M' || arg === '-C' || arg === '--monochrome-output' || arg === '--color-output' || arg === '-a')
      continue;
    else if (/^-[a-zA-Z]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        const key = shortFlags[flag];
        if (key) (settings[key] as boolean) = true;
        else if (!'MCa'.includes(flag)) return { error: `jq: Unknown option ${arg}\n${HELP_HINT}` };
      }
    } else if (arg.startsWith('--')) return { error: `jq: Unknown option ${arg}\n${HELP_HINT}` };
    else if (filter === undefined) filter = arg;
    else settings.files.push(arg);
  }
  settings.filter = filter ?? '.';
  if (settings.join) settings.raw = true;
  return settings;
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key] ?? null)]),
    );
  return value;
}

export function renderJq(value: Json, settings: JqSettings): string {
  if (settings.raw && typeof value === 'string') return value;
  const sorted = settings.sortKeys ? sortKeys(value) : value;
  const text = formatJson(sorted, settings.compact ? 0 : settings.indent);
  return settings.tab ? text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)) : text;
}

/** Compiles the filter; a compile error comes back as jq prints it. */
export function compileJq(filter: string): JqNode | { error: string } {
  try {
    const node = parseJq(filter);
    const missing = checkDefined(node);
    if (missing) {
      const where = `${filter}${' '.repeat(missing.at)}`;
      return {
        error: `jq: error: ${missing.name} is not defined at <top-level>, line 1:\n${where}\njq: 1 compile error\n`,
      };
    }
    return node;
  } catch (error) {
    if (error instanceof JqCompileError) return { error: `${error.message}\n` };
    throw error;
  }
}

interface Input {
  value: Json;
  where: string;
}

/** Runs the filter over the inputs; returns the exit status. */
export function runFilter(
  ctx: CommandContext,
  node: JqNode,
  inputs: Input[],
  settings: JqSettings,
  render = renderJq,
): number {
  const env: Env = { vars: new Map([...settings.vars, ['ENV', { ...ctx.env }]]), funcs: new Map() };
  let status = 0;
  let last: Json | undefined;
  for (const input of inputs) {
    try {
      for (const value of evaluate(node, input.value, env)) {
        last = value;
        ctx.stdout.write(render(value, settings) + (settings.join ? '' : '\n'));
      }
    } catch (error) {
      if (!(error instanceof JqError)) throw error;
      const notString = typeof error.value !== 'string' && error.value !== null ? ' (not a string)' : '';
      ctx.stderr.write(`jq: error (at ${input.where})${notString}: ${error.message}\n`);
      status = 5;
    }
  }
  if (settings.exitStatus && status === 0) return last === undefined ? 4 : last === null || last === false ? 1 : 0;
  return status;
}

export const jq: Command = async (ctx) => {
  const settings = parseJqArguments(ctx.args.slice(1));
  if ('error' in settings) {
    ctx.stderr.write(settings.error);
    return 2;
  }
  const node = compileJq(settings.filter);
  if ('error' in node) {
    ctx.stderr.write(node.error);
    return 3;
  }
  if (settings.nullInput) return runFilter(ctx, node, [{ value: null, where: '<unknown>' }], settings);
  const sources: Array<{ name: string; text: string }> = [];
  for (const name of settings.files) {
    const read = readFileAt(ctx, name);
    if (!read.ok) {
      ctx.stderr.write(`jq: error: Could not open file ${name}: ${strerror(read.error.code)}\n`);
      return 2;
    }
    sources.push({ name, text: read.value });
  }
  if (settings.files.length === 0) sources.push({ name: '<stdin>', text: await ctx.stdin.readAll() });
  const inputs: Input[] = [];
  let parseFailure: string | undefined;
  for (const source of sources) {
    try {
      for (const parsed of parseJsonStream(source.text))
        inputs.push({ value: parsed.value, where: `${source.name}:${parsed.line}` });
    } catch (error) {
      if (!(error instanceof JsonParseError)) throw error;
      parseFailure = `parse error: ${error.message}\n`;
      break;
    }
  }
  const selected = settings.slurp ? [{ value: inputs.map((input) => input.value), where: '<unknown>' }] : inputs;
  const status = parseFailure && settings.slurp ? 0 : runFilter(ctx, node, selected, settings);
  if (parseFailure) {
    // jq 1.6 exits 4 after an input parse error (recorded).
    ctx.stderr.write(parseFailure);
    return 4;
  }
  return status;
};
