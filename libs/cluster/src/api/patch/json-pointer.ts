// The containers gopkg.in/evanphx/json-patch.v4 walks with a JSON pointer:
// objects and arrays with its get/set/add/remove rules (negative indices,
// Go's strconv.Atoi) and the exact error texts they produce.
import { goQuote } from '../field-errors';
import { isRecord } from '../objects';

export type Container = Record<string, unknown> | unknown[];

/** An error of the library, already worded as Go's errors.Wrapf chain prints it. */
export class JsonPatchFailure extends Error {}

export const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

export function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || isRecord(value);
}

/** RFC 6901 unescaping, one pass: `~1` is `/`, `~0` is `~`. */
export function decodePatchKey(key: string): string {
  return key.replace(/~[01]/g, (escape) => (escape === '~1' ? '/' : '~'));
}

const INT64_MAX = '9223372036854775807';

/** strconv.Atoi: optional sign, decimal digits, within int64. */
function atoi(text: string): number {
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (!match) throw new JsonPatchFailure(`strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
  const digits = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const limit = match[1] === '-' ? '9223372036854775808' : INT64_MAX;
  if (digits.length > limit.length || (digits.length === limit.length && digits > limit)) {
    throw new JsonPatchFailure(`strconv.Atoi: parsing ${goQuote(text)}: value out of range`);
  }
  return Number(text);
}

function invalidIndex(index: number): JsonPatchFailure {
  return new JsonPatchFailure(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`);
}

/** The value under key; undefined when an object lacks it (the library's nil). */
export function getIn(container: Container, key: string): unknown {
  if (!Array.isArray(container))
    return Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined;
  let index = atoi(key);
  if (index < 0) {
    if (index < -container.length) throw invalidIndex(index);
    index += container.length;
  }
  if (index >= container.length) throw invalidIndex(index);
  return container[index];
}

/** Only used by replace, after getIn has checked the index. */
export function setIn(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value;
    return;
  }
  let index = atoi(key);
  if (index < 0) {
    if (index < -container.length) throw invalidIndex(index);
    index += container.length;
  }
  container[index] = value;
}

export function addIn(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value;
    return;
  }
  if (key === '-') {
    container.push(value);
    return;
  }
  let index: number;
  try {
    index = atoi(key);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new JsonPatchFailure(`value was not a proper array index: '${key}': ${cause}`);
  }
  const size = container.length + 1;
  if (index >= size) throw invalidIndex(index);
  if (index < 0) {
    if (index < -size) throw invalidIndex(index);
    index += size;
  }
  container.splice(index, 0, value);
}

export function removeIn(container: Container, key: string): void {
  if (!Array.isArray(container)) {
    if (!Object.prototype.hasOwnProperty.call(container, key)) {
      throw new JsonPatchFailure(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    }
    delete container[key];
    return;
  }
  let index = atoi(key);
  if (index >= container.length) throw invalidIndex(index);
  if (index < 0) {
    if (index < -container.length) throw invalidIndex(index);
    index += container.length;
  }
  container.splice(index, 1);
}

/**
 * findObject: the container holding the pointer's last token, and that token.
 * The first token is skipped unread, so `a/b` acts like `/b`; null or scalar
 * steps, bad indices and pointers without a `/` all yield nothing.
 */
export function findObject(root: Container, path: string): { container: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let current: Container = root;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = getIn(current, decodePatchKey(part));
    } catch {
      return undefined;
    }
    if (!isContainer(next)) return undefined;
    current = next;
  }
  return { container: current, key: decodePatchKey(split[split.length - 1] ?? '') };
}
