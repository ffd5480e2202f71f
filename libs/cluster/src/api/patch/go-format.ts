// How Go prints decoded JSON (map[string]interface{}, []interface{}, string,
// int64, float64, bool, nil) with fmt's %v and %s and reflect's type names,
// so that patch errors quote values exactly as the API server does.
import { isRecord } from '../objects';

export type GoJsonType = 'map[string]interface {}' | '[]interface {}' | 'string' | 'bool' | 'int64' | 'float64' | 'nil';

/** The Go type a JSON value decodes to; integers stay int64 as the API server decodes patches. */
export function goJsonType(value: unknown): GoJsonType {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return '[]interface {}';
  if (isRecord(value)) return 'map[string]interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int64' : 'float64';
}

/** reflect.TypeOf(value) under %s: a nil interface has no type. */
export function goTypeName(value: unknown): string {
  const type = goJsonType(value);
  return type === 'nil' ? '%!s(<nil>)' : type;
}

/** strconv.FormatFloat(f, 'g', -1, 64), the %v of a float64. */
function goFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  // Shortest formatting switches to %e below 1e-4 and from 1e+06 up.
  if (exponent < -4 || exponent >= 6) {
    const [mantissa = '', power = '0'] = value.toExponential().split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    const digits = power.replace(/^[+-]/, '');
    return `${mantissa}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(value);
}

function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map)
    .filter((key) => map[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** fmt's %v: `map[a:1 b:[x y]]`, maps with sorted keys, nil as `<nil>`. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  if (isRecord(value))
    return `map[${sortedKeys(value)
      .map((key) => `${key}:${goSprint(value[key])}`)
      .join(' ')}]`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : goFloat(value);
  if (typeof value === 'string') return value;
  return typeof value === 'boolean' ? String(value) : '<nil>';
}

/** fmt's %s: strings bare, other scalars flagged as a bad verb (`%!s(int64=5)`). */
export function goSprintS(value: unknown): string {
  if (value === null || value === undefined) return '%!s(<nil>)';
  if (Array.isArray(value)) return `[${value.map(goSprintS).join(' ')}]`;
  if (isRecord(value))
    return `map[${sortedKeys(value)
      .map((key) => `${key}:${goSprintS(value[key])}`)
      .join(' ')}]`;
  if (typeof value === 'string') return value;
  return `%!s(${goJsonType(value)}=${goSprint(value)})`;
}
