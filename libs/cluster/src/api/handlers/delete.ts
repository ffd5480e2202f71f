// DELETE as genericregistry.Store does it: preconditions, graceful deletion
// (the object stays with a deletionTimestamp until the kubelet is done),
// finalizers (it stays until they are gone), and propagation to dependents
// through the garbage collector's finalizers.
import { formatTimestamp } from '../../runtime/clock';
import type { ApiServer } from '../api-server';
import { apiErrors, successStatus } from '../errors';
import { cloneJson, isRecord, type KubeObject } from '../objects';
import type { ApiRequest, ApiResponse, RequestQuery } from '../request';
import { storageKey, type ResourceDefinition } from '../resources';
import { served } from './decode';
import { selectObjects } from './read';

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: RequestQuery['propagationPolicy'];
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

export function deleteObject(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const name = request.name ?? '';
  const options = deleteOptions(request);
  const result = remove(server, definition, request.namespace, name, options);
  return { status: 200, body: result };
}

export function deleteCollection(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const options = deleteOptions(request);
  const items: KubeObject[] = [];
  for (const object of selectObjects(server, definition, request)) {
    const outcome = remove(server, definition, object.metadata.namespace, object.metadata.name ?? '', options);
    if (outcome.kind !== 'Status') items.push(outcome as KubeObject);
    else items.push(served(definition, object));
  }
  return {
    status: 200,
    body: {
      apiVersion: definition.group ? `${definition.group}/${definition.version}` : definition.version,
      kind: `${definition.kind}List`,
      metadata: { resourceVersion: String(server.store.resourceVersion) },
      items,
    },
  };
}

function deleteOptions(request: ApiRequest): DeleteOptions {
  const body = isRecord(request.body) ? request.body : {};
  const grace = body.gracePeriodSeconds ?? request.query?.gracePeriodSeconds;
  const policy = body.propagationPolicy ?? request.query?.propagationPolicy;
  const preconditions = isRecord(body.preconditions) ? body.preconditions : undefined;
  const options: DeleteOptions = { dryRun: request.query?.dryRun === 'All' || isDryRun(body.dryRun) };
  if (typeof grace === 'number') options.gracePeriodSeconds = grace;
  if (policy === 'Orphan' || policy === 'Background' || policy === 'Foreground') options.propagationPolicy = policy;
  if (preconditions) {
    options.preconditions = {};
    if (typeof preconditions.uid === 'string') options.preconditions.uid = preconditions.uid;
    if (typeof preconditions.resourceVersion === 'string') {
      options.preconditions.resourceVersion = preconditions.resourceVersion;
    }
  }
  return options;
}

function isDryRun(value: unknown): boolean {
  return Array.isArray(value) && value.includes('All');
}

/** Deletes one object; returns the object (still pending deletion, or gone) or a Success Status. */
export function remove(
  server: ApiServer,
  definition: ResourceDefinition,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions,
): KubeObject | ReturnType<typeof successStatus> {
  const key = storageKey(definition);
  const existing = server.store.get(key, namespace, name);
  if (!existing) throw apiErrors.notFound(definition, name);
  const { preconditions } = options;
  if (preconditions?.uid && preconditions.uid !== existing.metadata.uid) {
    throw apiErrors.conflict(
      definition,
      name,
      `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${existing.metadata.uid ?? ''}`,
    );
  }
  if (preconditions?.resourceVersion && preconditions.resourceVersion !== existing.metadata.resourceVersion) {
    throw apiErrors.conflict(
      definition,
      name,
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion ?? ''}`,
    );
  }
  const context = server.context(options.dryRun);
  server.validateAdmission(
    { operation: 'DELETE', definition, namespace, name, subresource: undefined, object: undefined, old: existing },
    context,
  );

  const object = cloneJson(existing) as KubeObject;
  const meta = object.metadata;
  const finalizers = new Set(meta.finalizers ?? []);
  if (options.propagationPolicy === 'Orphan') finalizers.add(ORPHAN_FINALIZER);
  if (options.propagationPolicy === 'Foreground') finalizers.add(FOREGROUND_FINALIZER);
  const grace = definition.strategy.gracefulDeletion?.(existing, options.gracePeriodSeconds);
  const waitsForStrategy = definition.strategy.deletionPending?.(existing) ?? false;

  if (finalizers.size || (grace !== undefined && grace > 0) || waitsForStrategy) {
    // Graceful deletion: mark the object and leave the rest to its finalizers and controllers.
    const now = context.now;
    const alreadyDeleting = meta.deletionTimestamp !== undefined;
    const remaining = grace ?? 0;
    const currentGrace = meta.deletionGracePeriodSeconds;
    if (!alreadyDeleting || (currentGrace !== undefined && remaining < currentGrace)) {
      meta.deletionTimestamp = formatTimestamp(now + remaining * 1000);
      meta.deletionGracePeriodSeconds = remaining;
      if (meta.generation !== undefined && !alreadyDeleting) meta.generation += 1;
    }
    if (finalizers.size) meta.finalizers = [...finalizers];
    definition.strategy.prepareForDelete?.(object, context);
    if (options.dryRun || (alreadyDeleting && JSON.stringify(object) === JSON.stringify(existing))) {
      return served(definition, object);
    }
    const stored = server.store.update(key, object);
    return served(definition, removeIfFinalized(server, definition, stored) ?? stored);
  }

  if (options.dryRun) return served(definition, existing);
  const gone = server.store.remove(key, namespace, name);
  if (gone) definition.strategy.afterDelete?.(gone, context);
  return successStatus({
    name,
    ...(definition.group ? { group: definition.group } : {}),
    kind: definition.resource,
    uid: existing.metadata.uid ?? '',
  });
}

/**
 * An object marked for deletion leaves the store once nothing holds it:
 * no finalizers and a zero grace period (Store.Update's "delete on last finalizer").
 */
export function removeIfFinalized(
  server: ApiServer,
  definition: ResourceDefinition,
  object: KubeObject,
): KubeObject | undefined {
  const meta = object.metadata;
  if (!meta.deletionTimestamp) return undefined;
  if (meta.finalizers?.length) return undefined;
  if ((meta.deletionGracePeriodSeconds ?? 0) > 0) return undefined;
  if (definition.strategy.deletionPending?.(object)) return undefined;
  const gone = server.store.remove(storageKey(definition), meta.namespace, meta.name ?? '');
  if (gone) definition.strategy.afterDelete?.(gone, server.context(false));
  return gone;
}
