// basename and dirname: pure string operations on their operands.
import type { Command } from '../runtime/command';
import { usageError } from './support/options';

export function baseName(path: string, suffix = ''): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '' : '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix !== '' && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

export function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  const dir = trimmed.slice(0, index).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

export const basename: Command = (ctx) => {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    ctx.stderr.write(usageError('basename', 'missing operand'));
    return 1;
  }
  const multiple = args[0] === '-a';
  const suffixIndex = args.findIndex((arg) => arg === '-s');
  if (multiple || suffixIndex >= 0) {
    const suffix = suffixIndex >= 0 ? (args[suffixIndex + 1] ?? '') : '';
    const names = args.filter((arg, index) => arg !== '-a' && index !== suffixIndex && index !== suffixIndex + 1);
    ctx.stdout.write(names.map((name) => `${baseName(name, suffix)}\n`).join(''));
    return 0;
  }
  if (args.length > 2) {
    ctx.stderr.write(usageError('basename', `extra operand \u2018${args[2] ?? ''}\u2019`));
    return 1;
  }
  ctx.stdout.write(`${baseName(args[0] ?? '', args[1])}\n`);
  return 0;
};

export const dirname: Command = (ctx) => {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    ctx.stderr.write(usageError('dirname', 'missing operand'));
    return 1;
  }
  ctx.stdout.write(args.map((arg) => `${dirName(arg)}\n`).join(''));
  return 0;
};
