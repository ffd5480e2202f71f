// `--sort-by=<jsonpath>` over list items (kubectl/pkg/cmd/get/sorter.go RuntimeSort).
import { quantityNumber } from '@kubelab/cluster';
import { JsonPathEvaluator } from './jsonpath/evaluator';
import { compileJsonPath, PrinterError } from './jsonpath/printer';
import type { ListNode } from './jsonpath/nodes';
import { relaxedJsonPathExpression } from './relaxed-jsonpath';

/** Sorts items by the first value the path finds; items without it sort first. */
export function sortByJsonPath<T>(items: readonly T[], sortBy: string): T[] {
  const field = relaxedJsonPathExpression(sortBy);
  const root = compileJsonPath(field);
  const keys = items.map((item) => firstValue(root, item));
  if (!keys.some((k) => k.found)) {
    throw new PrinterError(`couldn't find any field with path "${field}" in the list of objects`);
  }
  // Go's sort.Sort is not stable; a stable sort keeps equal keys in their listed order.
  return items
    .map((item, i) => ({ item, key: keys[i] ?? { found: false, value: undefined } }))
    .sort((a, b) => (isLessKey(a.key, b.key) ? -1 : isLessKey(b.key, a.key) ? 1 : 0))
    .map((entry) => entry.item);
}

interface SortKey {
  found: boolean;
  value: unknown;
}

function firstValue(root: ListNode, item: unknown): SortKey {
  const values = new JsonPathEvaluator(root, true).findResults(item);
  const first = values[0];
  return first && first.length > 0 ? { found: true, value: first[0] } : { found: false, value: undefined };
}

function isLessKey(a: SortKey, b: SortKey): boolean {
  if (!a.found) return b.found;
  if (!b.found) return false;
  return isLess(a.value, b.value);
}

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantityNumber(a);
    const qb = quantityNumber(b);
    return qa !== undefined && qb !== undefined ? qa < qb : a < b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      if (isLess(a[i], b[i])) return true;
    }
    return false;
  }
  if (typeof a === 'boolean' || a === null || typeof a === 'object') {
    throw new PrinterError(`unsortable type: ${a === null ? 'invalid' : typeof a === 'boolean' ? 'bool' : 'map'}`);
  }
  return false;
}
