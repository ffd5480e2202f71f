// The forked text/template comparison functions the jsonpath filter uses (Equal, Less, ...).
import { JsonPathError } from './nodes';

type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new JsonPathError('invalid type for comparison');
}

function equal(a: unknown, b: unknown): boolean {
  if (basicKind(a) !== basicKind(b)) throw new JsonPathError('incompatible types for comparison');
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const kind = basicKind(a);
  if (kind !== basicKind(b)) throw new JsonPathError('incompatible types for comparison');
  if (kind === 'bool') throw new JsonPathError('invalid type for comparison');
  return (a as number | string) < (b as number | string);
}

/** Applies a filter operator: ==, !=, <, >, <=, >=. */
export function compareGo(operator: string, a: unknown, b: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return less(a, b);
    case '<=':
      return less(a, b) || equal(a, b);
    case '>':
      return !(less(a, b) || equal(a, b));
    case '>=':
      return !less(a, b);
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}
