// How go-yaml v2 (vendored by sigs.k8s.io/yaml) decides a string's scalar style: its resolver
// (would the plain text read back as a bool/int/float/null/timestamp?) and the emitter's analysis.

const BOOL_NULL_FLOAT_WORDS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT_BASE0 = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const INT64_MAX = 2n ** 63n;
const UINT64_MAX = 2n ** 64n - 1n;

/** True when yaml.v2 may write `s` unquoted: it resolves to !!str and is no base-60 float. */
export function resolvesToPlainString(s: string): boolean {
  if (BOOL_NULL_FLOAT_WORDS.has(s)) return false;
  const first = s.charAt(0);
  if (first === '.') return !/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (isTimestamp(s)) return false;
    const plain = s.split('_').join('');
    // strconv.ParseFloat fails on overflow, so such a literal stays a string.
    if (fitsGoInteger(plain) || (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain)))) return false;
    return !BASE60_FLOAT.test(s);
  }
  return true;
}

/** strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds. */
function fitsGoInteger(s: string): boolean {
  if (!GO_INT_BASE0.test(s)) return false;
  const negative = s.startsWith('-');
  let digits = s.replace(/^[-+]/, '');
  let radix = 10;
  if (/^0[xX]/.test(digits)) [radix, digits] = [16, digits.slice(2)];
  else if (/^0[bB]/.test(digits)) [radix, digits] = [2, digits.slice(2)];
  else if (/^0[oO]/.test(digits)) [radix, digits] = [8, digits.slice(2)];
  else if (/^0[0-7]/.test(digits)) [radix, digits] = [8, digits.slice(1)];
  let value = 0n;
  for (const c of digits) value = value * BigInt(radix) + BigInt(parseInt(c, radix));
  if (negative) return value <= INT64_MAX;
  return value <= UINT64_MAX;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME_ZONE = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/;

/** go-yaml's parseTimestamp: the time.Parse layouts it tries, with Go's range checks. */
function isTimestamp(s: string): boolean {
  const m = DATE.exec(s) ?? DATE_TIME_ZONE.exec(s) ?? DATE_TIME.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? '0'));
  if (year === undefined || month === undefined || day === undefined) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  return (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

export const isBreak = (c: number): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;

/** libyaml's is_printable on UTF-8 bytes, expressed on code points (astral characters are not printable). */
export function isPrintable(c: number): boolean {
  return (
    c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

const isBlankOrEnd = (c: number | undefined): boolean => c === undefined || c === 0x20 || c === 0x09 || isBreak(c);

/** yaml_emitter_analyze_scalar. */
export function analyzeScalar(chars: readonly number[]): ScalarAnalysis {
  if (chars.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  const text = String.fromCodePoint(...chars.slice(0, 3));
  let blockIndicators = text === '---' || text === '...';
  let flowIndicators = blockIndicators;
  let lineBreaks = false;
  let specialCharacters = false;
  let [leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak] = [
    false,
    false,
    false,
    false,
    false,
    false,
  ];
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) [flowIndicators, blockIndicators] = [true, true];
      else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) [flowIndicators, blockIndicators] = [true, true];
    } else if (',?[]{}'.includes(ch)) flowIndicators = true;
    else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) [flowIndicators, blockIndicators] = [true, true];
    if (!isPrintable(c)) specialCharacters = true;
    const last = i === chars.length - 1;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else [previousSpace, previousBreak] = [false, false];
    precededByWhitespace = isBlankOrEnd(c);
  });
  const result: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks) {
    result.flowPlainAllowed = result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) result.flowPlainAllowed = result.blockPlainAllowed = result.singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = result.blockPlainAllowed = result.singleQuotedAllowed = result.blockAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}
