// What the API server checks of a request body before any strategy runs.
import { apiErrors } from '../errors';
import { cloneJson, isRecord, type KubeObject } from '../objects';
import type { ApiRequest } from '../request';
import { groupVersion, type ResourceDefinition } from '../resources';

export function decodeObject(definition: ResourceDefinition, request: ApiRequest): KubeObject {
  const body = request.body;
  if (!isRecord(body)) throw apiErrors.badRequest('the request body must be a JSON object');
  const object = cloneJson(body) as KubeObject;
  const expected = groupVersion(definition);
  if (object.apiVersion === undefined && object.kind === undefined) {
    object.apiVersion = expected;
    object.kind = definition.kind;
  }
  if (typeof object.kind !== 'string' || object.kind === '') {
    throw apiErrors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  }
  if (object.apiVersion !== expected) {
    throw apiErrors.badRequest(
      `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expected})`,
    );
  }
  if (object.kind !== definition.kind) {
    throw apiErrors.badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${definition.kind})`,
    );
  }
  if (object.metadata === undefined) object.metadata = {};
  if (!isRecord(object.metadata)) throw apiErrors.badRequest('metadata must be an object');
  assignNamespace(definition, request, object);
  return object;
}

function assignNamespace(definition: ResourceDefinition, request: ApiRequest, object: KubeObject): void {
  if (!definition.namespaced) {
    delete object.metadata.namespace;
    return;
  }
  const fromBody = object.metadata.namespace;
  if (fromBody && request.namespace && fromBody !== request.namespace) {
    throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const namespace = request.namespace ?? fromBody;
  if (!namespace) throw apiErrors.badRequest('a namespace must be specified');
  object.metadata.namespace = namespace;
}

/** Objects as served: with their kind and apiVersion, and a copy the caller may keep. */
export function served(definition: ResourceDefinition, object: Readonly<KubeObject>): KubeObject {
  const copy = cloneJson(object) as KubeObject;
  copy.apiVersion = groupVersion(definition);
  copy.kind = definition.kind;
  return copy;
}

/** Deep equality of JSON values, for no-op update detection and generation bumps. */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== typeof right || left === null || right === null || typeof left !== 'object') return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  }
  const a = left as Record<string, unknown>;
  const b = right as Record<string, unknown>;
  const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => jsonEqual(a[key], b[key]));
}
