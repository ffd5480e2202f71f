// wc with GNU's column widths: one count for one input is bare; otherwise
// every number is as wide as the total byte count of the regular files, and
// at least 7 wide when stdin is among the inputs.
import type { Command } from '../runtime/command';
import { byteLength } from '../fs/memory-fs';
import { StringInput } from '../runtime/streams';
import { parseOptions } from './support/options';
import { readInputs } from './support/io';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  longest: number;
}

function countText(text: string): Counts {
  const lines = (text.match(/\n/g) ?? []).length;
  const words = (text.match(/[^ \t\n\r\f\v]+/g) ?? []).length;
  const longest = Math.max(0, ...text.split('\n').map((line) => line.length));
  return { lines, words, chars: [...text].length, bytes: byteLength(text), longest };
}

export const wc: Command = async (ctx) => {
  const parsed = parseOptions('wc', ctx.args.slice(1), {
    flags: 'lwcmL',
    long: {
      lines: { key: 'l' },
      words: { key: 'w' },
      bytes: { key: 'c' },
      chars: { key: 'm' },
      'max-line-length': { key: 'L' },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const chosen = (['l', 'w', 'm', 'c', 'L'] as const).filter((key) => options.has(key));
  const fields = chosen.length > 0 ? chosen : (['l', 'w', 'c'] as const);
  const operands = options.operands;
  const inputs = await readInputs(ctx, operands, 'wc');
  const names = operands.length === 0 ? [''] : operands;
  let width = 1;
  if (!(fields.length === 1 && inputs.length === 1)) {
    let minimum = 1;
    let regularTotal = 0;
    // A pipe or terminal on stdin has no size: GNU then pads to 7.
    const stdinIsFile = ctx.stdin instanceof StringInput && !ctx.stdin.isTTY;
    inputs.forEach((input, index) => {
      if (input === null) return;
      if ((names[index] === '-' || operands.length === 0) && !stdinIsFile) minimum = 7;
      else regularTotal += byteLength(input.text);
    });
    width = Math.max(minimum, String(regularTotal).length);
  }
  const pick = (counts: Counts, key: (typeof fields)[number]) =>
    key === 'l'
      ? counts.lines
      : key === 'w'
        ? counts.words
        : key === 'm'
          ? counts.chars
          : key === 'c'
            ? counts.bytes
            : counts.longest;
  const format = (counts: Counts, name: string) =>
    fields.map((key) => String(pick(counts, key)).padStart(width)).join(' ') + (name === '' ? '' : ` ${name}`) + '\n';
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
  let status = 0;
  inputs.forEach((input, index) => {
    if (input === null) {
      status = 1;
      return;
    }
    const counts = countText(input.text);
    total.lines += counts.lines;
    total.words += counts.words;
    total.chars += counts.chars;
    total.bytes += counts.bytes;
    total.longest = Math.max(total.longest, counts.longest);
    ctx.stdout.write(format(counts, names[index] ?? ''));
  });
  if (inputs.length > 1) ctx.stdout.write(format(total, 'total'));
  return status;
};
