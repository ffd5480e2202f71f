// Controller references as pkg/controller/controller_ref_manager.go handles
// them: a controller claims the objects its selector matches, adopts
// orphans, and releases what it owns but no longer selects.
import { ApiError } from '../../api/errors';
import type { KubeObject, OwnerReference } from '../../api/objects';
import type { ResourceRef } from '../../api/resource-refs';
import type { InternalClient } from '../internal-client';

/** metav1.GetControllerOf. */
export function controllerRefOf(object: Readonly<KubeObject>): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((reference) => reference.controller === true);
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: Readonly<KubeObject>, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** metav1.IsControlledBy. */
export function isControlledBy(object: Readonly<KubeObject>, owner: Readonly<KubeObject>): boolean {
  const reference = controllerRefOf(object);
  return reference !== undefined && reference.uid === owner.metadata.uid;
}

/** `namespace/name` of the object's controller when it is of `kind`. */
export function controllerKey(object: Readonly<KubeObject> | undefined, kind: string): string | undefined {
  if (!object) return undefined;
  const reference = controllerRefOf(object);
  if (!reference || reference.kind !== kind) return undefined;
  return `${object.metadata.namespace ?? ''}/${reference.name}`;
}

function ignoring(error: unknown, reasons: string[]): void {
  if (error instanceof ApiError && reasons.includes(error.status.reason ?? '')) return;
  throw error;
}

export interface ClaimTarget {
  /** The owner claiming, re-read fresh by the caller. */
  owner: Readonly<KubeObject>;
  ownerRef: OwnerReference;
  ref: ResourceRef;
  client: InternalClient;
}

function adopt(target: ClaimTarget, object: Readonly<KubeObject>): boolean {
  const copy = target.client.copy(object);
  copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), { ...target.ownerRef }];
  try {
    target.client.update(target.ref, copy);
    return true;
  } catch (error) {
    ignoring(error, ['NotFound']);
    return false;
  }
}

function release(target: ClaimTarget, object: Readonly<KubeObject>): void {
  const copy = target.client.copy(object);
  const remaining = (copy.metadata.ownerReferences ?? []).filter(
    (reference) => reference.uid !== target.owner.metadata.uid,
  );
  if (remaining.length) copy.metadata.ownerReferences = remaining;
  else delete copy.metadata.ownerReferences;
  try {
    target.client.update(target.ref, copy);
  } catch (error) {
    ignoring(error, ['NotFound', 'Invalid']);
  }
}

/**
 * BaseControllerRefManager.ClaimObject: whether the owner now controls
 * `object`, adopting or releasing it as its selector says.
 */
export function claimObject(target: ClaimTarget, object: Readonly<KubeObject>, matches: boolean): boolean {
  const ownerDeleting = target.owner.metadata.deletionTimestamp !== undefined;
  const reference = controllerRefOf(object);
  if (reference) {
    if (reference.uid !== target.owner.metadata.uid) return false;
    if (matches) return true;
    if (!ownerDeleting) release(target, object);
    return false;
  }
  if (ownerDeleting || !matches || object.metadata.deletionTimestamp) return false;
  if (object.metadata.namespace !== target.owner.metadata.namespace) return false;
  return adopt(target, object);
}

/** The claim of `owner`, a `kind` controller, over objects of `ref`. */
export function claimTarget(
  owner: Readonly<KubeObject>,
  kind: { apiVersion: string; kind: string },
  ref: ResourceRef,
  client: InternalClient,
): ClaimTarget {
  return { owner, ownerRef: newControllerRef(owner, kind.apiVersion, kind.kind), ref, client };
}

/** ClaimObject over every candidate: those the owner controls afterwards, read back (adoption rewrote some). */
export function claimAll(
  target: ClaimTarget,
  candidates: readonly Readonly<KubeObject>[],
  matches: (object: Readonly<KubeObject>) => boolean,
): Readonly<KubeObject>[] {
  const claimed = candidates.filter((object) => claimObject(target, object, matches(object)));
  return claimed.flatMap((object) => {
    const fresh = target.client.get(target.ref, object.metadata.namespace, object.metadata.name ?? '');
    return fresh ? [fresh] : [];
  });
}
