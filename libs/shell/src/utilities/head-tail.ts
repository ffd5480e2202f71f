// head and tail: -n N, -N, -c N, `-n -N` (all but the last N) and `-n +N`
// (from line N), with `==> name <==` headers for several files.
import type { Command, CommandContext } from '../runtime/command';
import { parseOptions } from './support/options';
import { readInputs } from './support/io';

type Tool = 'head' | 'tail';

function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/).filter((piece) => piece !== '');
}

function select(tool: Tool, text: string, count: string, bytes: boolean): string {
  const fromStart = count.startsWith('+');
  const allBut = count.startsWith('-');
  const n = Number(count.replace(/^[+-]/, ''));
  if (bytes) {
    if (tool === 'head') return allBut ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n);
    return fromStart ? text.slice(Math.max(0, n - 1)) : n === 0 ? '' : text.slice(-n);
  }
  const lines = linesOf(text);
  if (tool === 'head') return (allBut ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n)).join('');
  if (fromStart) return lines.slice(Math.max(0, n - 1)).join('');
  return n === 0 ? '' : lines.slice(-n).join('');
}

function headOrTail(tool: Tool) {
  return async (ctx: CommandContext): Promise<number> => {
    const parsed = parseOptions(tool, ctx.args.slice(1), {
      flags: 'qvf',
      values: 'nc',
      numericKey: 'n',
      long: {
        lines: { key: 'n', value: true },
        bytes: { key: 'c', value: true },
        quiet: { key: 'q' },
        silent: { key: 'q' },
        verbose: { key: 'v' },
        follow: { key: 'f' },
      },
    });
    if (!parsed.ok) {
      ctx.stderr.write(parsed.message);
      return 1;
    }
    const options = parsed.options;
    const last = options.list.filter(([key]) => key === 'n' || key === 'c').pop();
    const bytes = last?.[0] === 'c';
    const count = last?.[1] ?? '10';
    if (!/^[+-]?\d+$/.test(count)) {
      const what = bytes ? 'bytes' : 'lines';
      ctx.stderr.write(`${tool}: invalid number of ${what}: \u2018${count}\u2019\n`);
      return 1;
    }
    const inputs = await readInputs(ctx, options.operands, tool);
    const headers = options.has('v') || (!options.has('q') && inputs.length > 1);
    let status = 0;
    let first = true;
    inputs.forEach((input, index) => {
      if (input === null) {
        status = 1;
        return;
      }
      if (headers) {
        const name =
          options.operands[index] === '-' ? 'standard input' : input.name.replace('(standard input)', 'standard input');
        ctx.stdout.write(`${first ? '' : '\n'}==> ${name} <==\n`);
      }
      first = false;
      ctx.stdout.write(select(tool, input.text, count, bytes));
    });
    return status;
  };
}

export const head: Command = headOrTail('head');
export const tail: Command = headOrTail('tail');
