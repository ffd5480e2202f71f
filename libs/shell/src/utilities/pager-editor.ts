// less/more (a pager shows the text; through a pipe it is just cat) and
// vi/vim/nano (the host's editor, through the session's terminal hook).
import type { Command } from '../runtime/command';
import { strerror } from '../fs/errors';
import { absolute, readInputs } from './support/io';

export const pager: Command = async (ctx) => {
  const tool = ctx.args[0] ?? 'less';
  const operands = ctx.args.slice(1).filter((arg) => !arg.startsWith('-') || arg === '-');
  if (operands.length === 0 && ctx.stdin.isTTY) {
    ctx.stderr.write(
      tool === 'more' ? 'Usage: more [options] <file>...\n' : 'Missing filename ("less --help" for help)\n',
    );
    return 1;
  }
  let status = 0;
  for (const input of await readInputs(ctx, operands, tool)) {
    if (input === null) status = 1;
    else ctx.stdout.write(input.text);
  }
  return status;
};

export const editor: Command = async (ctx) => {
  const name = ctx.args.slice(1).find((arg) => !arg.startsWith('-') && !arg.startsWith('+'));
  if (name === undefined) {
    await ctx.session.terminal.edit('', '');
    return 0;
  }
  const path = absolute(ctx, name);
  const stat = ctx.session.fs.stat(path);
  if (stat.ok && stat.value.type === 'directory') {
    const saved = await ctx.session.terminal.edit(name, '');
    return saved === undefined ? 0 : 1;
  }
  const current = ctx.session.fs.readFile(path);
  const saved = await ctx.session.terminal.edit(name, current.ok ? current.value : '');
  if (saved === undefined) return 0;
  const written = ctx.session.fs.writeFile(path, saved);
  if (!written.ok) {
    ctx.stderr.write(`"${name}" E212: Can't open file for writing: ${strerror(written.error.code)}\n`);
    return 1;
  }
  return 0;
};
