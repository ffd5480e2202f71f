// Go's number text: strconv.FormatFloat(f, 'g', -1, 64) as go-yaml writes floats, and how a JSON number
// read back by go-yaml splits into int (fits int64/uint64) or float.

const TWO_POW_63 = 2 ** 63;

/** Go `%v`/'g' shortest formatting of a float64: exponent form when exp < -4 || exp >= 6 (Go's shortest precision rule). */
export function formatGoFloatG(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${sign}${magnitude}`;
  }
  return String(value);
}

/** A JSON number as go-yaml prints it after sigs.k8s.io/yaml's JSON round trip. */
export function formatYamlNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < TWO_POW_63) return BigInt(value).toString();
  return formatGoFloatG(value);
}

/** Go encoding/json's float64 text (ES number text matches it, except -0). */
export function formatJsonNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(value);
}
