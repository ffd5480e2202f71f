// Create, update and patch through one pipeline, in the order of
// k8s.io/apiserver's handlers and genericregistry.Store: decode, default,
// mutating admission, prepare, validate, validating admission, allocate,
// store.
import { formatTimestamp } from '../../runtime/clock';
import type { ApiServer } from '../api-server';
import { apiErrors } from '../errors';
import { FieldPath, type FieldError } from '../field-errors';
import { cloneJson, type KubeObject } from '../objects';
import { applyPatch } from '../patch/apply-patch';
import type { ApiRequest, ApiResponse } from '../request';
import { storageKey, type ResourceDefinition } from '../resources';
import type { Transaction } from '../strategy';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/object-meta';
import { decodeObject, jsonEqual, served } from './decode';
import { removeIfFinalized } from './delete';

const MAX_GENERATED_NAME_BASE = 58;

export function createObject(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const object = decodeObject(definition, request);
  const stored = create(server, definition, object, request.query?.dryRun === 'All');
  return { status: 201, body: served(definition, stored) };
}

/** The create pipeline on a decoded object; returns what was (or would be) stored. */
export function create(
  server: ApiServer,
  definition: ResourceDefinition,
  object: KubeObject,
  dryRun: boolean,
): KubeObject {
  const context = server.context(dryRun);
  const { strategy } = definition;
  strategy.applyDefaults?.(object);
  const meta = object.metadata;
  if (meta.resourceVersion) throw apiErrors.badRequest('resourceVersion should not be set on objects to be created');
  const attributes = {
    operation: 'CREATE' as const,
    definition,
    namespace: meta.namespace,
    name: meta.name ?? '',
    subresource: undefined,
    object,
    old: undefined,
  };
  server.admit(attributes, context);

  // rest.BeforeCreate
  strategy.prepareForCreate?.(object, context);
  if (!meta.name && meta.generateName) {
    meta.name = meta.generateName.slice(0, MAX_GENERATED_NAME_BASE) + server.random.nameSuffix();
  }
  meta.uid = server.random.uuid();
  meta.creationTimestamp = formatTimestamp(context.now);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.managedFields;
  delete meta.selfLink;
  if (definition.generation) meta.generation = 1;
  else delete meta.generation;
  const errors = [
    ...validateObjectMeta(
      meta,
      { namespaced: definition.namespaced, nameValidator: strategy.nameValidator },
      FieldPath.root('metadata'),
    ),
    ...(strategy.validate?.(object, context) ?? []),
  ];
  throwIfInvalid(definition, meta.name ?? meta.generateName ?? '', errors);
  attributes.name = meta.name ?? '';
  server.validateAdmission(attributes, context);

  const key = storageKey(definition);
  const name = meta.name ?? '';
  if (server.store.get(key, meta.namespace, name)) {
    throw meta.generateName && name.startsWith(meta.generateName.slice(0, MAX_GENERATED_NAME_BASE))
      ? apiErrors.generateNameConflict(definition, name)
      : apiErrors.alreadyExists(definition, name);
  }
  const transaction = strategy.beginCreate?.(object, context);
  return finish(transaction, dryRun, () => {
    if (dryRun) return object;
    return server.store.create(key, object);
  });
}

export function updateObject(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const object = decodeObject(definition, request);
  const name = request.name ?? '';
  if (object.metadata.name !== undefined && object.metadata.name !== name) {
    throw apiErrors.badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  object.metadata.name = name;
  const dryRun = request.query?.dryRun === 'All';
  const old = server.store.get(storageKey(definition), object.metadata.namespace, name);
  if (!old) {
    if (!definition.allowCreateOnUpdate) throw apiErrors.notFound(definition, name);
    return { status: 201, body: served(definition, create(server, definition, object, dryRun)) };
  }
  const stored = update(server, definition, object, old, dryRun);
  return { status: 200, body: served(definition, stored) };
}

export function patchObject(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const name = request.name ?? '';
  const old = server.store.get(storageKey(definition), request.namespace, name);
  if (!old) throw apiErrors.notFound(definition, name);
  const patched = applyPatch(definition.kind, request.patchType ?? 'strategic', old, request.body);
  const object = decodeObject(definition, { ...request, body: patched });
  if (object.metadata.name !== name) {
    throw apiErrors.badRequest(
      `the name of the object (${String(object.metadata.name)}) does not match the name on the URL (${name})`,
    );
  }
  const stored = update(server, definition, object, old, request.query?.dryRun === 'All');
  return { status: 200, body: served(definition, stored) };
}

export interface UpdateOptions {
  /** Status writes keep everything but status; main writes keep status. */
  subresource?: 'status';
}

/** The update pipeline on a decoded object against what is stored. */
export function update(
  server: ApiServer,
  definition: ResourceDefinition,
  object: KubeObject,
  old: Readonly<KubeObject>,
  dryRun: boolean,
  options: UpdateOptions = {},
): KubeObject {
  const context = server.context(dryRun);
  const { strategy } = definition;
  const meta = object.metadata;
  const name = old.metadata.name ?? '';
  if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
    throw apiErrors.staleUpdate(definition, name);
  }
  strategy.applyDefaults?.(object);
  const attributes = {
    operation: 'UPDATE' as const,
    definition,
    namespace: meta.namespace,
    name,
    subresource: options.subresource,
    object,
    old,
  };
  server.admit(attributes, context);

  // rest.BeforeUpdate
  if (!meta.uid) meta.uid = old.metadata.uid;
  meta.creationTimestamp = old.metadata.creationTimestamp;
  meta.resourceVersion = old.metadata.resourceVersion;
  if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (old.metadata.deletionGracePeriodSeconds !== undefined) {
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  }
  delete meta.managedFields;
  if (options.subresource === 'status') {
    keepAllButStatus(object, old);
    strategy.prepareForStatusUpdate?.(object, old, context);
  } else {
    if (definition.status) keepStatus(object, old);
    strategy.prepareForUpdate?.(object, old, context);
    if (definition.generation) meta.generation = bumpedGeneration(object, old);
  }
  const errors = [
    ...validateObjectMeta(
      meta,
      { namespaced: definition.namespaced, nameValidator: strategy.nameValidator },
      FieldPath.root('metadata'),
    ),
    ...validateObjectMetaUpdate(meta, old.metadata, FieldPath.root('metadata')),
    ...((options.subresource === 'status'
      ? strategy.validateStatusUpdate?.(object, old, context)
      : strategy.validateUpdate?.(object, old, context)) ?? []),
  ];
  throwIfInvalid(definition, name, errors);
  server.validateAdmission(attributes, context);

  if (jsonEqual(object, old)) return old;
  const transaction = options.subresource ? undefined : strategy.beginUpdate?.(object, old, context);
  return finish(transaction, dryRun, () => {
    if (dryRun) return object;
    const stored = server.store.update(storageKey(definition), object);
    return removeIfFinalized(server, definition, stored) ?? stored;
  });
}

function keepStatus(object: KubeObject, old: Readonly<KubeObject>): void {
  if (old.status === undefined) delete object.status;
  else object.status = cloneJson(old.status);
}

function keepAllButStatus(object: KubeObject, old: Readonly<KubeObject>): void {
  const status = object.status;
  const copy = cloneJson(old) as KubeObject;
  for (const key of Object.keys(object)) delete object[key];
  Object.assign(object, copy);
  if (status === undefined) delete object.status;
  else object.status = status;
}

/** Generation counts changes to everything but metadata and status. */
function bumpedGeneration(object: KubeObject, old: Readonly<KubeObject>): number {
  const previous = old.metadata.generation ?? 1;
  const specChanged = Object.keys({ ...object, ...old }).some(
    (key) => key !== 'metadata' && key !== 'status' && !jsonEqual(object[key], old[key]),
  );
  return specChanged ? previous + 1 : previous;
}

function finish(transaction: Transaction | undefined, dryRun: boolean, write: () => KubeObject): KubeObject {
  try {
    const result = write();
    if (dryRun) transaction?.revert();
    else transaction?.commit();
    return result;
  } catch (error) {
    transaction?.revert();
    throw error;
  }
}

export function throwIfInvalid(definition: ResourceDefinition, name: string, errors: FieldError[]): void {
  if (errors.length) throw apiErrors.invalid(definition, name, errors);
}
