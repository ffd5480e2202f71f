// cut -f/-d/-c/-b with GNU's list syntax (N, N-, -M, N-M, comma separated).
import type { Command } from '../runtime/command';
import { parseOptions, usageError } from './support/options';
import { readInputs, splitLines } from './support/io';

type Range = [number, number];

function parseList(list: string): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(/[, ]/)) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!match || part === '' || part === '-') return `invalid field value \u2018${part}\u2019`;
    const from = match[1] === '' ? 1 : Number(match[1]);
    const to = match[2] === '' ? from : match[3] === '' ? Infinity : Number(match[3]);
    if (from === 0 || to === 0) return 'fields are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}

const selected = (ranges: Range[], position: number) => ranges.some(([from, to]) => position >= from && position <= to);

export const cut: Command = async (ctx) => {
  const parsed = parseOptions('cut', ctx.args.slice(1), {
    flags: 'sn',
    values: 'dfcb',
    long: {
      delimiter: { key: 'd', value: true },
      fields: { key: 'f', value: true },
      characters: { key: 'c', value: true },
      bytes: { key: 'b', value: true },
      'only-delimited': { key: 's' },
      'output-delimiter': { key: 'o', value: true },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const modes = ['f', 'c', 'b'].filter((key) => options.has(key));
  if (modes.length === 0) {
    ctx.stderr.write(usageError('cut', 'you must specify a list of bytes, characters, or fields'));
    return 1;
  }
  if (modes.length > 1) {
    ctx.stderr.write(usageError('cut', 'only one type of list may be specified'));
    return 1;
  }
  const mode = modes[0] ?? 'f';
  const delimiter = options.value('d') ?? '\t';
  if ([...delimiter].length > 1) {
    ctx.stderr.write(usageError('cut', 'the delimiter must be a single character'));
    return 1;
  }
  if (mode !== 'f' && options.has('d')) {
    ctx.stderr.write(usageError('cut', 'an input delimiter may be specified only when operating on fields'));
    return 1;
  }
  const ranges = parseList(options.value(mode) ?? '');
  if (typeof ranges === 'string') {
    ctx.stderr.write(usageError('cut', ranges));
    return 1;
  }
  const outputDelimiter = options.value('o') ?? delimiter;
  let status = 0;
  for (const input of await readInputs(ctx, options.operands, 'cut')) {
    if (input === null) {
      status = 1;
      continue;
    }
    let out = '';
    for (const line of splitLines(input.text)) {
      if (mode !== 'f') {
        const chars = [...line];
        out += chars.filter((_, index) => selected(ranges, index + 1)).join('') + '\n';
        continue;
      }
      // An empty -d '' means NUL in GNU; a line without the delimiter passes through whole.
      const fields = line.split(delimiter === '' ? '\0' : delimiter);
      if (fields.length === 1) {
        if (!options.has('s')) out += `${line}\n`;
        continue;
      }
      out += fields.filter((_, index) => selected(ranges, index + 1)).join(outputDelimiter) + '\n';
    }
    ctx.stdout.write(out);
  }
  return status;
};
