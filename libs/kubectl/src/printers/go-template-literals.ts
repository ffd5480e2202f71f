// Go literals inside template actions: strconv.Unquote for strings and parse.newNumber for numbers.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

export interface NumberValue {
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: bigint;
  float: number;
}

/** strconv.Unquote for "..." , `...` and '...' literals; null on invalid syntax. */
export function unquoteGo(quoted: string): string | null {
  const quote = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== quote) return null;
  const body = quoted.slice(1, -1);
  if (quote === '`') return body.includes('`') ? null : body.replace(/\r/g, '');
  if (quote !== '"' && quote !== "'") return null;
  let out = '';
  for (let i = 0; i < body.length;) {
    const ch = body[i] ?? '';
    if (ch === quote || ch === '\n') return null;
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const escaped = unescapeAt(body, i + 1, quote);
    if (!escaped) return null;
    out += escaped.text;
    i = escaped.next;
  }
  if (quote === "'" && Array.from(out).length !== 1) return null;
  return out;
}

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function unescapeAt(s: string, i: number, quote: string): { text: string; next: number } | null {
  const c = s[i] ?? '';
  if (c in SIMPLE) return { text: SIMPLE[c] ?? '', next: i + 1 };
  if (c === quote) return { text: c, next: i + 1 };
  const hex = (len: number): { text: string; next: number } | null => {
    const digits = s.slice(i + 1, i + 1 + len);
    if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(digits)) return null;
    const code = parseInt(digits, 16);
    if (len === 2) return { text: String.fromCharCode(code), next: i + 1 + len };
    if (code > 0x10ffff || (code >= 0xd800 && code < 0xe000)) return null;
    return { text: String.fromCodePoint(code), next: i + 1 + len };
  };
  if (c === 'x') return hex(2);
  if (c === 'u') return hex(4);
  if (c === 'U') return hex(8);
  if (/[0-7]/.test(c)) {
    const digits = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(digits)) return null;
    const code = parseInt(digits, 8);
    return code > 255 ? null : { text: String.fromCharCode(code), next: i + 3 };
  }
  return null;
}

/** parse.newNumber; a string is the error message. */
export function parseNumber(text: string, isChar: boolean): NumberValue | string {
  if (isChar) {
    const ch = unquoteGo(text);
    if (ch === null) return 'invalid syntax';
    const code = BigInt(ch.codePointAt(0) ?? 0);
    return { text, isInt: true, isUint: true, isFloat: true, int: code, float: Number(code) };
  }
  if (text.endsWith('i')) return `illegal number syntax: ${JSON.stringify(text)}`; // complex numbers are not supported
  const n: NumberValue = { text, isInt: false, isUint: false, isFloat: false, int: 0n, float: 0 };
  const integer = parseGoInteger(text);
  if (integer !== null) {
    if (integer >= 0n && integer <= UINT64_MAX) n.isUint = true;
    if (integer >= INT64_MIN && integer <= INT64_MAX) {
      n.isInt = true;
      n.int = integer;
    }
  }
  if (n.isInt || n.isUint) {
    n.isFloat = true;
    n.float = Number(integer);
    return n;
  }
  const f = parseGoFloat(text);
  if (f !== null) {
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${text}`;
    n.isFloat = true;
    n.float = f;
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
      n.isInt = true;
      n.int = BigInt(f);
      n.isUint = f >= 0;
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}

/** strconv.ParseInt(text, 0, 64) syntax, without the range check. */
function parseGoInteger(text: string): bigint | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  let digits = (m[2] ?? '').replace(/_/g, '');
  if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`;
  try {
    return sign * BigInt(digits);
  } catch {
    return null;
  }
}

function parseGoFloat(text: string): number | null {
  if (!/^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text.replace(/_/g, ''));
}
