// The small checks pkg/apis/core/validation shares between kinds, each
// returning field errors with Go's paths and messages.
import { fieldErrors, type BadValue, type FieldError, type FieldPath } from '../../../api/field-errors';
import {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidIP,
  isValidPortName,
  isValidPortNum,
} from '../../../api/validation/names';

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FILE_MODE_ERROR_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Options of PodValidationOptions that change results here. */
export interface PodValidationOptions {
  /** The spec belongs to a Pod, not to a pod template. */
  resourceIsPod: boolean;
}

function invalidEach(path: FieldPath, value: string, messages: string[]): FieldError[] {
  return messages.map((message) => fieldErrors.invalid(String(path), value, message));
}

export function validateDNS1123Label(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isDNS1123Label(value));
}

export function validateDNS1123Subdomain(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isDNS1123Subdomain(value));
}

export function validateQualifiedName(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isQualifiedName(value));
}

export function validateConfigMapKey(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isConfigMapKey(value));
}

/** validation.IsValidIP(fldPath, value). */
export function validateIP(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isValidIP(value));
}

export function validateNonnegative(value: number, path: FieldPath): FieldError[] {
  return value < 0 ? [fieldErrors.invalid(String(path), value, IS_NEGATIVE_ERROR_MSG)] : [];
}

export function validateFileMode(mode: unknown, path: FieldPath): FieldError[] {
  if (typeof mode !== 'number') return [];
  return mode > 0o777 || mode < 0 ? [fieldErrors.invalid(String(path), mode, FILE_MODE_ERROR_MSG)] : [];
}

/** ValidatePortNumOrName for an IntOrString: numbers are port numbers, strings IANA service names. */
export function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') {
    return isValidPortNum(port).map((message) => fieldErrors.invalid(String(path), port, message));
  }
  const name = typeof port === 'string' ? port : '';
  return isValidPortName(name).map((message) => fieldErrors.invalid(String(path), name, message));
}

/** A value of an enumeration: Required when empty, NotSupported when unknown. */
export function validateEnum(value: string, supported: readonly string[], path: FieldPath): FieldError[] {
  if (value === '') return [fieldErrors.required(String(path))];
  return supported.includes(value) ? [] : [fieldErrors.notSupported(String(path), value, supported)];
}

export function rangeError(value: number, low: number, high: number, path: FieldPath): FieldError[] {
  return value < low || value > high ? [fieldErrors.invalid(String(path), value, inclusiveRangeError(low, high))] : [];
}

/** A JSON number or string as the field error's bad value. */
export function badValue(value: unknown): BadValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** validatePathNoBacksteps. */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').some((part) => part === '..')
    ? [fieldErrors.invalid(String(path), target, "must not contain '..'")]
    : [];
}

/** validateLocalDescendingPath: relative, without '..' elements. */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (target.startsWith('/')) errors.push(fieldErrors.invalid(String(path), target, 'must be a relative path'));
  errors.push(...validatePathNoBacksteps(target, path));
  return errors;
}

/** ValidateLocalNonReservedPath: also may not start with '..'. */
export function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errors = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) {
    errors.push(fieldErrors.invalid(String(path), target, "must not start with '..'"));
  }
  return errors;
}
