// bash's builtin printf: conversions with flags/width/precision, %b and %q,
// and the format reused until the arguments run out.
import type { Command } from '../runtime/command';
import { unescape } from './escapes';

const SPEC = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcsbq%])/g;

/** bash's %q: backslash-escape what the shell would interpret. */
export function shellEscape(text: string): string {
  if (text === '') return "''";
  // Control characters switch bash to $'...' quoting.
  const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c === '\u007f';
  if ([...text].some(isControl)) {
    const body = [...text].map((c) => (isControl(c) || c === '\\' || c === "'" ? escapeChar(c) : c)).join('');
    return `$'${body}'`;
  }
  return text.replace(/[ !"#$&'()*,;<=>?[\\\]^`{|}]/g, '\\$&').replace(/^~/, '\\~');
}

function escapeChar(c: string): string {
  const named: Record<string, string> = {
    '\n': '\\n',
    '\t': '\\t',
    '\r': '\\r',
    '\\': '\\\\',
    "'": "\\'",
    '\x1b': '\\E',
  };
  return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
}

/** A numeric argument as bash reads it; undefined if invalid. */
function toNumber(arg: string): { value: number; valid: boolean } {
  if (arg === '') return { value: 0, valid: true };
  if (/^['"]/.test(arg)) return { value: arg.codePointAt(1) ?? 0, valid: true };
  const trimmed = arg.trim();
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(trimmed);
  if (!match) return { value: 0, valid: false };
  const body = match[2] ?? '0';
  const magnitude = /^0[xX]/.test(body) ? parseInt(body, 16) : body.startsWith('0') ? parseInt(body, 8) : Number(body);
  const value = match[1] === '-' ? -magnitude : magnitude;
  return { value, valid: match[0].length === trimmed.length };
}

function pad(text: string, flags: string, width: number): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0')) {
    const sign = /^[+-]/.test(text) ? (text[0] ?? '') : '';
    const prefix = /^[+-]?0[xX]/.test(text) ? text.slice(0, sign.length + 2) : sign;
    return prefix + text.slice(prefix.length).padStart(width - prefix.length, '0');
  }
  return text.padStart(width);
}

function formatFloat(value: number, conversion: string, precision: number, flags: string): string {
  let text: string;
  const lower = conversion.toLowerCase();
  if (lower === 'e') text = value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
  else if (lower === 'g') {
    const p = precision === 0 ? 1 : precision;
    const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
    if (exponent < -4 || exponent >= p) {
      text = value.toExponential(p - 1).replace(/e([+-])(\d)$/, 'e$10$2');
      if (!flags.includes('#')) text = text.replace(/\.?0+e/, 'e');
    } else {
      text = value.toFixed(Math.max(0, p - 1 - exponent));
      if (!flags.includes('#') && text.includes('.')) text = text.replace(/\.?0+$/, '');
    }
  } else text = value.toFixed(precision);
  if (conversion === conversion.toUpperCase()) text = text.toUpperCase();
  return text;
}

export const printf: Command = (ctx) => {
  const args = ctx.args.slice(1);
  if (args[0] === '--') args.shift();
  const format = args.shift();
  if (format === undefined) {
    ctx.stderr.write('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  let status = 0;
  let out = '';
  let stopped = false;
  const next = () => args.shift();
  const numberArg = (): number => {
    const arg = next();
    if (arg === undefined) return 0;
    const parsed = toNumber(arg);
    if (!parsed.valid) {
      ctx.stderr.write(`bash: printf: ${arg}: invalid number\n`);
      status = 1;
    }
    return parsed.value;
  };
  const convert = (
    flags: string,
    widthSpec: string | undefined,
    precisionSpec: string | undefined,
    conversion: string,
  ) => {
    const width = widthSpec === '*' ? numberArg() : Number(widthSpec ?? 0);
    const precision =
      precisionSpec === undefined ? undefined : precisionSpec === '*' ? numberArg() : Number(precisionSpec || 0);
    const leftFlags = width < 0 ? `${flags}-` : flags;
    const absWidth = Math.abs(width);
    switch (conversion) {
      case '%':
        return '%';
      case 's':
      case 'q':
      case 'b': {
        let text = next() ?? '';
        if (conversion === 'q') text = shellEscape(text);
        if (conversion === 'b') {
          const result = unescape(text, 'echo');
          text = result.text;
          stopped ||= result.stop;
        }
        if (precision !== undefined) text = text.slice(0, precision);
        return pad(text, leftFlags.replace('0', ''), absWidth);
      }
      case 'c':
        return pad((next() ?? '').slice(0, 1), leftFlags.replace('0', ''), absWidth);
      case 'd':
      case 'i':
      case 'u': {
        const value = Math.trunc(numberArg());
        let digits = String(Math.abs(value));
        if (precision !== undefined) digits = digits.padStart(precision, '0');
        const sign = value < 0 ? '-' : leftFlags.includes('+') ? '+' : leftFlags.includes(' ') ? ' ' : '';
        return pad(sign + digits, precision !== undefined ? leftFlags.replace('0', '') : leftFlags, absWidth);
      }
      case 'x':
      case 'X':
      case 'o': {
        const value = Math.trunc(numberArg());
        const unsigned = value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(value);
        let digits = unsigned.toString(conversion === 'o' ? 8 : 16);
        if (conversion === 'X') digits = digits.toUpperCase();
        if (precision !== undefined) digits = digits.padStart(precision, '0');
        if (leftFlags.includes('#') && value !== 0) digits = (conversion === 'o' ? '0' : `0${conversion}`) + digits;
        return pad(digits, leftFlags, absWidth);
      }
      default: {
        const arg = next();
        const value = arg === undefined || arg === '' ? 0 : Number(arg);
        if (Number.isNaN(value)) {
          ctx.stderr.write(`bash: printf: ${arg ?? ''}: invalid number\n`);
          status = 1;
        }
        const text = formatFloat(Number.isNaN(value) ? 0 : value, conversion, precision ?? 6, leftFlags);
        const sign = value >= 0 && leftFlags.includes('+') ? '+' : value >= 0 && leftFlags.includes(' ') ? ' ' : '';
        return pad(sign + text, leftFlags, absWidth);
      }
    }
  };
  const formatHasConversions = /%[^%]/.test(format.replace(/%%/g, ''));
  const invalid = /%[-+ #0]*(\d+|\*)?(\.(\d+|\*)?)?([^-+ #0-9.*diouxXeEfFgGcsbqaA%])/.exec(
    format.replace(/%%/g, '\0\0'),
  );
  if (invalid) {
    // bash prints what precedes an unknown conversion, then stops.
    ctx.stdout.write(unescape(format.slice(0, invalid.index), 'printf').text);
    ctx.stderr.write(`bash: printf: \`${invalid[4] ?? ''}': invalid format character\n`);
    return 1;
  }
  let before = args.length;
  do {
    before = args.length;
    let last = 0;
    for (const match of format.matchAll(SPEC)) {
      const literal = unescape(format.slice(last, match.index), 'printf');
      out += literal.text;
      if (literal.stop) {
        ctx.stdout.write(out);
        return status;
      }
      out += convert(match[1] ?? '', match[2], match[3], match[4] ?? 's');
      last = match.index + match[0].length;
      if (stopped) break;
    }
    if (stopped) break;
    const tail = unescape(format.slice(last), 'printf');
    out += tail.text;
    if (tail.stop) break;
  } while (args.length > 0 && formatHasConversions && args.length < before);
  ctx.stdout.write(out);
  return status;
};
