// application/merge-patch+json: RFC 7386 as gopkg.in/evanphx/json-patch.v4
// MergePatch applies it for the API server, quirks included (nulls inside new
// arrays survive, an array patched onto an object keeps its nulls).
import { cloneJson, isRecord } from '../objects';
import { jsonValueKind } from '../go-json';
import { patchErrors } from './patch-error';

/** Returns the patched document; neither argument is modified. */
export function applyMergePatch(original: unknown, patch: unknown): unknown {
  // patch.go first decodes the body into map[string]interface{} (the default
  // fieldValidation=Warn does so strictly); null passes and MergePatch refuses it.
  if (patch === null) throw patchErrors.badRequest('Invalid JSON Patch');
  if (!isRecord(patch)) {
    throw patchErrors.badRequest(
      `error decoding patch: json: cannot unmarshal ${jsonValueKind(patch)} into Go value of type map[string]interface {}`,
    );
  }
  const changes = cloneJson(patch);
  if (original === null || original === undefined) throw patchErrors.unexpected('Invalid JSON Document');
  // A document that is not an object is simply replaced by the patch.
  if (!isRecord(original)) return pruneNulls(changes);
  const document = cloneJson(original);
  mergeDocs(document, changes);
  return document;
}

function mergeDocs(document: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete document[key];
      continue;
    }
    const current = document[key];
    document[key] = current === undefined || current === null ? pruneNulls(value) : merge(current, value);
  }
}

function merge(current: unknown, patch: unknown): unknown {
  if (!isRecord(current)) return pruneNulls(patch);
  if (!isRecord(patch)) return patch;
  mergeDocs(current, patch);
  return current;
}

/** Drops null members of objects at any depth; null array elements stay. */
function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null) pruneNulls(item);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) delete value[key];
      else pruneNulls(item);
    }
  }
  return value;
}
