import type { ExpressionCheck } from '@kubelab/labs';
import { evaluateJsonPath, JsonPathError, parseJsonPath } from '../json-path';
import { selectObjects } from '../objects';
import { formatValue, numericValue, scalarsEqual } from '../partial-match';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

function expectation(check: ExpressionCheck): string {
  const parts: string[] = [];
  if (check.equals !== undefined) parts.push(formatValue(check.equals));
  if (check.in !== undefined) parts.push(`one of ${check.in.map(formatValue).join(', ')}`);
  if (check.matches !== undefined) parts.push(`matching /${check.matches}/`);
  if (check.greaterThan !== undefined) parts.push(`greater than ${check.greaterThan}`);
  if (check.atLeast !== undefined) parts.push(`at least ${check.atLeast}`);
  if (check.lessThan !== undefined) parts.push(`less than ${check.lessThan}`);
  if (check.atMost !== undefined) parts.push(`at most ${check.atMost}`);
  return parts.join(' and ');
}

function equal(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'object' && expected !== null) return JSON.stringify(expected) === JSON.stringify(actual);
  return scalarsEqual(expected, actual);
}

function holds(check: ExpressionCheck, value: unknown): boolean {
  const number = numericValue(value);
  const compare = (bound: number | undefined, test: (n: number, b: number) => boolean) =>
    bound === undefined || (number !== undefined && test(number, bound));
  return (
    (check.equals === undefined || equal(check.equals, value)) &&
    (check.in === undefined || check.in.some((candidate) => equal(candidate, value))) &&
    (check.matches === undefined || (value !== undefined && new RegExp(check.matches).test(formatValue(value)))) &&
    compare(check.greaterThan, (n, b) => n > b) &&
    compare(check.atLeast, (n, b) => n >= b) &&
    compare(check.lessThan, (n, b) => n < b) &&
    compare(check.atMost, (n, b) => n <= b)
  );
}

export function checkExpression(check: ExpressionCheck, context: CheckContext): CheckOutcome {
  const found = selectObjects(context.target.cluster, check.select);
  if ('error' in found) return failed(found.error);
  const object = found.selected[0];
  const kind = found.kind.resource.kind;
  if (!object) return failed(`${kind} ${check.select.name ?? check.select.labelSelector ?? ''} not found`.trimEnd());
  let values: unknown[];
  try {
    values = evaluateJsonPath(parseJsonPath(check.path), object);
  } catch (error) {
    return failed(error instanceof JsonPathError ? error.message : String(error));
  }
  const value = values.length <= 1 ? values[0] : values;
  if (holds(check, value)) return PASSED;
  return failed(
    `${check.path} of ${kind} ${object.metadata.name ?? ''} is ${formatValue(value)}, expected ${expectation(check)}`,
  );
}
