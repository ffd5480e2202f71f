// kubectl's `--help` texts and flag tables, from the recorded help of the
// real kubectl v1.32 (help-data.generated.ts): rendering with kubectl's
// cobra templates, and the flags each command parses.
import type { FlagSpec, FlagType, FlagValue } from '../cli/flags';
import { GLOBAL_FLAGS, HELP, OPTIONS_HEADER, ROOT_HELP } from './help-data.generated';
import type { HelpEntry, HelpFlag } from './help-types';

const OPTIONS_HINT = 'Use "kubectl options" for a list of global command-line options (applies to all commands).';

/** Flags whose Go type cannot be told from the printed default. */
const TYPE_OVERRIDES: Record<string, FlagType> = {
  env: 'stringArray',
  annotations: 'stringArray',
  'from-literal': 'stringArray',
  annotation: 'stringArray',
  'set-image': 'stringArray',
  'override-type': 'string',
};

/** Flags that take a value but may be given bare (pflag NoOptDefVal). */
const NO_OPT_DEFAULTS: Record<string, string> = {
  'dry-run': 'unchanged',
  validate: 'strict',
  'grace-period': '-1',
};

const INT32_FLAGS = new Set([
  'create deployment/replicas',
  'create deployment/port',
  'create service nodeport/node-port',
]);

export function helpEntry(path: string): HelpEntry | undefined {
  return HELP[path];
}

/** The top-level commands in the order `kubectl --help` lists them (cobra's suggestion order). */
export function rootCommandNames(): string[] {
  return [...ROOT_HELP.matchAll(/^ {2}([a-z-]+) {2,}\S/gm)].map((match) => match[1] ?? '');
}

export function knownCommandPaths(): string[] {
  return Object.keys(HELP);
}

function inferType(path: string, flag: HelpFlag): FlagType {
  const override = TYPE_OVERRIDES[flag.name];
  if (override) return override;
  const text = flag.defaultText;
  if (text === 'true' || text === 'false') return 'bool';
  if (text.startsWith('[')) return 'stringSlice';
  if (/^-?\d+$/.test(text)) return INT32_FLAGS.has(`${path}/${flag.name}`) ? 'int32' : 'int64';
  if (/^-?\d+(\.\d+)?$/.test(text)) return 'float';
  if (/^\d+(\.\d+)?(ns|us|ms|s|m|h)([\d.]+(ns|us|ms|s|m|h))*$/.test(text)) return 'duration';
  return 'string';
}

function defaultValue(type: FlagType, text: string): FlagValue {
  switch (type) {
    case 'bool':
      return text === 'true';
    case 'int32':
    case 'int64':
    case 'float':
      return Number(text);
    case 'duration':
      return durationMs(text);
    case 'stringSlice':
    case 'stringArray':
      return text === '[]' ? [] : text.slice(1, -1).split(',');
    case 'string':
      return text.startsWith("'") ? text.slice(1, -1) : text;
  }
}

function durationMs(text: string): number {
  let total = 0;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  for (const part of text.matchAll(/([\d.]+)(ms|h|m|s)/g)) total += Number(part[1]) * (units[part[2] ?? 's'] ?? 0);
  return total;
}

function toSpec(path: string, flag: HelpFlag): FlagSpec {
  const type = inferType(path, flag);
  const noOpt = NO_OPT_DEFAULTS[flag.name];
  return {
    name: flag.name,
    ...(flag.shorthand ? { shorthand: flag.shorthand } : {}),
    type,
    default: defaultValue(type, flag.defaultText),
    ...(noOpt !== undefined && type !== 'bool' ? { noOptDefault: noOpt } : {}),
  };
}

const FLAG_SPECS = new Map<string, FlagSpec[]>();

/** The flags a command parses: its own plus kubectl's global options. */
export function flagSpecs(path: string): FlagSpec[] {
  const cached = FLAG_SPECS.get(path);
  if (cached) return cached;
  const own = (HELP[path]?.flags ?? []).map((flag) => toSpec(path, flag));
  const names = new Set(own.map((spec) => spec.name));
  const specs = [...own, ...globalFlagSpecs().filter((spec) => !names.has(spec.name))];
  FLAG_SPECS.set(path, specs);
  return specs;
}

export function globalFlagSpecs(): FlagSpec[] {
  return GLOBAL_FLAGS.map((flag) => toSpec('', flag));
}

function renderFlags(flags: readonly HelpFlag[]): string {
  return flags
    .map(
      (flag) =>
        `    ${flag.shorthand ? `-${flag.shorthand}, ` : ''}--${flag.name}=${flag.defaultText}:\n\t${flag.usage}\n`,
    )
    .join('\n');
}

/** `kubectl <path> --help`. */
export function renderHelp(path: string): string {
  if (path === '') return ROOT_HELP;
  const entry = HELP[path];
  if (!entry) return ROOT_HELP;
  const parts = [entry.description];
  if (entry.aliases) parts.push(`Aliases:\n${entry.aliases}`);
  if (entry.examples) parts.push(`Examples:\n${entry.examples}`);
  if (entry.subcommands) {
    // cobra pads names to at least 11 characters; kubectl's template adds 3.
    const padding = Math.max(11, ...entry.subcommands.map((sub) => sub.name.length)) + 3;
    parts.push(
      `Available Commands:\n${entry.subcommands.map((sub) => `  ${sub.name.padEnd(padding)}${sub.short}`).join('\n')}`,
    );
  }
  if (entry.flags) parts.push(`Options:\n${renderFlags(entry.flags).replace(/\n$/, '')}`);
  parts.push(`Usage:\n  ${entry.usage}\n\n${entry.footer.replace('$OPTIONS', OPTIONS_HINT)}`);
  return `${parts.join('\n\n')}\n`;
}

/** `kubectl options`. */
export function renderOptions(): string {
  return `${OPTIONS_HEADER}\n\n${renderFlags(GLOBAL_FLAGS)}\n`;
}
