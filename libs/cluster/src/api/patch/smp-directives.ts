// The `$`-directives of a strategic merge patch other than list merging:
// $retainKeys, the parallel-list key prefixes, the check of $setElementOrder
// against its list, and the scrubbing of directives from values taken whole.
// Ported from k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
import { isRecord } from '../objects';
import { goSprint } from './go-format';
import { smpErrors } from './smp-errors';
import { DIRECTIVE_MARKER, extractToDeleteItems, goEqual } from './smp-order';

export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';
const RETAIN_KEYS_DIRECTIVE = '$retainKeys';

/**
 * removeDirectives: a map carrying `$patch` is dropped (false), other maps and
 * lists are cleaned in place. Nothing else (`$retainKeys`, prefixes) is removed.
 */
export function removeDirectives(value: unknown): { value: unknown; keep: boolean } {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) {
      const result = removeDirectives(item);
      if (result.keep) kept.push(result.value);
    }
    return { value: kept, keep: true };
  }
  if (isRecord(value)) {
    if (Object.prototype.hasOwnProperty.call(value, DIRECTIVE_MARKER)) return { value: null, keep: false };
    for (const [key, item] of Object.entries(value)) {
      const result = removeDirectives(item);
      if (result.keep) value[key] = result.value;
      else delete value[key];
    }
  }
  return { value, keep: true };
}

/** discardNullValuesFromPatch: nulls of a value that has nothing to delete from. */
export function discardNullValues(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) discardNullValues(item);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) delete value[key];
      else discardNullValues(item);
    }
  }
}

/** extractKey: the field a `<prefix>/<field>` key names. */
export function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw smpErrors.badPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw smpErrors.badSetElementOrder();
    throw smpErrors.other(`fail to find unknown prefix "${prefix}" in ${key}\n`);
  }
  return key.slice(slash + 1);
}

/**
 * applyRetainKeysDirective: every field the patch sets must be listed, and
 * fields of the original not listed are cleared.
 */
export function applyRetainKeysDirective(original: Record<string, unknown>, patch: Record<string, unknown>): void {
  if (!Object.prototype.hasOwnProperty.call(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retainKeys = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!Array.isArray(retainKeys)) throw smpErrors.badRetainKeys();
  const retained = (key: string): boolean => retainKeys.some((entry) => goEqual(entry, key));
  for (const [key, value] of Object.entries(patch)) {
    if (
      value === null ||
      key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) ||
      key.startsWith(SET_ELEMENT_ORDER_PREFIX)
    ) {
      continue;
    }
    if (!retained(key)) throw smpErrors.badRetainKeys();
  }
  for (const key of Object.keys(original)) {
    if (!retained(key)) delete original[key];
  }
}

function containsDirectiveMarker(item: unknown): boolean {
  return isRecord(item) && Object.prototype.hasOwnProperty.call(item, DIRECTIVE_MARKER);
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isRecord(left)) throw smpErrors.badArgType('map[string]interface {}', left);
  if (!isRecord(right)) throw smpErrors.badArgType('map[string]interface {}', right);
  if (!Object.prototype.hasOwnProperty.call(left, mergeKey)) throw smpErrors.noMergeKey(left, mergeKey);
  if (!Object.prototype.hasOwnProperty.call(right, mergeKey)) throw smpErrors.noMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/**
 * validatePatchWithSetOrderList: the patch list's items (deletions aside) must
 * appear in $setElementOrder, in the same relative order.
 */
export function validatePatchWithSetOrderList(
  patchList: readonly unknown[],
  setOrderList: readonly unknown[],
  mergeKey: string,
): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey === '' ? patchList : extractToDeleteItems(patchList).keep;
  let patchIndex = 0;
  let setOrderIndex = 0;
  while (patchIndex < nonDelete.length && setOrderIndex < setOrderList.length) {
    if (containsDirectiveMarker(nonDelete[patchIndex])) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[patchIndex], setOrderList[setOrderIndex], mergeKey)) patchIndex++;
    setOrderIndex++;
  }
  if (patchIndex < nonDelete.length && setOrderIndex >= setOrderList.length) {
    throw smpErrors.other(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprint(setOrderList)}\n`,
    );
  }
}
