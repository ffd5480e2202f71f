// The EndpointSlice reconciler's writing half (finalize): creates that
// would sit beside deletes become updates of the slices being deleted,
// then creates, updates and deletes go through the API, each written
// slice stamped with the last-change-trigger-time.
import { ApiError } from '../../api/errors';
import { cloneJson, type KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { formatTimestamp } from '../../runtime/clock';
import type { InternalClient } from '../internal-client';
import { ownedBy, type EndpointSliceObject } from './slice-objects';
import { LAST_CHANGE_TRIGGER_TIME } from './types';

export interface SliceWrites {
  toCreate: EndpointSliceObject[];
  toUpdate: EndpointSliceObject[];
  toDelete: EndpointSliceObject[];
}

/** The API's form of a slice: empty lists are stored as nil and read back as null. */
function stored(slice: EndpointSliceObject): EndpointSliceObject {
  const copy = cloneJson(slice);
  if (!copy.endpoints?.length) copy.endpoints = null;
  if (!copy.ports?.length) copy.ports = null;
  const annotations = copy.metadata.annotations;
  if (annotations && Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  return copy;
}

/** addTriggerTimeAnnotation: set, or cleared when nothing new triggered the change. */
export function stampTriggerTime(slice: EndpointSliceObject, triggerTime: number | undefined): void {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = formatTimestamp(triggerTime);
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  slice.metadata.annotations = annotations;
}

/**
 * A new slice written under the name of one being deleted: it replaces the
 * old one's content and owner-set metadata, while the API keeps the old
 * uid and creationTimestamp.
 */
function reuse(old: EndpointSliceObject, replacement: EndpointSliceObject): EndpointSliceObject {
  const metadata = { ...cloneJson(old.metadata) };
  metadata.labels = replacement.metadata.labels ?? {};
  metadata.annotations = replacement.metadata.annotations ?? {};
  if (replacement.metadata.ownerReferences) metadata.ownerReferences = replacement.metadata.ownerReferences;
  delete metadata.finalizers;
  return { ...replacement, metadata };
}

/** Turns creates into updates of slices about to be deleted, as finalize does. */
export function recycleSlices(plan: SliceWrites, service: Readonly<KubeObject>): SliceWrites {
  const toCreate = [...plan.toCreate];
  const toUpdate = [...plan.toUpdate];
  const toDelete = [...plan.toDelete];
  for (let i = 0; i < toDelete.length;) {
    const old = toDelete[i];
    const created = toCreate[toCreate.length - 1];
    if (!old || !created) break;
    if (old.addressType === created.addressType && ownedBy(old, service)) {
      toCreate.pop();
      toUpdate.push(reuse(old, created));
      toDelete.splice(i, 1);
    } else {
      i++;
    }
  }
  return { toCreate, toUpdate, toDelete };
}

function isNamespaceTerminating(error: ApiError): boolean {
  return error.status.details?.causes?.some((cause) => cause.reason === 'NamespaceTerminating') ?? false;
}

/** Thrown with finalize's message; `cause` is the API's refusal. */
export class SliceWriteError extends Error {
  constructor(
    message: string,
    readonly refusal: ApiError,
  ) {
    super(message);
  }
}

export function applySliceWrites(
  client: InternalClient,
  plan: SliceWrites,
  owner: { namespace: string; description: string; deleting: boolean },
  prepare: (slice: EndpointSliceObject) => void = () => undefined,
): void {
  // No new slices for a Service being deleted: the garbage collector would race them.
  if (!owner.deleting) {
    for (const slice of plan.toCreate) {
      prepare(slice);
      try {
        client.create(RESOURCES.endpointslices, stored(slice));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (isNamespaceTerminating(error)) return;
        throw new SliceWriteError(`failed to create EndpointSlice for ${owner.description}: ${error.message}`, error);
      }
    }
  }
  for (const slice of plan.toUpdate) {
    prepare(slice);
    try {
      client.update(RESOURCES.endpointslices, stored(slice));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const name = slice.metadata.name ?? '';
      throw new SliceWriteError(
        `failed to update ${name} EndpointSlice for ${owner.description}: ${error.message}`,
        error,
      );
    }
  }
  for (const slice of plan.toDelete) {
    try {
      client.delete(RESOURCES.endpointslices, owner.namespace, slice.metadata.name ?? '');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const name = slice.metadata.name ?? '';
      throw new SliceWriteError(
        `failed to delete ${name} EndpointSlice for ${owner.description}: ${error.message}`,
        error,
      );
    }
  }
}
