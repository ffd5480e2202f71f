// column -t [-s SEP] [-o SEP]: aligns whitespace- (or SEP-) separated
// fields into a table, two spaces apart, as util-linux does.
import type { Command } from '../runtime/command';
import { parseOptions } from './support/options';
import { readInputs, splitLines } from './support/io';

export const column: Command = async (ctx) => {
  const parsed = parseOptions('column', ctx.args.slice(1), {
    flags: 'tnxe',
    values: 'soc',
    long: { table: { key: 't' }, separator: { key: 's', value: true }, 'output-separator': { key: 'o', value: true } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  let text = '';
  let status = 0;
  for (const input of await readInputs(ctx, options.operands, 'column')) {
    if (input === null) status = 1;
    else text += input.text;
  }
  const lines = splitLines(text).filter((line) => line.trim() !== '');
  if (!options.has('t')) {
    ctx.stdout.write(lines.map((line) => `${line}\n`).join(''));
    return status;
  }
  const separators = options.value('s');
  const rows = lines.map((line) => {
    if (separators === undefined) return line.trim().split(/[ \t]+/);
    const pattern = new RegExp(`[${separators.replace(/[\]\\^-]/g, '\\$&')}]+`);
    return line.split(pattern);
  });
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const gap = options.value('o') ?? '  ';
  const out = rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
        .join(gap),
    )
    .map((line) => `${line}\n`)
    .join('');
  ctx.stdout.write(out);
  return status;
};
