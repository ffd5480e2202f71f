// Backslash escapes as `echo -e`, `printf` formats and `printf %b` read them.
export interface Unescaped {
  text: string;
  /** `\c` was met: produce no further output. */
  stop: boolean;
}

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/**
 * `octalStyle` 'echo' reads `\0NNN` (echo -e, %b); 'printf' reads `\NNN` in formats.
 */
export function unescape(text: string, octalStyle: 'echo' | 'printf'): Unescaped {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char !== '\\' || i + 1 >= text.length) {
      out += char;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === 'c') return { text: out, stop: true };
    else if (next === 'x' && /^[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))?.[0] ?? '';
      out += String.fromCharCode(parseInt(hex, 16));
      i += 1 + hex.length;
    } else if ((next === 'u' || next === 'U') && /^[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const hex = new RegExp(`^[0-9a-fA-F]{1,${next === 'u' ? 4 : 8}}`).exec(text.slice(i + 2))?.[0] ?? '';
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + hex.length;
    } else if (octalStyle === 'echo' && next === '0') {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 2))?.[0] ?? '';
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += 1 + digits.length;
    } else if (octalStyle === 'printf' && /[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1))?.[0] ?? '';
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += digits.length;
    } else if (octalStyle === 'printf' && (next === '"' || next === "'" || next === '?')) {
      out += next;
      i++;
    } else out += char;
  }
  return { text: out, stop: false };
}
