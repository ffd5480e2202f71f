// Requirements of a label selector, as k8s.io/apimachinery/pkg/labels v0.32
// builds (NewRequirement), matches and prints them.
import { fieldErrorMessage, fieldErrors, goStringSlice, FieldPath, type FieldError } from '../api/field-errors';
import { compareGoStrings, isQualifiedName, isValidLabelValue } from '../api/validation/names';

/** selection.Operator values, as labels.Requirement stores them. */
export type LabelOperator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt';

export const BINARY_OPERATORS: readonly LabelOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: readonly string[] = [...BINARY_OPERATORS, 'exists', '!'];

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** As given (not sorted, duplicates kept); undefined is Go's nil slice. */
  readonly values: readonly string[] | undefined;
}

/**
 * A parsed label selector. An empty requirement list selects everything
 * (labels.Everything(), what an empty metav1.LabelSelector becomes); `nothing`
 * is labels.Nothing(), what a nil metav1.LabelSelector becomes: it selects no object.
 */
export interface LabelSelector {
  /** Sorted by key, as Go's ByKey leaves them. */
  readonly requirements: readonly LabelRequirement[];
  readonly nothing: boolean;
}

/** An unparsable selector; `message` is Go's error text. */
export class SelectorParseError extends Error {
  override readonly name = 'SelectorParseError';
}

/** Where NewRequirement reports; undefined is Go's nil *field.Path (the parser's). */
export type RequirementPath = FieldPath | undefined;

function childOf(path: RequirementPath, name: string): FieldPath {
  return path ? path.child(name) : FieldPath.root(name);
}

/** labels' validateLabelKey: one error joining IsQualifiedName's messages. */
export function labelKeyError(key: string, path: string): FieldError | undefined {
  const messages = isQualifiedName(key);
  return messages.length ? fieldErrors.invalid(path, key, messages.join('; ')) : undefined;
}

/** GoParseInt(value, 10, 64) succeeds. */
export function parseInt64(value: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(value)) return undefined;
  const parsed = BigInt(value);
  return parsed >= -(2n ** 63n) && parsed < 2n ** 63n ? parsed : undefined;
}

/** The errors of labels.NewRequirement, in Go's order. */
export function requirementErrors(
  key: string,
  operator: string,
  values: readonly string[] | undefined,
  path: RequirementPath,
): FieldError[] {
  const errors: FieldError[] = [];
  const keyError = labelKeyError(key, childOf(path, 'key').toString());
  if (keyError) errors.push(keyError);
  const valuePath = childOf(path, 'values');
  const list = values ?? [];
  const badValues = goStringSlice(values);
  switch (operator) {
    case 'in':
    case 'notin':
      if (list.length === 0) {
        errors.push(
          fieldErrors.invalid(
            valuePath.toString(),
            badValues,
            "for 'in', 'notin' operators, values set can't be empty",
          ),
        );
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (list.length !== 1) {
        errors.push(
          fieldErrors.invalid(valuePath.toString(), badValues, 'exact-match compatibility requires one single value'),
        );
      }
      break;
    case 'exists':
    case '!':
      if (list.length !== 0) {
        errors.push(
          fieldErrors.invalid(
            valuePath.toString(),
            badValues,
            'values set must be empty for exists and does not exist',
          ),
        );
      }
      break;
    case 'gt':
    case 'lt':
      if (list.length !== 1) {
        errors.push(
          fieldErrors.invalid(
            valuePath.toString(),
            badValues,
            "for 'Gt', 'Lt' operators, exactly one value is required",
          ),
        );
      }
      list.forEach((value, index) => {
        if (parseInt64(value) === undefined) {
          errors.push(
            fieldErrors.invalid(
              valuePath.index(index).toString(),
              value,
              "for 'Gt', 'Lt' operators, the value must be an integer",
            ),
          );
        }
      });
      break;
    default:
      errors.push(fieldErrors.notSupported(childOf(path, 'operator').toString(), operator, VALID_OPERATORS));
  }
  list.forEach((value, index) => {
    const messages = isValidLabelValue(value);
    if (messages.length) {
      errors.push(fieldErrors.invalid(valuePath.index(index).key(key).toString(), value, messages.join('; ')));
    }
  });
  return errors;
}

/** The text of field.ErrorList.ToAggregate().Error(): duplicates dropped, several in brackets. */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const messages = [...new Set(errors.map(fieldErrorMessage))];
  return messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`;
}

/** labels.NewRequirement; throws SelectorParseError with Go's aggregate text. */
export function newRequirement(
  key: string,
  operator: LabelOperator,
  values: readonly string[] | undefined,
  path?: FieldPath,
): LabelRequirement {
  const errors = requirementErrors(key, operator, values, path);
  if (errors.length) throw new SelectorParseError(aggregateMessage(errors));
  return { key, operator, values };
}

/** A selector of the given requirements, sorted by key (stable, as Go's sort is for small lists). */
export function selectorOf(requirements: readonly LabelRequirement[]): LabelSelector {
  return { requirements: [...requirements].sort((a, b) => compareGoStrings(a.key, b.key)), nothing: false };
}

function hasLabel(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

export function requirementMatches(requirement: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const values = requirement.values ?? [];
  const present = hasLabel(labels, requirement.key);
  const value = labels[requirement.key] ?? '';
  switch (requirement.operator) {
    case 'in':
    case '=':
    case '==':
      return present && values.includes(value);
    case 'notin':
    case '!=':
      return !present || !values.includes(value);
    case 'exists':
      return present;
    case '!':
      return !present;
    case 'gt':
    case 'lt': {
      if (!present || values.length !== 1) return false;
      const actual = parseInt64(value);
      const limit = parseInt64(values[0] ?? '');
      if (actual === undefined || limit === undefined) return false;
      return requirement.operator === 'gt' ? actual > limit : actual < limit;
    }
  }
}

const OPERATOR_TEXT: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** Requirement.String(): `!key`, `key`, `key=v`, `key in (a,b)` with several values sorted. */
export function requirementToString(requirement: LabelRequirement): string {
  const { key, operator } = requirement;
  if (operator === 'exists') return key;
  if (operator === '!') return `!${key}`;
  const values = requirement.values ?? [];
  const text = values.length === 1 ? (values[0] ?? '') : [...values].sort(compareGoStrings).join(',');
  const set = operator === 'in' || operator === 'notin';
  return `${key}${OPERATOR_TEXT[operator]}${set ? `(${text})` : text}`;
}
