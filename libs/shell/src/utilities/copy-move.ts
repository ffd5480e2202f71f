// cp [-r] and mv: one source to a destination, or several into a directory.
import type { Command, CommandContext } from '../runtime/command';
import { fsErrorLine, omittingDirectory, quoteAlways } from '../fs/errors';
import { parseOptions, usageError } from './support/options';
import { absolute } from './support/io';
import { baseName } from './path-names';

type Tool = 'cp' | 'mv';

function copyTree(ctx: CommandContext, from: string, to: string): boolean {
  const fs = ctx.session.fs;
  const stat = fs.stat(from);
  if (!stat.ok) return false;
  if (stat.value.type === 'file') {
    const text = fs.readFile(from);
    return text.ok && fs.writeFile(to, text.value, { mode: stat.value.mode }).ok;
  }
  const made = fs.makeDirectory(to, { parents: true });
  if (!made.ok) return false;
  const children = fs.readDirectory(from);
  return (children.ok ? children.value : []).every((child) => copyTree(ctx, `${from}/${child}`, `${to}/${child}`));
}

function transfer(tool: Tool) {
  return (ctx: CommandContext): number => {
    const parsed = parseOptions(tool, ctx.args.slice(1), {
      flags: tool === 'cp' ? 'rRfaipvn' : 'fivn',
      values: 't',
      long: {
        recursive: { key: 'r' },
        force: { key: 'f' },
        verbose: { key: 'v' },
        'target-directory': { key: 't', value: true },
      },
    });
    if (!parsed.ok) {
      ctx.stderr.write(parsed.message);
      return 1;
    }
    const options = parsed.options;
    const operands = [...options.operands];
    const explicitTarget = options.value('t');
    if (operands.length === 0 || (operands.length === 1 && explicitTarget === undefined)) {
      ctx.stderr.write(
        usageError(
          tool,
          operands.length === 0
            ? 'missing file operand'
            : `missing destination file operand after ${quoteAlways(operands[0] ?? '')}`,
        ),
      );
      return 1;
    }
    const target = explicitTarget ?? operands.pop() ?? '';
    const targetPath = absolute(ctx, target);
    const targetStat = ctx.session.fs.stat(targetPath);
    const intoDirectory = targetStat.ok && targetStat.value.type === 'directory';
    if (operands.length > 1 && !intoDirectory) {
      const problem = targetStat.ok
        ? `target ${quoteAlways(target)} is not a directory`
        : `target ${quoteAlways(target)}`;
      ctx.stderr.write(`${tool}: ${problem}${targetStat.ok ? '' : ': No such file or directory'}\n`);
      return 1;
    }
    const recursive = tool === 'mv' || options.has('r') || options.has('R') || options.has('a');
    let status = 0;
    for (const source of operands) {
      const sourcePath = absolute(ctx, source);
      const sourceStat = ctx.session.fs.stat(sourcePath);
      if (!sourceStat.ok) {
        ctx.stderr.write(fsErrorLine(tool, 'stat', source, sourceStat.error, ctx.flavour));
        status = 1;
        continue;
      }
      const destinationName = intoDirectory ? `${target.replace(/\/+$/, '')}/${baseName(source)}` : target;
      const destination = intoDirectory
        ? `${targetPath === '/' ? '' : targetPath}/${baseName(sourcePath)}`
        : targetPath;
      if (sourceStat.value.type === 'directory' && !recursive) {
        ctx.stderr.write(omittingDirectory(tool, source, ctx.flavour));
        status = 1;
        continue;
      }
      if (destination === sourcePath) {
        ctx.stderr.write(`${tool}: ${quoteAlways(source)} and ${quoteAlways(destinationName)} are the same file\n`);
        status = 1;
        continue;
      }
      if (destination.startsWith(`${sourcePath}/`)) {
        ctx.stderr.write(
          tool === 'cp'
            ? `cp: cannot copy a directory, ${quoteAlways(source)}, into itself, ${quoteAlways(destinationName)}\n`
            : `mv: cannot move ${quoteAlways(source)} to a subdirectory of itself, ${quoteAlways(destinationName)}\n`,
        );
        status = 1;
        continue;
      }
      const done =
        tool === 'mv' ? ctx.session.fs.rename(sourcePath, destination).ok : copyTree(ctx, sourcePath, destination);
      if (!done) {
        ctx.stderr.write(
          `${tool}: cannot create regular file ${quoteAlways(destinationName)}: No such file or directory\n`,
        );
        status = 1;
      } else if (options.has('v')) ctx.stdout.write(`${quoteAlways(source)} -> ${quoteAlways(destinationName)}\n`);
    }
    return status;
  };
}

export const cp: Command = transfer('cp');
export const mv: Command = transfer('mv');
