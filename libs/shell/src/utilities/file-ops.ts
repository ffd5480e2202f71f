// mkdir, rmdir, rm and touch on the virtual filesystem.
import type { Command } from '../runtime/command';
import { fsErrorLine } from '../fs/errors';
import { parseOptions, usageError } from './support/options';
import { absolute } from './support/io';

export const mkdir: Command = (ctx) => {
  const parsed = parseOptions('mkdir', ctx.args.slice(1), {
    flags: 'pv',
    values: 'm',
    long: { parents: { key: 'p' }, verbose: { key: 'v' }, mode: { key: 'm', value: true } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  if (options.operands.length === 0) {
    ctx.stderr.write(usageError('mkdir', 'missing operand'));
    return 1;
  }
  let status = 0;
  for (const name of options.operands) {
    const result = ctx.session.fs.makeDirectory(absolute(ctx, name), { parents: options.has('p') });
    if (result.ok) {
      if (options.has('v')) ctx.stdout.write(`mkdir: created directory '${name}'\n`);
      continue;
    }
    // With -p, GNU names the component that failed.
    let shown = name;
    if (options.has('p') && result.error.code === 'ENOTDIR') {
      const parts = name.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        const stat = ctx.session.fs.stat(absolute(ctx, prefix));
        if (stat.ok && stat.value.type !== 'directory') {
          shown = prefix;
          break;
        }
      }
      ctx.stderr.write(fsErrorLine('mkdir', 'mkdir', shown, { ...result.error, code: 'ENOTDIR' }, ctx.flavour));
    } else ctx.stderr.write(fsErrorLine('mkdir', 'mkdir', shown, result.error, ctx.flavour));
    status = 1;
  }
  return status;
};

export const rmdir: Command = (ctx) => {
  const parsed = parseOptions('rmdir', ctx.args.slice(1), { flags: 'pv', long: { parents: { key: 'p' } } });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  if (parsed.options.operands.length === 0) {
    ctx.stderr.write(usageError('rmdir', 'missing operand'));
    return 1;
  }
  let status = 0;
  for (const name of parsed.options.operands) {
    const path = absolute(ctx, name);
    const stat = ctx.session.fs.stat(path);
    const result =
      stat.ok && stat.value.type !== 'directory'
        ? { ok: false as const, error: { code: 'ENOTDIR' as const, path } }
        : ctx.session.fs.remove(path);
    if (!result.ok) {
      ctx.stderr.write(fsErrorLine('rmdir', 'rmdir', name, result.error, ctx.flavour));
      status = 1;
    }
  }
  return status;
};

export const rm: Command = (ctx) => {
  const parsed = parseOptions('rm', ctx.args.slice(1), {
    flags: 'rRfivd',
    long: { recursive: { key: 'r' }, force: { key: 'f' }, verbose: { key: 'v' }, dir: { key: 'd' } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const force = options.has('f');
  const recursive = options.has('r') || options.has('R');
  if (options.operands.length === 0) {
    if (force) return 0;
    ctx.stderr.write(usageError('rm', 'missing operand'));
    return 1;
  }
  let status = 0;
  for (const name of options.operands) {
    const path = absolute(ctx, name);
    if (/(^|\/)\.\.?\/*$/.test(name)) {
      ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${name}'\n`);
      status = 1;
      continue;
    }
    const stat = ctx.session.fs.stat(path);
    if (!stat.ok) {
      if (force && stat.error.code === 'ENOENT') continue;
      ctx.stderr.write(fsErrorLine('rm', 'remove', name, stat.error, ctx.flavour));
      status = 1;
      continue;
    }
    if (stat.value.type === 'directory' && !recursive) {
      const emptyDirOk = options.has('d') && ctx.session.fs.readDirectory(path).ok;
      if (!emptyDirOk) {
        ctx.stderr.write(fsErrorLine('rm', 'remove', name, { code: 'EISDIR', path }, ctx.flavour));
        status = 1;
        continue;
      }
    }
    const removed = ctx.session.fs.remove(path, { recursive });
    if (!removed.ok) {
      ctx.stderr.write(fsErrorLine('rm', 'remove', name, removed.error, ctx.flavour));
      status = 1;
    } else if (options.has('v')) ctx.stdout.write(`removed '${name}'\n`);
  }
  return status;
};

export const touch: Command = (ctx) => {
  const parsed = parseOptions('touch', ctx.args.slice(1), {
    flags: 'acm',
    values: 'dt',
    long: { 'no-create': { key: 'c' }, date: { key: 'd', value: true } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  if (parsed.options.operands.length === 0) {
    ctx.stderr.write(usageError('touch', 'missing file operand'));
    return 1;
  }
  let status = 0;
  for (const name of parsed.options.operands) {
    const path = absolute(ctx, name);
    const exists = ctx.session.fs.stat(path).ok;
    if (!exists && parsed.options.has('c')) continue;
    // Appending nothing creates the file or refreshes its mtime.
    const result = ctx.session.fs.writeFile(path, '', { append: true });
    if (!result.ok) {
      ctx.stderr.write(fsErrorLine('touch', 'touch', name, result.error, ctx.flavour));
      status = 1;
    }
  }
  return status;
};
