// GNU grep 3: BRE/ERE/fixed patterns, the output options learners pipe
// kubectl through (-i -v -n -c -l -o -w -x -q, context, -r) and exit codes
// 0 (selected), 1 (none), 2 (trouble).
import type { Command, CommandContext } from '../runtime/command';
import { strerror } from '../fs/errors';
import { parseOptions } from './support/options';
import { absolute, splitLines } from './support/io';
import { LineSearch } from './grep-search';
import { escapeFixed, posixToJs, RegexError, type RegexSyntax } from './support/posix-regex';

const LONG = {
  'ignore-case': { key: 'i' },
  'invert-match': { key: 'v' },
  'line-number': { key: 'n' },
  count: { key: 'c' },
  'files-with-matches': { key: 'l' },
  'files-without-match': { key: 'L' },
  'extended-regexp': { key: 'E' },
  'fixed-strings': { key: 'F' },
  'basic-regexp': { key: 'G' },
  'word-regexp': { key: 'w' },
  'line-regexp': { key: 'x' },
  'only-matching': { key: 'o' },
  recursive: { key: 'r' },
  quiet: { key: 'q' },
  silent: { key: 'q' },
  'no-messages': { key: 's' },
  'with-filename': { key: 'H' },
  'no-filename': { key: 'h' },
  regexp: { key: 'e', value: true },
  file: { key: 'f', value: true },
  'after-context': { key: 'A', value: true },
  'before-context': { key: 'B', value: true },
  context: { key: 'C', value: true },
  'max-count': { key: 'm', value: true },
  color: { key: 'color', value: 'optional' },
  colour: { key: 'color', value: 'optional' },
  include: { key: 'include', value: true },
} as const;

export interface GrepSettings {
  regex: RegExp;
  invert: boolean;
  count: boolean;
  listMatching: boolean;
  listMissing: boolean;
  onlyMatching: boolean;
  lineNumbers: boolean;
  quiet: boolean;
  after: number;
  before: number;
  maxCount: number;
}

function buildRegex(
  patterns: string[],
  syntax: RegexSyntax | 'fixed',
  options: { i: boolean; w: boolean; x: boolean },
) {
  const sources = patterns.map((pattern) => (syntax === 'fixed' ? escapeFixed(pattern) : posixToJs(pattern, syntax)));
  let source = sources.length === 1 ? (sources[0] ?? '') : sources.map((s) => `(?:${s})`).join('|');
  if (options.x) source = `^(?:${source})$`;
  else if (options.w) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  return new RegExp(source, options.i ? 'gi' : 'g');
}

function contextNumber(value: string | undefined): number | string {
  if (value === undefined) return 0;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export const grep: Command = async (ctx) => {
  const parsed = parseOptions('grep', ctx.args.slice(1), {
    flags: 'ivnclLEFGwxorRqsHhPZ',
    values: 'efABCm',
    long: LONG,
    numericKey: 'C',
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message.replace(/\nTry/, '\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry'));
    return 2;
  }
  const options = parsed.options;
  const operands = [...options.operands];
  const patterns: string[] = [];
  for (const [key, value] of options.list) {
    if (key === 'e') patterns.push(...value.split('\n'));
    if (key === 'f') {
      const read = ctx.session.fs.readFile(absolute(ctx, value));
      if (!read.ok) {
        ctx.stderr.write(`grep: ${value}: ${strerror(read.error.code)}\n`);
        return 2;
      }
      patterns.push(...splitLines(read.value));
    }
  }
  if (!options.has('e') && !options.has('f')) {
    const first = operands.shift();
    if (first === undefined) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(...first.split('\n'));
  }
  const numbers: Record<string, number> = {};
  for (const key of ['A', 'B', 'C', 'm']) {
    const value = contextNumber(options.value(key));
    if (typeof value === 'string') {
      ctx.stderr.write(key === 'm' ? `grep: invalid max count\n` : `grep: ${value}: invalid context length argument\n`);
      return 2;
    }
    numbers[key] = value;
  }
  const syntax = options.has('F') ? 'fixed' : options.has('E') ? 'extended' : 'basic';
  let regex: RegExp;
  try {
    regex = buildRegex(patterns, syntax, { i: options.has('i'), w: options.has('w'), x: options.has('x') });
  } catch (error) {
    ctx.stderr.write(`grep: ${error instanceof RegexError ? error.message : 'Invalid regular expression'}\n`);
    return 2;
  }
  const settings: GrepSettings = {
    regex,
    invert: options.has('v'),
    count: options.has('c'),
    listMatching: options.has('l'),
    listMissing: options.has('L'),
    onlyMatching: options.has('o'),
    lineNumbers: options.has('n'),
    quiet: options.has('q'),
    after: options.has('A') ? (numbers['A'] ?? 0) : (numbers['C'] ?? 0),
    before: options.has('B') ? (numbers['B'] ?? 0) : (numbers['C'] ?? 0),
    maxCount: options.has('m') ? (numbers['m'] ?? 0) : Infinity,
  };
  const recursive = options.has('r') || options.has('R');
  const sources = collectSources(ctx, operands, recursive, options.has('s'));
  const showNames = options.has('H') || (!options.has('h') && (sources.files.length > 1 || recursive));
  let selected = false;
  for (const source of sources.files) {
    const search = new LineSearch(ctx, showNames ? source.name : undefined, settings);
    if (source.path === null) {
      // stdin is searched as lines arrive, so `kubectl get pods -w | grep web` streams.
      let partial = '';
      for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
        const pieces = (partial + chunk).split('\n');
        partial = pieces.pop() ?? '';
        if (!pieces.every((line) => search.feed(line))) break;
      }
      if (partial !== '') search.feed(partial);
    } else for (const line of splitLines(source.text)) if (!search.feed(line)) break;
    const found = search.finish();
    if (found) selected = true;
    if (found && settings.quiet) return 0;
    if (settings.listMatching && found) ctx.stdout.write(`${source.name}\n`);
    if (settings.listMissing && !found) ctx.stdout.write(`${source.name}\n`);
  }
  if (sources.trouble) return 2;
  return selected ? 0 : 1;
};

interface Source {
  name: string;
  path: string | null;
  text: string;
}

function collectSources(ctx: CommandContext, operands: string[], recursive: boolean, silent: boolean) {
  const files: Source[] = [];
  let trouble = false;
  const complain = (message: string) => {
    trouble = true;
    if (!silent) ctx.stderr.write(message);
  };
  const visit = (name: string, path: string) => {
    const stat = ctx.session.fs.stat(path);
    if (!stat.ok) return complain(`grep: ${name}: ${strerror(stat.error.code)}\n`);
    if (stat.value.type === 'directory') {
      if (!recursive) return complain(`grep: ${name}: Is a directory\n`);
      const entries = ctx.session.fs.readDirectory(path);
      for (const entry of entries.ok ? entries.value : []) {
        visit(
          name === '' ? entry : name.endsWith('/') ? name + entry : `${name}/${entry}`,
          `${path === '/' ? '' : path}/${entry}`,
        );
      }
      return;
    }
    const read = ctx.session.fs.readFile(path);
    if (read.ok) files.push({ name: name, path, text: read.value });
  };
  if (operands.length === 0 && recursive) {
    const entries = ctx.session.fs.readDirectory(ctx.cwd);
    for (const entry of entries.ok ? entries.value : []) visit(entry, absolute(ctx, entry));
  } else if (operands.length === 0) files.push({ name: '(standard input)', path: null, text: '' });
  for (const name of operands) {
    if (name === '-') files.push({ name: '(standard input)', path: null, text: '' });
    else visit(name, absolute(ctx, name));
  }
  return { files, trouble };
}
