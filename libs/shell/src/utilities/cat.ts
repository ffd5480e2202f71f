// cat (with -n/-b/-A/-E), tac, rev and nl: tools that pass text through whole.
import type { Command, CommandContext } from '../runtime/command';
import { parseOptions } from './support/options';
import { readInputs, splitLines } from './support/io';

async function eachInput(ctx: CommandContext, tool: string, operands: string[], emit: (text: string) => void) {
  let status = 0;
  for (const input of await readInputs(ctx, operands, tool)) {
    if (input === null) status = 1;
    else emit(input.text);
  }
  return status;
}

export const cat: Command = async (ctx) => {
  const parsed = parseOptions('cat', ctx.args.slice(1), {
    flags: 'nbAEsTuv',
    long: {
      number: { key: 'n' },
      'number-nonblank': { key: 'b' },
      'show-all': { key: 'A' },
      'show-ends': { key: 'E' },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(ctx.flavour === 'busybox' ? parsed.message.split('\n')[0] + '\n' : parsed.message);
    return 1;
  }
  const options = parsed.options;
  const numberAll = options.has('n') && !options.has('b');
  const numberNonBlank = options.has('b');
  const showEnds = options.has('E') || options.has('A');
  const showTabs = options.has('T') || options.has('A');
  let lineNumber = 0;
  // Line numbering continues across files, and a file ending without a
  // newline continues its last line into the next file.
  let atLineStart = true;
  return eachInput(ctx, 'cat', options.operands, (text) => {
    if (!numberAll && !numberNonBlank && !showEnds && !showTabs) {
      ctx.stdout.write(text);
      return;
    }
    let out = '';
    for (const piece of text.split(/(?<=\n)/)) {
      if (piece === '') continue;
      const blank = piece === '\n';
      if (atLineStart && (numberAll || (numberNonBlank && !blank))) {
        out += `${String(++lineNumber).padStart(6)}\t`;
      }
      let body = piece.endsWith('\n') ? piece.slice(0, -1) : piece;
      if (showTabs) body = body.replace(/\t/g, '^I');
      out += body + (piece.endsWith('\n') ? (showEnds ? '$\n' : '\n') : '');
      atLineStart = piece.endsWith('\n');
    }
    ctx.stdout.write(out);
  });
};

export const tac: Command = async (ctx) =>
  eachInput(ctx, 'tac', ctx.args.slice(1), (text) => {
    const lines = splitLines(text);
    ctx.stdout.write(
      lines
        .reverse()
        .map((line) => `${line}\n`)
        .join(''),
    );
  });

export const rev: Command = async (ctx) =>
  eachInput(ctx, 'rev', ctx.args.slice(1), (text) => {
    const out = text
      .split('\n')
      .map((line) => [...line].reverse().join(''))
      .join('\n');
    ctx.stdout.write(out);
  });

export const nl: Command = async (ctx) => {
  let number = 0;
  return eachInput(ctx, 'nl', ctx.args.slice(1), (text) => {
    const out = splitLines(text)
      .map((line) => (line === '' ? '       \n' : `${String(++number).padStart(6)}\t${line}\n`))
      .join('');
    ctx.stdout.write(out);
  });
};
