// Go's fmt (Sprint, Sprintln, Sprintf) over template values; a null argument is a nil interface{}.
import { formatGoFloatG } from './go-number';
import { goQuote } from './jsonpath/go-values';
import { element, sortedKeys, typeName, type Concrete, type GoValue } from './go-template-values';
import { utf8Encode } from '@kubelab/cluster';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  sharpV: boolean;
  plusV: boolean;
  wid?: number;
  prec?: number;
}

const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  sharpV: false,
  plusV: false,
});

const runeCount = (s: string): number => Array.from(s).length;

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: ReadonlyArray<Concrete | null>): string {
  let out = '';
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = arg?.k === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += printArg(arg, 'v', noFlags());
    prevString = isString;
  });
  return out;
}

/** fmt.Sprintln. */
export function sprintln(args: ReadonlyArray<Concrete | null>): string {
  return `${args.map((a) => printArg(a, 'v', noFlags())).join(' ')}\n`;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: ReadonlyArray<Concrete | null>): string {
  let out = '';
  let argNum = 0;
  const chars = Array.from(format);
  let i = 0;
  while (i < chars.length) {
    const start = i;
    while (i < chars.length && chars[i] !== '%') i++;
    out += chars.slice(start, i).join('');
    if (i >= chars.length) break;
    i++;
    const f = noFlags();
    for (; i < chars.length; i++) {
      const c = chars[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') {
        f.minus = true;
        f.zero = false;
      } else if (c === ' ') f.space = true;
      else break;
    }
    const width = parseNum(chars, i);
    if (width) {
      f.wid = width.n;
      i = width.next;
    }
    if (chars[i] === '.') {
      i++;
      const prec = parseNum(chars, i);
      f.prec = prec?.n ?? 0;
      if (prec) i = prec.next;
    }
    if (i >= chars.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = chars[i] ?? '';
    i++;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    if (verb === 'v') {
      f.sharpV = f.sharp;
      f.sharp = false;
      f.plusV = f.plus;
      f.plus = false;
    }
    out += printArg(args[argNum] ?? null, verb, f);
    argNum++;
  }
  if (argNum < args.length) {
    const extra = args
      .slice(argNum)
      .map((a) => (a === null ? '<nil>' : `${typeName(a)}=${printArg(a, 'v', noFlags())}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

function parseNum(chars: string[], start: number): { n: number; next: number } | undefined {
  let i = start;
  while (i < chars.length && /[0-9]/.test(chars[i] ?? '')) i++;
  return i === start ? undefined : { n: Number(chars.slice(start, i).join('')), next: i };
}

function printArg(arg: Concrete | null, verb: string, f: Flags): string {
  if (arg === null) return verb === 'T' || verb === 'v' ? pad('<nil>', f) : badVerb(null, verb, f);
  if (verb === 'T') return pad(typeName(arg), f);
  return printValue(arg, verb, f);
}

function badVerb(arg: Concrete | null, verb: string, f: Flags): string {
  if (arg === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(arg)}=${printValue(arg, 'v', f)})`;
}

function printValue(v: Concrete, verb: string, f: Flags): string {
  switch (v.k) {
    case 'bool':
      return verb === 't' || verb === 'v' ? pad(String(v.v), f) : badVerb(v, verb, f);
    case 'int':
    case 'int64':
    case 'uint8':
      return fmtIntegerVerb(v, verb, f);
    case 'float64':
      return fmtFloatVerb(v, verb, f);
    case 'string':
      return fmtStringVerb(v, verb, f);
    case 'map': {
      const entries = sortedKeys(v.v).map(
        (key) => `${printValue({ k: 'string', v: key }, verb, f)}:${printElement(v.v[key], verb, f)}`,
      );
      return f.sharpV ? `${typeName(v)}{${entries.join(', ')}}` : `map[${entries.join(' ')}]`;
    }
    case 'slice': {
      const elems = v.v.map((e) => printElement(e, verb, f));
      return f.sharpV ? `${typeName(v)}{${elems.join(', ')}}` : `[${elems.join(' ')}]`;
    }
  }
}

function printElement(raw: unknown, verb: string, f: Flags): string {
  const value: GoValue = element(raw);
  if (value.k !== 'iface' || value.elem === null) return f.sharpV ? 'interface {}(nil)' : '<nil>';
  return printValue(value.elem, verb, f);
}

function pad(s: string, f: Flags): string {
  const width = f.wid ?? 0;
  const n = runeCount(s);
  if (n >= width) return s;
  const fill = (f.zero ? '0' : ' ').repeat(width - n);
  return f.minus ? s + ' '.repeat(width - n) : fill + s;
}

function fmtStringVerb(v: { v: string }, verb: string, f: Flags): string {
  const s = f.prec !== undefined ? Array.from(v.v).slice(0, f.prec).join('') : v.v;
  switch (verb) {
    case 'v':
      return pad(f.sharpV ? goQuote(s) : s, f);
    case 's':
      return pad(s, f);
    case 'q':
      return pad(f.sharp && canBackquote(s) ? `\`${s}\`` : goQuote(s), f);
    case 'x':
    case 'X': {
      const hex = Array.from(utf8Encode(s), (b) => b.toString(16).padStart(2, '0')).join('');
      const text = (f.sharp ? '0x' : '') + hex;
      return pad(verb === 'X' ? text.toUpperCase() : text, f);
    }
    default:
      return badVerb({ k: 'string', v: v.v }, verb, f);
  }
}

function fmtIntegerVerb(v: Concrete & { v: bigint }, verb: string, f: Flags): string {
  const bases: Record<string, number> = { v: 10, d: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };
  const base = bases[verb];
  if (base !== undefined) return fmtInteger(v.v, base, verb, f);
  const code = Number(v.v);
  if (verb === 'c') return pad(String.fromCodePoint(validRune(code)), f);
  if (verb === 'q') return pad(quoteRune(validRune(code)), f);
  if (verb === 'U') {
    const text = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return pad(f.sharp ? `${text} '${String.fromCodePoint(validRune(code))}'` : text, f);
  }
  return badVerb(v, verb, f);
}

const validRune = (code: number): number =>
  code < 0 || code > 0x10ffff || (code >= 0xd800 && code < 0xe000) ? 0xfffd : code;

function quoteRune(code: number): string {
  const ch = String.fromCodePoint(code);
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  return `'${goQuote(ch).slice(1, -1)}'`;
}

function fmtInteger(value: bigint, base: number, verb: string, f: Flags): string {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = 0;
  if (f.prec !== undefined) {
    prec = f.prec;
    if (prec === 0 && value === 0n) return ' '.repeat(f.wid ?? 0);
  } else if (f.zero && !f.minus && f.wid !== undefined) {
    prec = f.wid - (negative || f.plus || f.space ? 1 : 0);
  }
  digits = digits.padStart(prec, '0');
  if (f.sharp) {
    if (base === 2) digits = `0b${digits}`;
    if (base === 8 && !digits.startsWith('0')) digits = `0${digits}`;
    if (base === 16) digits = `${verb === 'X' ? '0X' : '0x'}${digits}`;
  }
  if (verb === 'O') digits = `0o${digits}`;
  const sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + digits, { ...f, zero: false });
}

function fmtFloatVerb(v: { v: number }, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
    case 'g':
    case 'G':
      return fmtFloat(v.v, verb === 'G' ? 'G' : 'g', f.prec ?? -1, f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
      return fmtFloat(v.v, verb, f.prec ?? 6, f);
    default:
      return badVerb({ k: 'float64', v: v.v }, verb, f);
  }
}

function fmtFloat(value: number, verb: string, prec: number, f: Flags): string {
  let num = formatFloat(Math.abs(value), verb.toLowerCase(), prec);
  if (verb === 'G' || verb === 'E') num = num.toUpperCase();
  const negative = value < 0 || Object.is(value, -0);
  const sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  if (!Number.isFinite(value)) return pad(sign + num, { ...f, zero: false });
  if (f.zero && !f.minus && f.wid !== undefined && f.wid > num.length + sign.length) {
    return sign + '0'.repeat(f.wid - num.length - sign.length) + num;
  }
  return pad(sign + num, f);
}

/** strconv.FormatFloat for a non-negative value. */
function formatFloat(value: number, verb: string, prec: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return 'Inf';
  if (verb === 'e') return goExponent(value.toExponential(Math.min(prec, 100)));
  if (verb === 'f') return value < 1e21 ? value.toFixed(Math.min(prec, 100)) : BigInt(value).toString();
  if (prec < 0) return formatGoFloatG(value);
  // %g with a precision: shortest digits within `prec` significant digits, %e for large exponents.
  const p = prec === 0 ? 1 : prec;
  const [mantissa = '0', exp = '0'] = value.toExponential(p - 1).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  const exponent = Number(exp);
  let eprec = p;
  if (eprec > digits.length && digits.length >= exponent + 1) eprec = digits.length;
  if (exponent < -4 || exponent >= eprec) {
    const frac = digits.slice(1);
    return goExponent(`${digits[0]}${frac ? `.${frac}` : ''}e${exponent}`);
  }
  return value.toFixed(Math.max(digits.length - exponent - 1, 0));
}

/** JS exponent text (e+6) in Go's form (e+06). */
function goExponent(text: string): string {
  return text.replace(
    /e([+-]?)(\d+)$/,
    (_m, sign: string, d: string) => `e${sign === '-' ? '-' : '+'}${d.padStart(2, '0')}`,
  );
}

/** strconv.CanBackquote: no backquote and no control characters other than tab. */
function canBackquote(s: string): boolean {
  return Array.from(s).every((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return ch !== '`' && (ch === '\t' || (c >= 0x20 && c !== 0x7f)) && ch !== '\uFEFF';
  });
}
