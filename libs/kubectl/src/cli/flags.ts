// Command-line parsing with spf13/pflag's rules, as cobra runs it for
// kubectl: `--flag=v`, `--flag v`, `-f v`, `-fv`, `-f=v`, combined boolean
// shorthands (`-it`), flags anywhere among the arguments, `--` ending flags,
// and pflag's exact error texts.

export type FlagType = 'bool' | 'string' | 'int32' | 'int64' | 'stringSlice' | 'stringArray' | 'duration' | 'float';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** The value when the flag is not given (parsed form). */
  default: FlagValue;
  /** The value a bare `--flag` (no `=value`) takes; booleans take `true`. */
  noOptDefault?: string;
  /** Deprecated flags print `Flag --x has been deprecated, <message>` when used. */
  deprecated?: string;
}

export type FlagValue = boolean | string | number | string[];

export class FlagError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  /** Number of positionals before `--` (cobra's ArgsLenAtDash); -1 without `--`. */
  argsLenAtDash: number;
  values: Map<string, FlagValue>;
  /** Flags given on the command line, in order. */
  changed: Set<string>;
  warnings: string[];
}

const INT_LIMITS: Record<'int32' | 'int64', [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

function quoteFlag(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

/** Go's time.ParseDuration, in milliseconds. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const match = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!match) return undefined;
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (units[part[2] ?? 's'] ?? 0);
  }
  return match[1] === '-' ? -total : total;
}

function parseValue(spec: FlagSpec, raw: string, previous: FlagValue | undefined, first: boolean): FlagValue {
  const invalid = (reason: string) =>
    new FlagError(`invalid argument "${raw}" for "${quoteFlag(spec)}" flag: ${reason}`);
  switch (spec.type) {
    case 'bool': {
      const value = parseGoBool(raw);
      if (value === undefined) throw invalid(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return value;
    }
    case 'int32':
    case 'int64': {
      const normalized = raw.replace(/_/g, '');
      if (!/^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|\d+)$/.test(normalized) || raw.includes('__')) {
        throw invalid(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      const negative = normalized.startsWith('-');
      const digits = normalized.replace(/^[-+]/, '');
      const value = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits) * (negative ? -1n : 1n);
      const [min, max] = INT_LIMITS[spec.type];
      if (value < min || value > max) throw invalid(`strconv.ParseInt: parsing "${raw}": value out of range`);
      return Number(value);
    }
    case 'float': {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
        throw invalid(`strconv.ParseFloat: parsing "${raw}": invalid syntax`);
      }
      return Number(raw);
    }
    case 'duration': {
      const value = parseGoDuration(raw);
      if (value === undefined) throw invalid(`time: invalid duration "${raw}"`);
      return value;
    }
    case 'stringSlice': {
      const items = raw === '' ? [] : splitCsv(raw);
      return first ? items : [...(previous as string[]), ...items];
    }
    case 'stringArray':
      return first ? [raw] : [...(previous as string[]), raw];
    case 'string':
      return raw;
  }
}

/** strconv.ParseBool. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** encoding/csv reading of one record, as pflag's stringSlice does it. */
function splitCsv(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShorthand = new Map<string, FlagSpec>();

  constructor(specs: readonly FlagSpec[]) {
    for (const spec of specs) {
      this.byName.set(spec.name, spec);
      if (spec.shorthand) this.byShorthand.set(spec.shorthand, spec);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  specs(): FlagSpec[] {
    return [...this.byName.values()];
  }

  parse(args: readonly string[]): ParsedArgs {
    const result: ParsedArgs = {
      positionals: [],
      argsLenAtDash: -1,
      values: new Map(),
      changed: new Set(),
      warnings: [],
    };
    for (const spec of this.byName.values()) {
      result.values.set(spec.name, Array.isArray(spec.default) ? [...spec.default] : spec.default);
    }
    const set = (spec: FlagSpec, raw: string) => {
      const first = !result.changed.has(spec.name);
      result.values.set(spec.name, parseValue(spec, raw, result.values.get(spec.name), first));
      result.changed.add(spec.name);
      if (spec.deprecated) result.warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
    };
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      if (arg === '--') {
        result.argsLenAtDash = result.positionals.length;
        result.positionals.push(...args.slice(i + 1));
        break;
      }
      if (arg.startsWith('--') && arg.length > 2) {
        const body = arg.slice(2);
        const eq = body.indexOf('=');
        const name = eq === -1 ? body : body.slice(0, eq);
        const spec = this.byName.get(name);
        if (!spec) throw new FlagError(`unknown flag: --${name}`);
        if (eq !== -1) set(spec, body.slice(eq + 1));
        else if (spec.type === 'bool') set(spec, 'true');
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
        else if (i + 1 < args.length) set(spec, args[++i] ?? '');
        else throw new FlagError(`flag needs an argument: --${name}`);
        continue;
      }
      if (arg.startsWith('-') && arg.length > 1) {
        i = this.parseShorthands(arg, args, i, set);
        continue;
      }
      result.positionals.push(arg);
    }
    return result;
  }

  /** One `-abc` group; returns the index of the last argument consumed. */
  private parseShorthands(
    arg: string,
    args: readonly string[],
    index: number,
    set: (spec: FlagSpec, raw: string) => void,
  ): number {
    let rest = arg.slice(1);
    while (rest.length > 0) {
      const char = rest[0] ?? '';
      const spec = this.byShorthand.get(char);
      if (!spec) throw new FlagError(`unknown shorthand flag: '${char}' in ${arg}`);
      rest = rest.slice(1);
      if (rest.startsWith('=')) {
        set(spec, rest.slice(1));
        return index;
      }
      if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (rest.length > 0) {
        set(spec, rest);
        return index;
      } else if (index + 1 < args.length) {
        set(spec, args[index + 1] ?? '');
        return index + 1;
      } else throw new FlagError(`flag needs an argument: '${char}' in ${arg}`);
    }
    return index;
  }
}
