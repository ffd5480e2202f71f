// How strategicpatch orders a merged list: items named by the patch (or by
// $setElementOrder) keep the patch's order, server-only items keep the live
// order, and the two are interleaved by their positions in the live list.
// Ported from patch.go (normalizeElementOrder, mergeSortedSlice and helpers).
import { isRecord } from '../objects';
import { goJsonType, goSprint, type GoJsonType } from './go-format';
import { smpErrors } from './smp-errors';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';

/** Go's == on decoded JSON scalars. */
export function goEqual(left: unknown, right: unknown): boolean {
  return left === right || ((left === undefined || left === null) && (right === undefined || right === null));
}

/** sliceElementType: the one Go type shared by every element of the lists. */
export function sliceElementType(...lists: readonly unknown[][]): GoJsonType {
  let previous: GoJsonType | undefined;
  for (const list of lists) {
    for (const item of list) {
      const current = goJsonType(item);
      if (previous === undefined) {
        previous = current;
        if (previous === '[]interface {}') throw smpErrors.noListOfLists();
      } else if (previous !== current) {
        throw smpErrors.other(`list element types are not identical: ${goSprint(lists)}`);
      }
    }
  }
  if (previous === undefined) throw smpErrors.other('no elements in any of the given slices');
  return previous;
}

export function isMapKind(type: GoJsonType): boolean {
  return type === 'map[string]interface {}';
}

/** findMapInSliceBasedOnKeyValue: the first map whose merge key equals value. */
export function findByMergeKey(list: readonly unknown[], key: string, value: unknown): number {
  for (const [index, item] of list.entries()) {
    if (!isRecord(item)) throw smpErrors.other(`value for key ${index} is not a map`);
    if (Object.prototype.hasOwnProperty.call(item, key) && goEqual(item[key], value)) return index;
  }
  return -1;
}

function validateMergeKeyInLists(mergeKey: string, ...lists: readonly unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isRecord(item)) throw smpErrors.badArgType('map[string]interface {}', item);
      if (!Object.prototype.hasOwnProperty.call(item, mergeKey)) throw smpErrors.noMergeKey(item, mergeKey);
    }
  }
}

/** extractToDeleteItems: items marked `$patch: delete` apart from the rest. */
export function extractToDeleteItems(list: readonly unknown[]): { keep: unknown[]; toDelete: unknown[] } {
  const keep: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const item of list) {
    if (!isRecord(item)) throw smpErrors.badArgType('map[string]interface {}', item);
    if (item[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) toDelete.push(item);
    else keep.push(item);
  }
  return { keep, toDelete };
}

/** The position of an item in a list: by merge key for maps, by value otherwise. */
function indexIn(list: readonly unknown[], item: unknown, mergeKey: string, mapKind: boolean): number {
  const valueOf = (entry: unknown): unknown => (mapKind ? (isRecord(entry) ? entry[mergeKey] : null) : entry);
  const wanted = valueOf(item);
  return list.findIndex((entry) => goEqual(valueOf(entry), wanted));
}

/**
 * sort.SliceStable with patch.go's comparator, which calls any item missing
 * from the order "less". Go's insertion sort, so that such items land where Go puts them.
 */
function sortByOrder(items: unknown[], order: readonly unknown[], mergeKey: string, mapKind: boolean): unknown[] {
  const sorted = [...items];
  const less = (left: unknown, right: unknown): boolean => {
    const leftIndex = indexIn(order, left, mergeKey, mapKind);
    const rightIndex = indexIn(order, right, mergeKey, mapKind);
    return leftIndex >= 0 && rightIndex >= 0 ? leftIndex < rightIndex : true;
  };
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && less(sorted[j], sorted[j - 1]); j--) {
      [sorted[j], sorted[j - 1]] = [sorted[j - 1], sorted[j]];
    }
  }
  return sorted;
}

/** normalizeSliceOrder: sorted by order, `$patch: delete` items last. */
function normalizeSliceOrder(
  toSort: unknown[],
  order: readonly unknown[],
  mergeKey: string,
  mapKind: boolean,
): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (mapKind) {
    validateMergeKeyInLists(mergeKey, toSort, [...order]);
    ({ keep: items, toDelete } = extractToDeleteItems(toSort));
  }
  return [...sortByOrder(items, order, mergeKey, mapKind), ...toDelete];
}

/** mergeSortedSlice: server-only items slotted between patch items by live position. */
function mergeSortedSlice(
  left: readonly unknown[],
  right: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  mapKind: boolean,
): unknown[] {
  const merged: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) merged.push(right[j++]);
    else if (j >= right.length) merged.push(left[i++]);
    else {
      const leftIndex = indexIn(serverOrder, left[i], mergeKey, mapKind);
      const rightIndex = indexIn(serverOrder, right[j], mergeKey, mapKind);
      if (leftIndex >= 0 && rightIndex >= 0 && leftIndex < rightIndex) merged.push(left[i++]);
      else merged.push(right[j++]);
    }
  }
  return merged;
}

export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  mapKind: boolean,
): unknown[] {
  const patchItems = normalizeSliceOrder(patch, patchOrder, mergeKey, mapKind);
  const serverItems = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, mapKind);
  return mergeSortedSlice(serverItems, patchItems, serverOrder, mergeKey, mapKind);
}

/** partitionPrimitivesByPresentInList / partitionMapsByPresentInList. */
export function partitionByPresence(
  merged: readonly unknown[],
  partitionBy: readonly unknown[],
  mergeKey: string,
): { inPatch: unknown[]; serverOnly: unknown[] } {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const item of merged) {
    let present: boolean;
    if (mergeKey === '') {
      present = partitionBy.some((entry) => goEqual(entry, item));
    } else {
      if (!isRecord(item)) throw smpErrors.badArgType('map[string]interface {}', item);
      if (!Object.prototype.hasOwnProperty.call(item, mergeKey)) throw smpErrors.noMergeKey(item, mergeKey);
      present = findByMergeKey(partitionBy, mergeKey, item[mergeKey]) >= 0;
    }
    (present ? inPatch : serverOnly).push(item);
  }
  return { inPatch, serverOnly };
}

/** deduplicateScalars, including its habit of moving the last item into a duplicate's place. */
export function deduplicateScalars(list: unknown[]): unknown[] {
  const items = [...list];
  let length = items.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(items[i], items[j])) {
        items[j] = items[length];
        items.length = length;
        length--;
        j--;
      }
    }
  }
  return items;
}

/** deleteFromSlice: the parallel `$deleteFromPrimitiveList` removes every match. */
export function deleteFromSlice(current: readonly unknown[], toDelete: readonly unknown[]): unknown[] {
  return current.filter((item) => !toDelete.some((entry) => goEqual(entry, item)));
}
