// POSIX basic/extended regular expressions (with the GNU extensions grep and
// sed accept) translated to JavaScript RegExp source.
const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

export type RegexSyntax = 'basic' | 'extended';

export class RegexError extends Error {}

/** Reads a bracket expression starting at `start` (the `[`); returns JS source and the index after `]`. */
function bracket(pattern: string, start: number): [string, number] {
  let i = start + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const char = pattern[i] ?? '';
    if (char === ']' && !first) return [`${out}]`, i + 1];
    first = false;
    if (char === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '=' || pattern[i + 1] === '.')) {
      const kind = pattern[i + 1] ?? '';
      const end = pattern.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = pattern.slice(i + 2, end);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new RegexError('Invalid character class name');
        out += cls;
      } else out += escapeInClass(name);
      i = end + 2;
      continue;
    }
    out += escapeInClass(char);
    i++;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\]^[]/g, (c) => `\\${c}`);
}

/** JS-escapes a character that POSIX treats as ordinary here. */
function literal(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/** Translates a POSIX BRE/ERE (GNU flavour) into JavaScript RegExp source. */
export function posixToJs(pattern: string, syntax: RegexSyntax): string {
  const ere = syntax === 'extended';
  let out = '';
  let groups = 0;
  let open = 0;
  // Whether `*` here would be literal (start of pattern or group, after `|`).
  let atStart = true;
  for (let i = 0; i < pattern.length;) {
    const char = pattern[i] ?? '';
    const wasStart = atStart;
    atStart = false;
    if (char === '[') {
      const [source, next] = bracket(pattern, i);
      out += source;
      i = next;
      continue;
    }
    if (char === '\\') {
      const next = pattern[i + 1];
      i += 2;
      if (next === undefined) throw new RegexError('Trailing backslash');
      if (!ere && next === '(') {
        out += '(';
        groups++;
        open++;
        atStart = true;
      } else if (!ere && next === ')') {
        if (open === 0) throw new RegexError('Unmatched ) or \\)');
        out += ')';
        open--;
      } else if (!ere && next === '|') {
        out += '|';
        atStart = true;
      } else if (!ere && (next === '+' || next === '?')) out += wasStart ? `\\${next}` : next;
      else if (!ere && next === '{') {
        const end = pattern.indexOf('\\}', i);
        if (end < 0) throw new RegexError('Unmatched \\{');
        out += `{${pattern.slice(i, end)}}`;
        i = end + 2;
      } else if (next === '<') out += '\\b(?=\\w)';
      else if (next === '>') out += '\\b(?<=\\w)';
      else if (/[wWsSbB]/.test(next)) out += `\\${next}`;
      else if (/[1-9]/.test(next)) {
        if (Number(next) > groups) throw new RegexError('Invalid back reference');
        out += `\\${next}`;
      } else if (next === 'n') out += '\\n';
      else if (next === 't') out += '\\t';
      else out += literal(next);
      continue;
    }
    i++;
    if (char === '^') {
      out += ere || wasStart ? '^' : '\\^';
      atStart = true;
    } else if (char === '$') {
      const atEnd =
        i === pattern.length || (!ere && pattern.startsWith('\\)', i)) || (!ere && pattern.startsWith('\\|', i));
      out += ere || atEnd ? '$' : '\\$';
    } else if (char === '*') out += wasStart ? '\\*' : '*';
    else if (char === '.') out += '.';
    else if (ere && (char === '+' || char === '?')) out += wasStart ? `\\${char}` : char;
    else if (ere && char === '(') {
      out += '(';
      groups++;
      open++;
      atStart = true;
    } else if (ere && char === ')') {
      if (open === 0) out += '\\)';
      else {
        out += ')';
        open--;
      }
    } else if (ere && char === '|') {
      out += '|';
      atStart = true;
    } else if (ere && char === '{') {
      const match = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(i - 1));
      if (match && !wasStart && (match[1] !== '' || match[3] !== '')) {
        out += match[0];
        i += match[0].length - 1;
      } else out += '\\{';
    } else out += literal(char);
  }
  if (open > 0) throw new RegexError(ere ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(');
  return out;
}

/** JS-escapes a fixed string (grep -F). */
export function escapeFixed(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

export function compilePosix(pattern: string, syntax: RegexSyntax, flags = ''): RegExp {
  try {
    return new RegExp(posixToJs(pattern, syntax), flags);
  } catch (error) {
    if (error instanceof RegexError) throw error;
    throw new RegexError('Invalid regular expression');
  }
}
