// Label checks of k8s.io/apimachinery/pkg/apis/meta/v1/validation v0.32
// (ValidateLabels, ValidateLabelName). Go walks the label map in random
// order; here keys are visited sorted so that error lists are stable.
import { fieldErrors, type FieldError, type FieldPath } from '../field-errors';
import { compareGoStrings, isQualifiedName, isValidLabelValue } from './names';

export function validateLabelName(labelName: string, path: FieldPath | string): FieldError[] {
  return isQualifiedName(labelName).map((message) => fieldErrors.invalid(String(path), labelName, message));
}

/** Keys and values of a label map; every error is reported at the map's own path. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: FieldPath | string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort(compareGoStrings)) {
    errors.push(...validateLabelName(key, path));
    const value = labels?.[key];
    const text = typeof value === 'string' ? value : '';
    for (const message of isValidLabelValue(text)) errors.push(fieldErrors.invalid(String(path), text, message));
  }
  return errors;
}
