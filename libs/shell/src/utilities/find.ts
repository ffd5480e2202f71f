// find [PATH...] with -name/-iname (globs), -type f|d, -maxdepth/-mindepth,
// -path and -print: walks the virtual filesystem depth first.
import type { Command } from '../runtime/command';
import { curlyQuote, strerror } from '../fs/errors';
import { absolute } from './support/io';

interface Test {
  kind: 'name' | 'iname' | 'type' | 'path';
  value: string;
}

/** A shell glob as a RegExp (`*`, `?`, `[...]`). */
export function globToRegex(glob: string, flags = ''): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        source += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (char === '\\' && i + 1 < glob.length) source += `\\${glob[++i] ?? ''}`;
    else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, flags);
}

function matches(tests: Test[], name: string, path: string, type: 'file' | 'directory'): boolean {
  return tests.every((test) => {
    if (test.kind === 'type') return test.value === (type === 'directory' ? 'd' : 'f');
    if (test.kind === 'path') return globToRegex(test.value).test(path);
    return globToRegex(test.value, test.kind === 'iname' ? 'i' : '').test(name);
  });
}

export const find: Command = (ctx) => {
  const args = ctx.args.slice(1);
  const roots: string[] = [];
  while (args.length > 0 && !(args[0] ?? '').startsWith('-')) roots.push(args.shift() ?? '');
  const tests: Test[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = args[i + 1];
    if (arg === '-print') continue;
    if (['-name', '-iname', '-type', '-path', '-maxdepth', '-mindepth'].includes(arg)) {
      if (value === undefined) {
        ctx.stderr.write(`find: missing argument to \`${arg}'\n`);
        return 1;
      }
      i++;
      if (arg === '-maxdepth') maxDepth = Number(value);
      else if (arg === '-mindepth') minDepth = Number(value);
      else if (arg === '-type' && value !== 'f' && value !== 'd') {
        ctx.stderr.write(`find: Unknown argument to -type: ${value}\n`);
        return 1;
      } else tests.push({ kind: arg.slice(1) as Test['kind'], value });
      continue;
    }
    ctx.stderr.write(`find: unknown predicate \`${arg}'\n`);
    return 1;
  }
  let status = 0;
  let out = '';
  const visit = (shown: string, path: string, name: string, depth: number) => {
    const stat = ctx.session.fs.stat(path);
    if (!stat.ok) return;
    if (depth >= minDepth && matches(tests, name, shown, stat.value.type)) out += `${shown}\n`;
    if (stat.value.type !== 'directory' || depth >= maxDepth) return;
    const entries = ctx.session.fs.readDirectory(path);
    for (const entry of entries.ok ? entries.value : []) {
      visit(
        shown.endsWith('/') ? shown + entry : `${shown}/${entry}`,
        `${path === '/' ? '' : path}/${entry}`,
        entry,
        depth + 1,
      );
    }
  };
  for (const root of roots.length > 0 ? roots : ['.']) {
    const path = absolute(ctx, root);
    const stat = ctx.session.fs.stat(path);
    if (!stat.ok) {
      ctx.stderr.write(`find: ${curlyQuote(root)}: ${strerror(stat.error.code)}\n`);
      status = 1;
      continue;
    }
    visit(root, path, root.replace(/\/+$/, '').split('/').pop() || root, 0);
  }
  ctx.stdout.write(out);
  return status;
};
