// intstr.IntOrString as apimachinery reads, scales, validates and prints it:
// `maxSurge: 25%` or `maxUnavailable: 1`.
import { fieldErrors, goQuote, goValue, type FieldError, type GoRendered } from '../../api/field-errors';
import { isValidPercent } from '../../api/validation/names';
import { IS_NEGATIVE_ERROR_MSG } from '../../api/validation/object-meta';
import type { IntOrString } from './types';

const PERCENT = /^[0-9]+%$/;

export function isIntOrString(value: unknown): value is IntOrString {
  return typeof value === 'number' || typeof value === 'string';
}

/** `%#v` of an intstr.IntOrString: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}`. */
export function goIntOrString(value: IntOrString | undefined): GoRendered {
  if (typeof value === 'string') return goValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`);
  return goValue(`intstr.IntOrString{Type:0, IntVal:${value ?? 0}, StrVal:""}`);
}

/** IntOrString.IntValue(): a string that is not a number reads 0. */
function intValue(value: IntOrString): number {
  if (typeof value === 'number') return value;
  return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
}

function percentValue(value: IntOrString): number | undefined {
  if (typeof value !== 'string' || !PERCENT.test(value)) return undefined;
  return Number(value.slice(0, -1));
}

/** getIntOrPercentValue of apps validation. */
export function intOrPercentValue(value: IntOrString | undefined): number {
  if (value === undefined) return 0;
  return percentValue(value) ?? intValue(value);
}

/** intstr.GetScaledValueFromIntOrPercent; a string without `%` scales to 0 (the error is dropped by callers). */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) return 0;
  const percent = Number.parseInt(value.slice(0, -1), 10);
  if (Number.isNaN(percent)) return 0;
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(value: IntOrString, path: string): FieldError[] {
  if (typeof value === 'string') {
    return isValidPercent(value).map((message) => fieldErrors.invalid(path, goIntOrString(value), message));
  }
  return validateNonNegative(value, path);
}

/** IsNotMoreThan100Percent. */
export function validateNotMoreThan100Percent(value: IntOrString, path: string): FieldError[] {
  const percent = percentValue(value);
  if (percent === undefined || percent <= 100) return [];
  return [fieldErrors.invalid(path, goIntOrString(value), 'must not be greater than 100%')];
}

/** ValidateNonnegativeField. */
export function validateNonNegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldErrors.invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}
