// sort (-n -r -u -k -t -h -b -f) with C-locale byte order and GNU's
// last-resort whole-line comparison; uniq (-c -d -u -i).
import type { Command } from '../runtime/command';
import { parseOptions } from './support/options';
import { readInputs, splitLines } from './support/io';

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  flags: string;
}

function parseKey(spec: string): Key | undefined {
  const match = /^(\d+)(?:\.(\d+))?([bdfghinrMV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinrMV]*))?$/.exec(spec);
  if (!match || match[1] === '0') return undefined;
  return {
    startField: Number(match[1]),
    startChar: match[2] === undefined ? 1 : Number(match[2]),
    endField: match[4] === undefined ? Infinity : Number(match[4]),
    endChar: match[5] === undefined ? 0 : Number(match[5]),
    flags: (match[3] ?? '') + (match[6] ?? ''),
  };
}

/** Field boundaries: with -t, split on the separator; otherwise each field includes its leading blanks. */
function fieldsOf(line: string, separator: string | undefined): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (separator !== undefined) {
    let start = 0;
    for (;;) {
      const index = line.indexOf(separator, start);
      if (index < 0) break;
      spans.push([start, index]);
      start = index + separator.length;
    }
    spans.push([start, line.length]);
    return spans;
  }
  const pattern = /[ \t]*[^ \t]+/g;
  for (const match of line.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

function keyText(line: string, key: Key, separator: string | undefined, skipBlanks: boolean): string {
  const spans = fieldsOf(line, separator);
  const startSpan = spans[key.startField - 1];
  if (!startSpan) return '';
  let start = startSpan[0];
  if (skipBlanks) while (start < startSpan[1] && /[ \t]/.test(line[start] ?? '')) start++;
  start = Math.min(start + key.startChar - 1, line.length);
  let end = line.length;
  const endSpan = spans[key.endField - 1];
  if (key.endField !== Infinity && endSpan)
    end = key.endChar === 0 ? endSpan[1] : Math.min(endSpan[0] + key.endChar, line.length);
  return line.slice(start, Math.max(start, end));
}

const HUMAN = 'KMGTPEZY';

function numericValue(text: string, human: boolean): number {
  const match = /^\s*(-?\d*\.?\d+)([KMGTPEZYk]?)/.exec(text);
  if (!match) return 0;
  const base = Number(match[1]);
  if (!human || !match[2]) return base;
  return base * Math.pow(1024, HUMAN.indexOf(match[2].toUpperCase()) + 1);
}

const compareBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareBy(a: string, b: string, flags: string): number {
  if (flags.includes('n') || flags.includes('h') || flags.includes('g')) {
    const human = flags.includes('h');
    return Math.sign(numericValue(a, human) - numericValue(b, human));
  }
  if (flags.includes('f')) return compareBytes(a.toUpperCase(), b.toUpperCase());
  return compareBytes(a, b);
}

export const sort: Command = async (ctx) => {
  const parsed = parseOptions('sort', ctx.args.slice(1), {
    flags: 'nrubfhgsVMcC',
    values: 'ktoS',
    long: {
      'numeric-sort': { key: 'n' },
      reverse: { key: 'r' },
      unique: { key: 'u' },
      key: { key: 'k', value: true },
      'field-separator': { key: 't', value: true },
      'human-numeric-sort': { key: 'h' },
      'ignore-case': { key: 'f' },
      output: { key: 'o', value: true },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 2;
  }
  const options = parsed.options;
  const separator = options.value('t');
  if (separator !== undefined && [...separator].length !== 1) {
    ctx.stderr.write(separator === '' ? 'sort: empty tab\n' : `sort: multi-character tab \u2018${separator}\u2019\n`);
    return 2;
  }
  const keys: Key[] = [];
  for (const spec of options.values('k')) {
    const key = parseKey(spec);
    if (!key) {
      const problem = /^0/.test(spec) ? 'field number is zero' : 'invalid count at start of';
      ctx.stderr.write(`sort: invalid number at field start: ${problem} \u2018${spec}\u2019\n`);
      return 2;
    }
    keys.push(key);
  }
  const global = ['n', 'h', 'g', 'f', 'r', 'b'].filter((flag) => options.has(flag)).join('');
  const lines: string[] = [];
  let status = 0;
  for (const input of await readInputs(ctx, options.operands, 'sort', 'sort')) {
    if (input === null) status = 2;
    else lines.push(...splitLines(input.text));
  }
  if (status !== 0) return status;
  const compareKeys = (a: string, b: string): number => {
    if (keys.length === 0) {
      const result = compareBy(a, b, global);
      return global.includes('r') ? -result : result;
    }
    for (const key of keys) {
      const flags = key.flags === '' ? global : key.flags;
      const skip = flags.includes('b') || /[nhg]/.test(flags);
      const result = compareBy(keyText(a, key, separator, skip), keyText(b, key, separator, skip), flags);
      if (result !== 0) return flags.includes('r') ? -result : result;
    }
    return 0;
  };
  const reverse = options.has('r');
  const sorted = lines
    .map((line, index) => ({ line, index }))
    .sort((x, y) => {
      const byKey = compareKeys(x.line, y.line);
      if (byKey !== 0 || options.has('u') || options.has('s')) return byKey || x.index - y.index;
      const last = compareBytes(x.line, y.line);
      return reverse ? -last : last;
    })
    .map(({ line }) => line);
  const out = options.has('u')
    ? sorted.filter((line, i) => i === 0 || compareKeys(sorted[i - 1] ?? '', line) !== 0)
    : sorted;
  const text = out.map((line) => `${line}\n`).join('');
  const target = options.value('o');
  if (target !== undefined) {
    ctx.session.fs.writeFile(target.startsWith('/') ? target : `${ctx.cwd}/${target}`.replace('//', '/'), text);
  } else ctx.stdout.write(text);
  return 0;
};

export const uniq: Command = async (ctx) => {
  const parsed = parseOptions('uniq', ctx.args.slice(1), {
    flags: 'cdui',
    values: 'fs',
    long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const [input] = await readInputs(ctx, options.operands.slice(0, 1), 'uniq');
  if (!input) return 1;
  const same = (a: string, b: string) => (options.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: Array<{ line: string; count: number }> = [];
  for (const line of splitLines(input.text)) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  let out = '';
  for (const group of groups) {
    if (options.has('d') && group.count < 2) continue;
    if (options.has('u') && group.count > 1) continue;
    out += options.has('c') ? `${String(group.count).padStart(7)} ${group.line}\n` : `${group.line}\n`;
  }
  ctx.stdout.write(out);
  return 0;
};
