// application/strategic-merge-patch+json as the API server applies it:
// strategicpatch.StrategicMergeMapPatch with the Go struct tags of the kind
// (MergeParallelList and IgnoreUnmatchedNulls both on, as on the server).
// Ported from k8s.io/apimachinery/pkg/util/strategicpatch/patch.go v0.32.
import { cloneJson, isRecord } from '../objects';
import { jsonValueKind } from '../go-json';
import { goJsonType } from './go-format';
import { patchErrors } from './patch-error';
import { patchMetaForKind, type PatchField, type PatchStruct } from './patch-meta';
import {
  applyRetainKeysDirective,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  discardNullValues,
  extractKey,
  removeDirectives,
  SET_ELEMENT_ORDER_PREFIX,
  validatePatchWithSetOrderList,
} from './smp-directives';
import { smpErrors } from './smp-errors';
import {
  deduplicateScalars,
  deleteFromSlice,
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  findByMergeKey,
  isMapKind,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementType,
} from './smp-order';

const REPLACE_DIRECTIVE = 'replace';
const MERGE_DIRECTIVE = 'merge';

type JsonMap = Record<string, unknown>;
/** A struct's tags; undefined for types without any (they merge plainly). */
type Schema = PatchStruct | undefined;

/** Applies a strategic merge patch to an object of the kind; neither argument is modified. */
export function applyStrategicMergePatch(kind: string, original: unknown, patch: unknown): unknown {
  return strategicMergePatch(original, patch, patchMetaForKind(kind));
}

/** The same against explicit metadata (the top-level struct of the document). */
export function strategicMergePatch(original: unknown, patch: unknown, schema: PatchStruct): unknown {
  // patch.go decodes the body into map[string]interface{}; null leaves it nil, a no-op.
  if (patch !== null && !isRecord(patch)) {
    throw patchErrors.badRequest(
      `json: cannot unmarshal ${jsonValueKind(patch)} into Go value of type map[string]interface {}`,
    );
  }
  if (!isRecord(original)) throw smpErrors.badJsonDoc();
  return mergeMap(cloneJson(original), patch === null ? {} : cloneJson(patch), schema);
}

function has(map: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** LookupPatchMetadataForStruct/ForSlice, with extractRetainKeysPatchStrategy applied. */
function lookup(schema: Schema, key: string): { subschema: Schema; strategy: string; mergeKey: string } {
  const field: PatchField | undefined = schema && has(schema.fields, key) ? schema.fields[key] : undefined;
  const strategies = field?.strategies ?? [];
  const others = strategies.filter((strategy) => strategy !== 'retainKeys');
  if (strategies.length > 2 || (strategies.length === 2 && others.length !== 1)) {
    throw smpErrors.other(`unexpected patch strategy: [${strategies.join(' ')}]`);
  }
  return { subschema: field?.type, strategy: others[0] ?? '', mergeKey: field?.mergeKey ?? '' };
}

function mergeMap(original: JsonMap, patch: JsonMap, schema: Schema): JsonMap {
  if (has(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  applyRetainKeysDirective(original, patch);
  mergePatchIntoOriginal(original, patch, schema);

  for (const patchKey of Object.keys(patch)) {
    if (!has(patch, patchKey)) continue;
    const patchValue = patch[patchKey];
    let key = patchKey;
    const isDeleteList = patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX);
    if (isDeleteList) {
      const listKey = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      if (listKey.length > 0) key = listKey;
    }
    // A null deletes the field and, nulls of unmatched keys being ignored, adds nothing.
    if (patchValue === null) {
      delete original[key];
      continue;
    }
    const originalValue = original[key];
    const originalType = has(original, key) ? goJsonType(originalValue) : undefined;
    if (originalType === undefined || originalType !== goJsonType(patchValue)) {
      // Absent or of another type: the patch value is taken whole.
      if (!isDeleteList) takePatchValue(original, key, patchValue);
      continue;
    }
    if (isRecord(originalValue) && isRecord(patchValue)) {
      const { subschema, strategy } = lookup(schema, key);
      original[key] = strategy === REPLACE_DIRECTIVE ? patchValue : mergeMap(originalValue, patchValue, subschema);
    } else if (Array.isArray(originalValue) && Array.isArray(patchValue)) {
      const { subschema, strategy, mergeKey } = lookup(schema, key);
      original[key] = mergeSliceHandler(originalValue, patchValue, subschema, strategy, mergeKey, isDeleteList);
    } else {
      takePatchValue(original, key, patchValue);
    }
  }
  return original;
}

function takePatchValue(original: JsonMap, key: string, patchValue: unknown): void {
  discardNullValues(patchValue);
  const { value, keep } = removeDirectives(patchValue);
  if (keep) original[key] = value;
  else delete original[key];
}

/** `$patch` in a map: replace keeps the patch as it is, delete empties the map. */
function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw smpErrors.badPatchType(directive, patch);
}

function mergeSliceHandler(
  original: unknown[],
  patch: unknown[],
  schema: Schema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  view?: unknown[],
): unknown[] {
  // Delete lists are handled the same way whatever the field's strategy.
  if (strategy === MERGE_DIRECTIVE || isDeleteList) {
    return mergeSlice(original, patch, schema, mergeKey, isDeleteList, view);
  }
  return patch;
}

function mergeSlice(
  original: unknown[],
  patch: unknown[],
  schema: Schema,
  mergeKey: string,
  isDeleteList: boolean,
  view?: unknown[],
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const mapKind = isMapKind(sliceElementType(original, patch));
  let base = original;
  let changes = patch;
  let merged: unknown[];
  if (!mapKind) {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    // Schema.Name() of a list of maps is the element's reflect kind.
    if (mergeKey === '') throw smpErrors.other('cannot merge lists without merge key for struct');
    let replaced: boolean;
    ({ original: base, patch: changes, replaced } = mergeSliceWithSpecialElements(original, patch, mergeKey, view));
    merged = mergeSliceWithoutSpecialElements(base, changes, mergeKey, schema, replaced ? undefined : view);
  }
  const { inPatch, serverOnly } = partitionByPresence(merged, changes, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, changes, base, mergeKey, mapKind);
}

/**
 * Applies `$patch: delete` items and notes `$patch: replace`; returns the rest of the patch.
 *
 * `view` is the caller's sight of the original list when it shares Go's
 * backing array: deletions shift it in place, leaving its last item doubled.
 */
function mergeSliceWithSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  view?: unknown[],
): { original: unknown[]; patch: unknown[]; replaced: boolean } {
  const plain: unknown[] = [];
  let remaining = original;
  let replace = false;
  for (const item of patch) {
    const element = item as JsonMap;
    if (!has(element, DIRECTIVE_MARKER)) {
      plain.push(item);
      continue;
    }
    const directive = element[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!has(element, mergeKey)) throw smpErrors.noMergeKey(element, mergeKey);
      const value = element[mergeKey];
      for (let index = findByMergeKey(remaining, mergeKey, value); index >= 0;) {
        view?.copyWithin(index, index + 1, remaining.length);
        remaining = [...remaining.slice(0, index), ...remaining.slice(index + 1)];
        index = findByMergeKey(remaining, mergeKey, value);
      }
    } else if (directive === REPLACE_DIRECTIVE) {
      // Keep going: other `$patch` elements are still dropped.
      replace = true;
    } else if (directive === MERGE_DIRECTIVE) {
      throw smpErrors.other('merging lists cannot yet be specified in the patch');
    } else {
      throw smpErrors.badPatchType(directive, element);
    }
  }
  return replace
    ? { original: plain, patch: [], replaced: true }
    : { original: remaining, patch: plain, replaced: false };
}

/**
 * Patch items merge into the item with the same merge key, or are appended;
 * appends land in `view` where deletions freed room in Go's backing array.
 */
function mergeSliceWithoutSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  schema: Schema,
  view?: unknown[],
): unknown[] {
  const merged = [...original];
  for (const item of patch) {
    const element = item as JsonMap;
    if (!has(element, mergeKey)) throw smpErrors.noMergeKey(element, mergeKey);
    const index = findByMergeKey(merged, mergeKey, element[mergeKey]);
    const target = merged[index];
    if (index >= 0 && isRecord(target)) merged[index] = mergeMap(target, element, schema);
    else {
      if (view && merged.length < view.length) view[merged.length] = item;
      merged.push(item);
    }
  }
  return merged;
}

/** mergePatchIntoOriginal: each `$setElementOrder/<list>` with its list, merged and ordered. */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: Schema): void {
  for (const directiveKey of Object.keys(patch)) {
    if (!directiveKey.startsWith(SET_ELEMENT_ORDER_PREFIX) || !has(patch, directiveKey)) continue;
    const order = patch[directiveKey];
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw smpErrors.badArgType('[]interface {}', order);
    const key = extractKey(directiveKey, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = has(original, key);
    const foundPatch = has(patch, key);
    const originalList = asList(original[key], foundOriginal);
    const patchList = asList(patch[key], foundPatch);
    const { subschema, strategy, mergeKey } = lookup(schema, key);
    validatePatchWithSetOrderList(patchList, order, mergeKey);
    // The live list as Go still sees it after merging reused its backing array.
    const liveOrder = [...originalList];

    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList).value as unknown[];
    else if (foundOriginal && foundPatch) {
      merged = mergeSliceHandler(originalList, patchList, subschema, strategy, mergeKey, false, liveOrder);
    } else continue;

    const { inPatch, serverOnly } = partitionByPresence(merged, order, mergeKey);
    const mapKind = isMapKind(sliceElementType(liveOrder, patchList));
    original[key] = normalizeElementOrder(inPatch, serverOnly, order, liveOrder, mergeKey, mapKind);
    delete patch[key];
  }
}

function asList(value: unknown, found: boolean): unknown[] {
  if (!found) return [];
  if (!Array.isArray(value)) throw smpErrors.badArgType('[]interface {}', value);
  return value;
}
