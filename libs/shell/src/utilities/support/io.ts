// Reading a tool's inputs (files or stdin, `-` for stdin) and splitting text
// into lines the way line-oriented tools see them.
import { fsErrorLine, type FsAction } from '../../fs/errors';
import { resolvePath, type CommandContext } from '../../runtime/command';

export interface InputText {
  name: string;
  text: string;
}

/**
 * The contents of each operand in order, or stdin when there are none. A
 * failure is reported on stderr (`tool: name: No such file...`) and yields
 * null for that operand so the tool can carry on and exit non-zero.
 */
export async function readInputs(
  ctx: CommandContext,
  operands: string[],
  tool = ctx.args[0] ?? '',
  action: FsAction = 'open',
): Promise<Array<InputText | null>> {
  const names = operands.length === 0 ? ['-'] : operands;
  const result: Array<InputText | null> = [];
  for (const name of names) {
    if (name === '-') {
      result.push({ name: '(standard input)', text: await ctx.stdin.readAll() });
      continue;
    }
    const read = readFileAt(ctx, name);
    if (read.ok) result.push({ name, text: read.value });
    else {
      ctx.stderr.write(fsErrorLine(tool, action, name, read.error, ctx.flavour));
      result.push(null);
    }
  }
  return result;
}

export function readFileAt(ctx: CommandContext, name: string) {
  return ctx.session.fs.readFile(resolvePath(ctx.cwd, name, ctx.env['HOME']));
}

export function absolute(ctx: CommandContext, name: string): string {
  return resolvePath(ctx.cwd, name, ctx.env['HOME']);
}

/** Lines without their terminators; a final line without `\n` still counts. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Joins lines back, each terminated by a newline. */
export function joinLines(lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}
