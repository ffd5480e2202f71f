// metav1.LabelSelector objects ({matchLabels, matchExpressions}):
// LabelSelectorAsSelector, LabelSelectorAsMap and FormatLabelSelector
// (apis/meta/v1/helpers.go) and ValidateLabelSelector
// (apis/meta/v1/validation), apimachinery v0.32.
import { fieldErrors, FieldPath, goQuote, type FieldError } from '../api/field-errors';
import { validateLabelName, validateLabels } from '../api/validation/labels';
import { compareGoStrings, isValidLabelValue } from '../api/validation/names';
import {
  newRequirement,
  requirementToString,
  selectorOf,
  SelectorParseError,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
} from './label-requirement';

export interface LabelSelectorRequirementObject {
  key: string;
  /** In, NotIn, Exists or DoesNotExist. */
  operator: string;
  values?: readonly string[] | null;
}

export interface LabelSelectorObject {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly LabelSelectorRequirementObject[] | null;
}

const OPERATORS: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** %q of an operator; a missing one is Go's empty string. */
function quoted(operator: unknown): string {
  return goQuote(typeof operator === 'string' ? operator : '');
}

/**
 * LabelSelectorAsSelector: a nil object selects nothing, an empty one
 * everything. Throws SelectorParseError with Go's text for a bad selector.
 */
export function labelSelectorFromObject(object: LabelSelectorObject | null | undefined): LabelSelector {
  if (!object) return { requirements: [], nothing: true };
  const matchLabels = object.matchLabels ?? {};
  const expressions = object.matchExpressions ?? [];
  const requirements: LabelRequirement[] = [];
  // Go walks matchLabels in map order; sorted here so the first error is stable.
  for (const key of Object.keys(matchLabels).sort(compareGoStrings)) {
    requirements.push(newRequirement(key, '=', [matchLabels[key] ?? '']));
  }
  for (const expression of expressions) {
    const operator = Object.prototype.hasOwnProperty.call(OPERATORS, expression.operator)
      ? OPERATORS[expression.operator]
      : undefined;
    if (!operator)
      throw new SelectorParseError(`${quoted(expression.operator)} is not a valid label selector operator`);
    // append([]string(nil), values...) stays nil when there are no values.
    const values = expression.values?.length ? [...expression.values] : undefined;
    requirements.push(newRequirement(expression.key, operator, values));
  }
  return selectorOf(requirements);
}

/** FormatLabelSelector, as printers and describe show a selector: `<none>` when empty, `<error>` when invalid. */
export function labelSelectorObjectAsString(object: LabelSelectorObject | null | undefined): string {
  let selector: LabelSelector;
  try {
    selector = labelSelectorFromObject(object);
  } catch {
    return '<error>';
  }
  const text = selector.nothing ? '' : selector.requirements.map(requirementToString).join(',');
  return text || '<none>';
}

/**
 * LabelSelectorAsMap: the selector as a plain map, for the operators that
 * allow it. undefined for a nil selector; throws SelectorParseError otherwise.
 */
export function labelSelectorObjectAsMap(
  object: LabelSelectorObject | null | undefined,
): Record<string, string> | undefined {
  if (!object) return undefined;
  const selector: Record<string, string> = { ...(object.matchLabels ?? {}) };
  for (const expression of object.matchExpressions ?? []) {
    switch (expression.operator) {
      case 'In': {
        const values = expression.values ?? [];
        if (values.length !== 1) {
          throw new SelectorParseError(
            `operator ${quoted(expression.operator)} without a single value cannot be converted into the old label selector format`,
          );
        }
        selector[expression.key] = values[0] ?? '';
        break;
      }
      case 'NotIn':
      case 'Exists':
      case 'DoesNotExist':
        throw new SelectorParseError(
          `operator ${quoted(expression.operator)} cannot be converted into the old label selector format`,
        );
      default:
        throw new SelectorParseError(`${quoted(expression.operator)} is not a valid selector operator`);
    }
  }
  return selector;
}

export interface LabelSelectorValidationOptions {
  /** Only for existing objects that already hold invalid values. */
  allowInvalidLabelValueInSelector?: boolean;
}

/** metav1validation.ValidateLabelSelector; a nil selector is valid. */
export function validateLabelSelector(
  object: LabelSelectorObject | null | undefined,
  path: FieldPath | string,
  options: LabelSelectorValidationOptions = {},
): FieldError[] {
  if (!object) return [];
  const base = typeof path === 'string' ? FieldPath.root(path) : path;
  const errors = validateLabels(object.matchLabels ?? undefined, base.child('matchLabels'));
  (object.matchExpressions ?? []).forEach((expression, index) => {
    errors.push(...validateRequirement(expression, base.child('matchExpressions').index(index), options));
  });
  return errors;
}

function validateRequirement(
  requirement: LabelSelectorRequirementObject,
  path: FieldPath,
  options: LabelSelectorValidationOptions,
): FieldError[] {
  const errors: FieldError[] = [];
  const values = requirement.values ?? [];
  const valuesPath = path.child('values');
  switch (requirement.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errors.push(
          fieldErrors.required(valuesPath.toString(), "must be specified when `operator` is 'In' or 'NotIn'"),
        );
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errors.push(
          fieldErrors.forbidden(
            valuesPath.toString(),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    default:
      errors.push(
        fieldErrors.invalid(path.child('operator').toString(), requirement.operator, 'not a valid selector operator'),
      );
  }
  errors.push(...validateLabelName(requirement.key, path.child('key')));
  if (!options.allowInvalidLabelValueInSelector) {
    values.forEach((value, index) => {
      for (const message of isValidLabelValue(value)) {
        errors.push(fieldErrors.invalid(valuesPath.index(index).toString(), value, message));
      }
    });
  }
  return errors;
}
