// `--sort-by=<jsonpath>` over list items (kubectl/pkg/cmd/get/sorter.go RuntimeSort).
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
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
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

const SUFFIXES: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** resource.ParseQuantity, as a number (enough for ordering). */
function parseQuantity(s: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(s);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * Number(`1${m[2]}`);
  return base * (SUFFIXES[m[3] ?? ''] ?? 1);
}
