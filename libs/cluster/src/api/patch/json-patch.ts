// application/json-patch+json: RFC 6902 as gopkg.in/evanphx/json-patch.v4
// applies it inside the 1.32 API server (patch.go jsonPatcher.applyJSPatch).
// Its departures from the RFC are kept: replace on a missing object key adds
// it, copy from a missing key copies null, a pointer's first token is not read.
import { utf8Length } from '../../runtime/bytes';
import { goJson, jsonValueKind } from '../go-json';
import { jsonEqual } from '../handlers/decode';
import { cloneJson, isRecord } from '../objects';
import {
  addIn,
  findObject,
  getIn,
  isContainer,
  JsonPatchFailure,
  MISSING,
  removeIn,
  setIn,
  type Container,
} from './json-pointer';
import { patchErrors } from './patch-error';

export { PatchError } from './patch-error';

/** maxJSONPatchOperations in patch.go. */
const MAX_OPERATIONS = 10000;
/** AccumulatedCopySizeLimit as genericapiserver sets it (JSONPatchMaxCopyBytes, 3 MiB). */
const COPY_SIZE_LIMIT = 3 * 1024 * 1024;

type Operation = Record<string, unknown>;

/** Returns the patched document; neither argument is modified. */
export function applyJsonPatch(original: unknown, operations: unknown): unknown {
  const patch = decodePatch(operations);
  if (patch.length > MAX_OPERATIONS) {
    throw patchErrors.tooLarge(
      `The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${patch.length}`,
    );
  }
  if (!isContainer(original)) {
    // ApplyIndent cannot even decode such a document; that too is an Apply error.
    throw patchErrors.rejected(
      `json: cannot unmarshal ${jsonValueKind(original)} into Go value of type jsonpatch.partialDoc`,
    );
  }
  const document: Document = { root: cloneJson(original), copiedBytes: 0 };
  try {
    for (const operation of patch) apply(document, operation);
  } catch (error) {
    // Every failure of Patch.Apply becomes the same generic 422.
    if (error instanceof JsonPatchFailure) throw patchErrors.rejected(error.message);
    throw error;
  }
  return document.root;
}

/**
 * The default fieldValidation (Warn) decodes the body strictly into
 * []jsonPatchOp first; a shape error there is a 400 naming that Go type.
 */
function decodePatch(body: unknown): Operation[] {
  const fail = (what: string): never => {
    throw patchErrors.badRequest(`error decoding patch: json: cannot unmarshal ${what}`);
  };
  if (body === null) return [];
  if (!Array.isArray(body)) return fail(`${jsonValueKind(body)} into Go value of type []handlers.jsonPatchOp`);
  const operations: Operation[] = [];
  for (const item of body) {
    if (item === null) {
      operations.push({});
      continue;
    }
    if (!isRecord(item)) return fail(`${jsonValueKind(item)} into Go value of type handlers.jsonPatchOp`);
    for (const field of ['op', 'path', 'from']) {
      const value = item[field];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        return fail(`${jsonValueKind(value)} into Go struct field jsonPatchOp.${field} of type string`);
      }
    }
    operations.push(item);
  }
  return operations;
}

interface Document {
  root: Container;
  /** Bytes added by copy operations so far. */
  copiedBytes: number;
}

function stringField(operation: Operation, field: string): string | undefined {
  const value = operation[field];
  return typeof value === 'string' ? value : undefined;
}

/** The operation's value as a fresh copy; an absent value inserts null. */
function valueOf(operation: Operation): unknown {
  const value = operation.value;
  return value === undefined ? null : cloneJson(value);
}

function fail(message: string): never {
  throw new JsonPatchFailure(message);
}

function apply(document: Document, operation: Operation): void {
  const kind = stringField(operation, 'op') ?? 'unknown';
  switch (kind) {
    case 'add':
      return add(document, operation);
    case 'remove':
      return remove(document, operation);
    case 'replace':
      return replace(document, operation);
    case 'move':
      return move(document, operation);
    case 'test':
      return test(document, operation);
    case 'copy':
      return copy(document, operation);
    default:
      return fail(`Unexpected kind: ${kind}`);
  }
}

const MISSING_PATH = `operation missing path field: ${MISSING}`;
const MISSING_FROM = `operation, missing from field: ${MISSING}`;

function add(document: Document, operation: Operation): void {
  const path = stringField(operation, 'path') ?? fail(`add operation failed to decode path: ${MISSING}`);
  const target = findObject(document.root, path);
  if (!target) fail(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  wrap(`error in add for path: '${path}'`, () => addIn(target.container, target.key, valueOf(operation)));
}

function remove(document: Document, operation: Operation): void {
  const path = stringField(operation, 'path') ?? fail(`remove operation failed to decode path: ${MISSING}`);
  const target = findObject(document.root, path);
  if (!target) fail(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  wrap(`error in remove for path: '${path}'`, () => removeIn(target.container, target.key));
}

function replace(document: Document, operation: Operation): void {
  const path = stringField(operation, 'path') ?? fail(`replace operation failed to decode path: ${MISSING_PATH}`);
  if (path === '') {
    // Only an object or array replaces the whole document; anything else is silently ignored.
    const value = valueOf(operation);
    if (isContainer(value)) document.root = value;
    return;
  }
  const target = findObject(document.root, path);
  if (!target) fail(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
  try {
    getIn(target.container, target.key);
  } catch {
    fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
  }
  wrap(`error in remove for path: '${path}'`, () => setIn(target.container, target.key, valueOf(operation)));
}

function move(document: Document, operation: Operation): void {
  const from = stringField(operation, 'from') ?? fail(`move operation failed to decode from: ${MISSING_FROM}`);
  const source = findObject(document.root, from);
  if (!source) fail(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  const value = wrap(`error in move for path: '${source.key}'`, () => getIn(source.container, source.key));
  wrap(`error in move for path: '${source.key}'`, () => removeIn(source.container, source.key));
  const path = stringField(operation, 'path') ?? fail(`move operation failed to decode path: ${MISSING_PATH}`);
  const target = findObject(document.root, path);
  if (!target) fail(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  wrap(`error in move for path: '${path}'`, () => addIn(target.container, target.key, value ?? null));
}

function copy(document: Document, operation: Operation): void {
  const from = stringField(operation, 'from') ?? fail(`copy operation failed to decode from: ${MISSING_FROM}`);
  const source = findObject(document.root, from);
  if (!source) fail(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  const value = wrap(`error in copy for from: '${from}'`, () => getIn(source.container, source.key));
  const path = stringField(operation, 'path') ?? fail(`copy operation failed to decode path: ${MISSING}`);
  const target = findObject(document.root, path);
  if (!target) fail(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  const duplicate = value === undefined ? null : cloneJson(value);
  if (value !== undefined && value !== null) {
    // The length of json.Marshal's output.
    document.copiedBytes += utf8Length(goJson(value));
    if (document.copiedBytes > COPY_SIZE_LIMIT) {
      fail(
        `Unable to complete the copy, the accumulated size increase of copy is ${document.copiedBytes}, exceeding the limit ${COPY_SIZE_LIMIT}`,
      );
    }
  }
  wrap('error while adding value during copy', () => addIn(target.container, target.key, duplicate));
}

/** The test operation; values compare as lazyNode.equal does: structurally, object members by name. */
function test(document: Document, operation: Operation): void {
  const path = stringField(operation, 'path') ?? fail(`test operation failed to decode path: ${MISSING_PATH}`);
  const failed = `testing value ${path} failed: test failed`;
  const hasValue = operation.value !== undefined;
  if (path === '') {
    if (!hasValue || !jsonEqual(document.root, operation.value)) fail(failed);
    return;
  }
  const target = findObject(document.root, path);
  if (!target) fail(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
  const actual = wrap(`error in test for path: '${path}'`, () => getIn(target.container, target.key));
  // A missing or null value only matches an explicit null.
  if (actual === undefined || actual === null) {
    if (operation.value !== null) fail(failed);
    return;
  }
  if (!hasValue || !jsonEqual(actual, operation.value)) fail(failed);
}

/** Runs a container step, prefixing its error as errors.Wrapf does. */
function wrap<T>(context: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof JsonPatchFailure) throw new JsonPatchFailure(`${context}: ${error.message}`);
    throw error;
  }
}
