// awk's values: numbers, strings and "strnums" (input that looks numeric
// compares as a number), with mawk's number-to-string rules.
export type Value = { kind: 'num'; n: number } | { kind: 'str'; s: string } | { kind: 'strnum'; s: string };

export const UNINIT: Value = { kind: 'strnum', s: '' };
export const num = (n: number): Value => ({ kind: 'num', n });
export const str = (s: string): Value => ({ kind: 'str', s });
export const strnum = (s: string): Value => ({ kind: 'strnum', s });

const NUMERIC = /^[ \t\n]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n]*$/;
const LEADING = /^[ \t\n]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

export function looksNumeric(value: Value): boolean {
  if (value.kind === 'num') return true;
  if (value.kind === 'str') return false;
  return value.s === '' || NUMERIC.test(value.s);
}

export function toNumber(value: Value): number {
  if (value.kind === 'num') return value.n;
  const match = LEADING.exec(value.s);
  return match ? Number(match[0]) : 0;
}

const MAX_INT = 0x7fffffff;

/** Number to string: integers print as such (within C int range), others by the format (CONVFMT/OFMT). */
export function numberToString(n: number, format: string): string {
  if (Number.isNaN(n)) return '-nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Number.isInteger(n) && Math.abs(n) <= MAX_INT) return String(n === 0 ? 0 : n);
  return formatC(format, [num(n)], '%.6g');
}

export function toStr(value: Value, convfmt = '%.6g'): string {
  return value.kind === 'num' ? numberToString(value.n, convfmt) : value.s;
}

export function toBool(value: Value): boolean {
  if (value.kind === 'num') return value.n !== 0;
  if (value.kind === 'str') return value.s !== '';
  return looksNumeric(value) && value.s.trim() !== '' ? toNumber(value) !== 0 : value.s !== '';
}

export function compareValues(a: Value, b: Value, convfmt: string): number {
  if (looksNumeric(a) && looksNumeric(b)) {
    const x = toNumber(a);
    const y = toNumber(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a, convfmt);
  const y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}

function exponential(n: number, precision: number, upper: boolean): string {
  const text = n.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? text.toUpperCase() : text;
}

function general(n: number, precision: number, alternate: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (!Number.isFinite(n)) return numberToString(n, '%d');
  const exponent = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(n.toExponential(p - 1)))));
  let text: string;
  if (exponent < -4 || exponent >= p) {
    text = exponential(n, p - 1, upper);
    if (!alternate) text = text.replace(/\.?0+(?=[eE])/, '');
  } else {
    text = n.toFixed(Math.max(0, p - 1 - exponent));
    if (!alternate && text.includes('.')) text = text.replace(/\.?0+$/, '');
  }
  return text;
}

function padded(text: string, flags: string, width: number, numeric: boolean): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (numeric && flags.includes('0') && !/inf|nan/.test(text)) {
    const sign = /^[+\- ]/.test(text) ? (text[0] ?? '') : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** C printf as awk's printf/sprintf use it. Missing arguments are uninitialised values. */
export function formatC(format: string, args: Value[], convfmt: string): string {
  let index = 0;
  const next = (): Value => args[index++] ?? UNINIT;
  return format.replace(
    /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfFgGcs%])/g,
    (_m, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      let width = w === '*' ? Math.trunc(toNumber(next())) : Number(w ?? 0);
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      const precision = p === undefined ? undefined : p === '*' ? Math.trunc(toNumber(next())) : Number(p || 0);
      const value = next();
      const sign = (n: number, text: string) =>
        n < 0 || Object.is(n, -0) ? text : flags.includes('+') ? `+${text}` : flags.includes(' ') ? ` ${text}` : text;
      switch (conv) {
        case 's': {
          const text = toStr(value, convfmt);
          return padded(precision === undefined ? text : text.slice(0, precision), flags, width, false);
        }
        case 'c': {
          const text =
            value.kind === 'num' ? String.fromCharCode(Math.trunc(value.n) & 0xff) : toStr(value, convfmt).slice(0, 1);
          return padded(text, flags, width, false);
        }
        case 'd':
        case 'i': {
          const n = Math.trunc(toNumber(value));
          let digits = String(Math.abs(n));
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          return padded(
            sign(n, n < 0 ? `-${digits}` : digits),
            precision !== undefined ? flags.replace('0', '') : flags,
            width,
            true,
          );
        }
        case 'o':
        case 'x':
        case 'X':
        case 'u': {
          const n = Math.trunc(toNumber(value));
          const unsigned = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
          let digits = unsigned.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
          if (conv === 'X') digits = digits.toUpperCase();
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          if (flags.includes('#') && n !== 0 && conv !== 'u') digits = (conv === 'o' ? '0' : `0${conv}`) + digits;
          return padded(digits, flags, width, true);
        }
        default: {
          const n = toNumber(value);
          const upper = conv === conv.toUpperCase();
          const p = precision ?? 6;
          let text: string;
          if (!Number.isFinite(n)) text = Number.isNaN(n) ? '-nan' : n > 0 ? 'inf' : '-inf';
          else if (conv === 'e' || conv === 'E') text = exponential(n, p, upper);
          else if (conv === 'g' || conv === 'G') text = general(n, p, flags.includes('#'), upper);
          else text = n.toFixed(p);
          return padded(sign(n, text), flags, width, true);
        }
      }
    },
  );
}
