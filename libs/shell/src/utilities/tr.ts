// tr SET1 [SET2] with -d, -s, -c: ranges, [:classes:], escapes, and SET2
// padded with its last character.
import type { Command } from '../runtime/command';
import { parseOptions, usageError } from './support/options';

const CLASS_CHARS: Record<string, () => string[]> = {
  lower: () => range('a', 'z'),
  upper: () => range('A', 'Z'),
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  digit: () => range('0', '9'),
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  space: () => [' ', '\t', '\n', '\v', '\f', '\r'],
  blank: () => [' ', '\t'],
  punct: () => range('!', '~').filter((c) => !/[0-9A-Za-z]/.test(c)),
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
};

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) out.push(String.fromCharCode(code));
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** Expands a tr set into its characters. */
function expand(set: string): string[] | string {
  const tokens: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const char = set[i] ?? '';
    if (char === '[' && set[i + 1] === ':') {
      const end = set.indexOf(':]', i + 2);
      const name = end < 0 ? '' : set.slice(i + 2, end);
      const cls = CLASS_CHARS[name];
      if (cls) {
        out.push(...tokens.splice(0), ...cls());
        i = end + 1;
        continue;
      }
      if (end >= 0) return `invalid character class \u2018${name}\u2019`;
    }
    let value = char;
    if (char === '\\' && i + 1 < set.length) {
      const next = set[++i] ?? '';
      const octal = /^[0-7]{1,3}/.exec(set.slice(i));
      if (octal) {
        value = String.fromCharCode(parseInt(octal[0], 8));
        i += octal[0].length - 1;
      } else value = ESCAPES[next] ?? next;
    }
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const to = set[i + 2] ?? '';
      if (to < value) return `range-endpoints of \u2018${value}-${to}\u2019 are in reverse collating sequence order`;
      out.push(...tokens.splice(0), ...range(value, to));
      i += 2;
      continue;
    }
    tokens.push(value);
    out.push(...tokens.splice(0));
  }
  return out;
}

export const tr: Command = async (ctx) => {
  const parsed = parseOptions('tr', ctx.args.slice(1), {
    flags: 'dscCt',
    long: { delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, complement: { key: 'c' } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const [first, second] = options.operands;
  const deleting = options.has('d');
  const squeezing = options.has('s');
  const complement = options.has('c') || options.has('C');
  if (first === undefined) {
    ctx.stderr.write(usageError('tr', 'missing operand'));
    return 1;
  }
  if (second === undefined && !deleting && !squeezing) {
    ctx.stderr.write(
      `tr: missing operand after \u2018${first}\u2019\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`,
    );
    return 1;
  }
  const extra = options.operands[deleting && !squeezing ? 1 : 2];
  if (extra !== undefined) {
    ctx.stderr.write(usageError('tr', `extra operand \u2018${extra}\u2019`));
    return 1;
  }
  const set1 = expand(first);
  const set2 = second === undefined ? [] : expand(second);
  if (typeof set1 === 'string') {
    ctx.stderr.write(`tr: ${set1}\n`);
    return 1;
  }
  if (typeof set2 === 'string') {
    ctx.stderr.write(`tr: ${set2}\n`);
    return 1;
  }
  const inSet1 = (char: string) => set1.includes(char) !== complement;
  const map = new Map<string, string>();
  if (!deleting && set2.length > 0 && !complement) {
    set1.forEach((char, index) => map.set(char, set2[Math.min(index, set2.length - 1)] ?? char));
  }
  const squeezeSet = deleting || second === undefined ? set1 : set2;
  const text = await ctx.stdin.readAll();
  let out = '';
  let previous: string | undefined;
  for (const char of text) {
    if (deleting && inSet1(char)) continue;
    let value = char;
    if (!deleting && set2.length > 0) {
      if (complement) value = inSet1(char) ? (set2[set2.length - 1] ?? char) : char;
      else value = map.get(char) ?? char;
    }
    const squeezable = second === undefined && !deleting ? inSet1(value) : squeezeSet.includes(value);
    if (squeezing && squeezable && value === previous) continue;
    out += value;
    previous = value;
  }
  ctx.stdout.write(out);
  return 0;
};
