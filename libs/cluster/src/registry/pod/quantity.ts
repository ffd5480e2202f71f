// resource.Quantity of k8s.io/apimachinery v0.32 (quantity.go, suffix.go,
// amount.go): parsing with Go's error texts, the canonical string the API
// server serves, the milli round-up of SetDefaults_ResourceList, and a
// numeric value for comparisons. Exact arithmetic with BigInt.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** value = mantissa * 10^exponent, exactly. */
export interface Quantity {
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  /** The input, kept when Go caches it as already canonical. */
  readonly cached?: string;
}

export type ParsedQuantity = { ok: true; quantity: Quantity } | { ok: false; error: string };

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const NANO = -9;

interface Split {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** parseQuantityString, step for step. */
function splitQuantity(text: string): Split | undefined {
  let pos = 0;
  const end = text.length;
  let positive = true;
  if (text[0] === '-') {
    positive = false;
    pos++;
  } else if (text[0] === '+') pos++;
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let start = pos;
  while (pos < end && isDigit(text[pos])) pos++;
  const num = text.slice(start, pos) || '0';
  let denom = '';
  if (text[pos] === '.') {
    pos++;
    start = pos;
    while (pos < end && isDigit(text[pos])) pos++;
    denom = text.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(text[pos] ?? '')) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos < end) return undefined;
  return { positive, num, denom, suffix: text.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

const FORMAT_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

export function parseQuantity(input: string | number): ParsedQuantity {
  const text = typeof input === 'number' ? String(input).replace('e+', 'e') : input.trim();
  if (!text || !FORMAT_RE.test(text)) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const split = splitQuantity(text);
  if (!split) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const suffix = interpretSuffix(split.suffix);
  if (!suffix) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  const digits = split.num + split.denom;
  if (!/^[0-9]+$/.test(digits)) return { ok: false, error: QUANTITY_NUMERIC_ERROR };
  let mantissa = BigInt(digits);
  let exponent = -split.denom.length;
  if (suffix.base === 10) exponent += suffix.exponent;
  else mantissa *= 1n << BigInt(suffix.exponent);
  if (!split.positive) mantissa = -mantissa;
  let format = suffix.format;
  if (exponent < NANO) {
    // Non-zero values below a nano round up to the smallest representable amount.
    ({ mantissa, exponent } = roundUp(mantissa, exponent, NANO));
  }
  if (format === 'BinarySI' && split.denom && mantissa > 0n && compareToOne(mantissa, exponent) < 0)
    format = 'DecimalSI';
  const quantity: Quantity = { mantissa, exponent, format };
  const cached = cachedString(text, split, suffix);
  return { ok: true, quantity: cached ? { ...quantity, cached } : quantity };
}

function compareToOne(mantissa: bigint, exponent: number): number {
  const scaled = exponent >= 0 ? mantissa * 10n ** BigInt(exponent) : mantissa;
  const one = exponent >= 0 ? 1n : 10n ** BigInt(-exponent);
  return scaled < one ? -1 : scaled > one ? 1 : 0;
}

/** The fast path of ParseQuantity keeps the input when it is already in canonical form. */
function cachedString(
  text: string,
  split: Split,
  suffix: { exponent: number; format: QuantityFormat },
): string | undefined {
  const shifted = split.num + split.denom;
  if (shifted.length > 18) return undefined;
  if (suffix.format === 'BinarySI') {
    const precision = 15 - split.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    if (split.denom || precision < 0) return undefined;
    return suffix.exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n ? text : undefined;
  }
  const scale = suffix.exponent - split.denom.length;
  if (scale < NANO) return undefined;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0' ? text : undefined;
}

/** Rounds away from zero to 10^scale. */
function roundUp(mantissa: bigint, exponent: number, scale: number): { mantissa: bigint; exponent: number } {
  if (exponent >= scale) return { mantissa, exponent };
  const divisor = 10n ** BigInt(scale - exponent);
  let rounded = mantissa / divisor;
  if (rounded * divisor !== mantissa) rounded += mantissa > 0n ? 1n : -1n;
  return { mantissa: rounded, exponent: scale };
}

/** Quantity.RoundUp(milli), as SetDefaults_ResourceList applies it. */
export function roundUpToMilli(quantity: Quantity): Quantity {
  if (quantity.exponent >= -3) return quantity;
  return { ...roundUp(quantity.mantissa, quantity.exponent, -3), format: quantity.format };
}

function stripFactors(value: bigint, factor: bigint): { value: bigint; times: number } {
  let times = 0;
  if (value === 0n) return { value, times };
  while (value % factor === 0n) {
    value /= factor;
    times++;
  }
  return { value, times };
}

const DECIMAL_SUFFIX_FOR: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIX_FOR: Record<number, string> = { 0: '', 1: 'Ki', 2: 'Mi', 3: 'Gi', 4: 'Ti', 5: 'Pi', 6: 'Ei' };

/** Quantity.String(): CanonicalizeBytes. */
export function formatQuantity(quantity: Quantity): string {
  if (quantity.cached !== undefined) return quantity.cached;
  const { mantissa, exponent } = quantity;
  let format = quantity.format;
  if (format === 'BinarySI') {
    const isInteger = exponent >= 0 || mantissa % 10n ** BigInt(-exponent) === 0n;
    const whole = exponent >= 0 ? mantissa * 10n ** BigInt(exponent) : mantissa / 10n ** BigInt(-exponent);
    if ((whole > -1024n && whole < 1024n) || !isInteger) format = 'DecimalSI';
    else {
      const { value, times } = stripFactors(whole, 1024n);
      const suffix = BINARY_SUFFIX_FOR[times];
      if (suffix !== undefined) return `${value}${suffix}`;
      return `${value * 1024n ** BigInt(times - 6)}Ei`;
    }
  }
  const stripped = stripFactors(mantissa, 10n);
  let amount = stripped.value;
  let power = exponent + stripped.times;
  const remainder = ((power % 3) + 3) % 3;
  amount *= 10n ** BigInt(remainder);
  power -= remainder;
  if (amount === 0n) power = 0;
  if (format === 'DecimalSI') {
    const suffix = DECIMAL_SUFFIX_FOR[power];
    if (suffix !== undefined) return `${amount}${suffix}`;
  }
  return power === 0 ? `${amount}` : `${amount}e${power}`;
}

/** The value as a float, for comparisons and sums. */
export function quantityValue(quantity: Quantity): number {
  return Number(quantity.mantissa) * 10 ** quantity.exponent;
}

/** The int64Amount Go shows in diffs: value and scale. */
export function quantityAmount(quantity: Quantity): { value: string; scale: number } {
  return { value: quantity.mantissa.toString(), scale: quantity.exponent };
}

/** Parses a value read from a stored object (already valid); undefined when it is not a quantity. */
export function readQuantity(value: unknown): Quantity | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseQuantity(value);
  return parsed.ok ? parsed.quantity : undefined;
}

/** A quantity's value as a number (`500m` is 0.5, `1Ki` 1024), or undefined when the text is no quantity. */
export function quantityNumber(input: string): number | undefined {
  const parsed = parseQuantity(input);
  return parsed.ok ? quantityValue(parsed.quantity) : undefined;
}
