// How each tool words a failed system call. GNU tools under C.UTF-8 quote some
// names with ‘curly’ quotes (gnulib's locale quoting) and others with 'shell'
// quotes; the exact pairs below were recorded from coreutils 9.1.
import type { FsError } from './virtual-fs';
import type { ToolFlavour } from '../runtime/command';

const STRERROR: Record<FsError['code'], string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
};

export function strerror(code: FsError['code']): string {
  return STRERROR[code];
}

/** GNU's shell-escape quoting: bare when safe, 'single quoted' otherwise. */
export function shellQuote(name: string): string {
  if (name !== '' && /^[A-Za-z0-9_./%+,:=@^-]+$/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  return `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Always-quoted variant used by `ls: cannot access`, `rm: cannot remove`... */
export function quoteAlways(name: string): string {
  return name.includes("'") ? `"${name}"` : `'${name}'`;
}

/** gnulib's locale quoting under a UTF-8 locale. */
export function curlyQuote(name: string): string {
  return `\u2018${name}\u2019`;
}

/** `tool: operand: message` (cat, wc, grep, cut, head, tail, tee...). */
export function plainError(tool: string, name: string, error: FsError): string {
  return `${tool}: ${name}: ${strerror(error.code)}\n`;
}

export type FsAction =
  | 'access' // ls
  | 'remove' // rm
  | 'rmdir'
  | 'mkdir'
  | 'touch'
  | 'stat' // cp, mv source
  | 'open' // generic
  | 'sed'
  | 'awk'
  | 'sort';

/** The line a tool prints when `action` on `name` failed with `error`. */
export function fsErrorLine(
  tool: string,
  action: FsAction,
  name: string,
  error: FsError,
  flavour: ToolFlavour = 'gnu',
): string {
  const message = strerror(error.code);
  if (flavour === 'busybox') {
    if (action === 'access') return `${tool}: ${name}: ${message}\n`;
    if (action === 'remove') return `${tool}: can't remove '${name}': ${message}\n`;
    if (action === 'mkdir') return `${tool}: can't create directory '${name}': ${message}\n`;
    if (action === 'rmdir') return `${tool}: '${name}': ${message}\n`;
    if (action === 'stat') return `${tool}: can't stat '${name}': ${message}\n`;
    if (action === 'sed') return `${tool}: ${name}: ${message}\n`;
    if (action === 'awk') return `${tool}: ${name}: ${message}\n`;
    return `${tool}: ${name}: ${message}\n`;
  }
  switch (action) {
    case 'access':
      return `${tool}: cannot access ${quoteAlways(name)}: ${message}\n`;
    case 'remove':
      return `${tool}: cannot remove ${quoteAlways(name)}: ${message}\n`;
    case 'rmdir':
      return `${tool}: failed to remove ${quoteAlways(name)}: ${message}\n`;
    case 'mkdir':
      return `${tool}: cannot create directory ${curlyQuote(name)}: ${message}\n`;
    case 'touch':
      return `${tool}: cannot touch ${quoteAlways(name)}: ${message}\n`;
    case 'stat':
      return `${tool}: cannot stat ${quoteAlways(name)}: ${message}\n`;
    case 'sed':
      return `${tool}: can't read ${name}: ${message}\n`;
    case 'awk':
      return `${tool}: cannot open ${name} (${message})\n`;
    case 'sort':
      return `${tool}: cannot read: ${name}: ${message}\n`;
    default:
      return plainError(tool, name, error);
  }
}

/** `cp: -r not specified; omitting directory 'd'`. */
export function omittingDirectory(tool: string, name: string, flavour: ToolFlavour = 'gnu'): string {
  return flavour === 'busybox'
    ? `${tool}: omitting directory '${name}'\n`
    : `${tool}: -r not specified; omitting directory ${quoteAlways(name)}\n`;
}
