// A getopt_long lookalike: bundled short flags (`-la`), attached or separate
// values (`-n5`, `-n 5`, `--lines=5`), `--` and GNU argument permutation, with
// GNU's exact complaints.
export interface OptionSpec {
  /** Short flags without a value, e.g. 'laAR1ht'. */
  flags?: string;
  /** Short options taking a value, e.g. 'n'. */
  values?: string;
  /** Long options: name -> short key (or the long name itself) and whether it takes a value. */
  long?: Record<string, { key: string; value?: boolean | 'optional' }>;
  /** Stop at the first operand (xargs, env, timeout: the rest is a command). */
  stopAtOperand?: boolean;
  /** `-5` means `-n 5` (head, tail). */
  numericKey?: string;
}

export interface ParsedOptions {
  /** Every option in order: [key, value] (value '' for flags). */
  list: Array<[string, string]>;
  operands: string[];
  has(key: string): boolean;
  /** The last value given for `key`. */
  value(key: string): string | undefined;
  values(key: string): string[];
  /** How many times a flag was given. */
  count(key: string): number;
}

export type ParseResult = { ok: true; options: ParsedOptions } | { ok: false; message: string };

function build(list: Array<[string, string]>, operands: string[]): ParsedOptions {
  return {
    list,
    operands,
    has: (key) => list.some(([k]) => k === key),
    value: (key) => list.filter(([k]) => k === key).pop()?.[1],
    values: (key) => list.filter(([k]) => k === key).map(([, v]) => v),
    count: (key) => list.filter(([k]) => k === key).length,
  };
}

/** GNU's two-line usage error. */
export function usageError(tool: string, problem: string): string {
  return `${tool}: ${problem}\nTry '${tool} --help' for more information.\n`;
}

export function parseOptions(tool: string, args: readonly string[], spec: OptionSpec): ParseResult {
  const list: Array<[string, string]> = [];
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (spec.stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    if (spec.numericKey && /^-\d+$/.test(arg)) {
      list.push([spec.numericKey, arg.slice(1)]);
      continue;
    }
    if (arg.startsWith('--')) {
      const [name = '', inline] = splitOnce(arg.slice(2), '=');
      const long = spec.long ?? {};
      const matches = Object.keys(long).filter((candidate) => candidate.startsWith(name));
      const exact = long[name] ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact === undefined) {
        if (matches.length > 1) return { ok: false, message: usageError(tool, `option '${arg}' is ambiguous`) };
        return { ok: false, message: usageError(tool, `unrecognized option '${arg}'`) };
      }
      const option = long[exact];
      if (!option) continue;
      if (option.value === true) {
        if (inline !== undefined) list.push([option.key, inline]);
        else if (i + 1 < args.length) list.push([option.key, args[++i] ?? '']);
        else return { ok: false, message: usageError(tool, `option '--${exact}' requires an argument`) };
      } else if (option.value === 'optional') list.push([option.key, inline ?? '']);
      else {
        if (inline !== undefined) {
          return { ok: false, message: usageError(tool, `option '--${exact}' doesn't allow an argument`) };
        }
        list.push([option.key, '']);
      }
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const char = arg[j] ?? '';
      if (values.includes(char)) {
        const rest = arg.slice(j + 1);
        if (rest !== '') list.push([char, rest]);
        else if (i + 1 < args.length) list.push([char, args[++i] ?? '']);
        else return { ok: false, message: usageError(tool, `option requires an argument -- '${char}'`) };
        break;
      }
      if (!flags.includes(char)) return { ok: false, message: usageError(tool, `invalid option -- '${char}'`) };
      list.push([char, '']);
    }
  }
  return { ok: true, options: build(list, operands) };
}

export function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + separator.length)];
}
