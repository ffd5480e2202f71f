// Shell patterns (globs) as regular expressions: *, ?, [...] with ! or ^,
// and backslash-escaped characters that match themselves.

export function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}

export function globToRegExp(pattern: string, options: { anchored: boolean }): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\') {
      source += escapeRegExp(pattern[++i] ?? '\\');
    } else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const classes = body.replace(
        /\[:(alpha|digit|alnum|upper|lower|space|punct|xdigit):\]/g,
        (_, name: string) => POSIX_CLASSES[name] ?? '',
      );
      source += `[${negate ? '^' : ''}${classes.replace(/[\\\]^]/g, (c) => (c === '-' ? c : `\\${c}`))}]`;
      i = close;
    } else source += escapeRegExp(char);
  }
  return new RegExp(options.anchored ? `^(?:${source})$` : source, 's');
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
