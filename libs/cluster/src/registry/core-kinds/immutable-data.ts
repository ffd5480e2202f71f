// The `immutable` field of ConfigMaps and Secrets: once set, it stays set and
// the data stays as it is (ValidateConfigMapUpdate, ValidateSecretUpdate).
import { fieldErrors, type FieldError } from '../../api/field-errors';
import { jsonEqual } from '../../api/handlers/decode';
import type { KubeObject } from '../../api/objects';

const IMMUTABLE_DETAIL = 'field is immutable when `immutable` is set';

/** Forbidden errors for `immutable` unset and for each of `fields` changed, when the old object was immutable. */
export function validateImmutableData(
  object: Readonly<KubeObject>,
  old: Readonly<KubeObject>,
  fields: readonly string[],
): FieldError[] {
  if (old.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (object.immutable !== true) errors.push(fieldErrors.forbidden('immutable', IMMUTABLE_DETAIL));
  for (const field of fields) {
    if (!jsonEqual(object[field] ?? {}, old[field] ?? {})) errors.push(fieldErrors.forbidden(field, IMMUTABLE_DETAIL));
  }
  return errors;
}
