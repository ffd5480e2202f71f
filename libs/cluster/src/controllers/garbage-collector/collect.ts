// The garbage collector's workers (garbagecollector.go): attemptToDeleteItem
// deletes what no owner keeps any more, attemptToOrphan frees the dependents
// of an owner deleted with the `orphan` finalizer, and an owner deleted in the
// foreground loses its `foregroundDeletion` finalizer once no dependent
// blocking its deletion is left.
import type { KubeObject, OwnerReference } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { InternalClient } from '../internal-client';
import {
  FOREGROUND_FINALIZER,
  hasFinalizer,
  isDeletingDependents,
  ORPHAN_FINALIZER,
  type OwnerGraph,
  type OwnerState,
} from './owner-graph';

function scopeOf(definition: ResourceDefinition, object: Readonly<KubeObject>): string | undefined {
  return definition.namespaced ? object.metadata.namespace : undefined;
}

function removeOwnerReferences(
  client: InternalClient,
  definition: ResourceDefinition,
  object: Readonly<KubeObject>,
  uids: ReadonlySet<string>,
): void {
  const copy = client.copy(object);
  const remaining = (copy.metadata.ownerReferences ?? []).filter((reference) => !uids.has(reference.uid));
  if (remaining.length) copy.metadata.ownerReferences = remaining;
  else delete copy.metadata.ownerReferences;
  client.update(definition, copy);
}

function removeFinalizer(
  client: InternalClient,
  definition: ResourceDefinition,
  object: Readonly<KubeObject>,
  finalizer: string,
): void {
  const copy = client.copy(object);
  const remaining = (copy.metadata.finalizers ?? []).filter((name) => name !== finalizer);
  if (remaining.length) copy.metadata.finalizers = remaining;
  else delete copy.metadata.finalizers;
  client.update(definition, copy);
}

export class Collector {
  constructor(
    private readonly client: InternalClient,
    private readonly graph: OwnerGraph,
  ) {}

  /** The object's part in garbage collection, whatever changed about it. */
  process(definition: ResourceDefinition, object: Readonly<KubeObject>): void {
    if (object.metadata.deletionTimestamp && hasFinalizer(object, ORPHAN_FINALIZER)) {
      this.orphanDependents(definition, object);
      return;
    }
    this.attemptToDelete(definition, object);
  }

  /** attemptToDeleteItem. */
  attemptToDelete(definition: ResourceDefinition, item: Readonly<KubeObject>): void {
    if (item.metadata.deletionTimestamp) {
      // Being deleted is a one-way trip: only a foreground deletion still needs the collector.
      if (isDeletingDependents(item)) this.processDeletingDependents(definition, item);
      return;
    }
    const references = item.metadata.ownerReferences ?? [];
    if (!references.length) return;
    const byState = new Map<OwnerState, OwnerReference[]>();
    for (const reference of references) {
      const state = this.graph.ownerState(reference, item);
      // Owners of kinds nobody serves cannot be looked up: the item is left alone, as a solid owner would.
      const key = state ?? 'solid';
      byState.set(key, [...(byState.get(key) ?? []), reference]);
    }
    const solid = byState.get('solid') ?? [];
    const dangling = byState.get('dangling') ?? [];
    const waiting = byState.get('waitingForDependentsDeletion') ?? [];
    if (solid.length) {
      if (!dangling.length && !waiting.length) return;
      // Some owners remain: drop only the references to the gone and the foreground-deleting ones.
      const uids = new Set([...dangling, ...waiting].map((reference) => reference.uid));
      removeOwnerReferences(this.client, definition, item, uids);
      return;
    }
    const scope = scopeOf(definition, item);
    const name = item.metadata.name ?? '';
    if (waiting.length && this.graph.dependents(item.metadata.uid ?? '', scope).length) {
      // The owner waits for the whole tree: the item deletes its own dependents first.
      this.client.delete(definition, scope, name, { propagationPolicy: 'Foreground' });
      return;
    }
    const policy = hasFinalizer(item, ORPHAN_FINALIZER)
      ? 'Orphan'
      : hasFinalizer(item, FOREGROUND_FINALIZER)
        ? 'Foreground'
        : 'Background';
    this.client.delete(definition, scope, name, { propagationPolicy: policy });
  }

  /** processDeletingDependentsItem: deletes the dependents, then lets the owner go once none blocks it. */
  private processDeletingDependents(definition: ResourceDefinition, owner: Readonly<KubeObject>): void {
    const uid = owner.metadata.uid ?? '';
    const scope = scopeOf(definition, owner);
    for (const dependent of this.graph.dependents(uid, scope)) {
      if (!isDeletingDependents(dependent.object)) this.attemptToDelete(dependent.definition, dependent.object);
    }
    const blocking = this.graph
      .dependents(uid, scope)
      .filter(({ object }) =>
        object.metadata.ownerReferences?.some((reference) => reference.uid === uid && reference.blockOwnerDeletion),
      );
    if (blocking.length) return;
    const fresh = this.client.get(definition, scope, owner.metadata.name ?? '');
    if (fresh && hasFinalizer(fresh, FOREGROUND_FINALIZER)) {
      removeFinalizer(this.client, definition, fresh, FOREGROUND_FINALIZER);
    }
  }

  /** attemptToOrphan: the dependents forget the owner, then the owner loses the `orphan` finalizer. */
  private orphanDependents(definition: ResourceDefinition, owner: Readonly<KubeObject>): void {
    const uid = owner.metadata.uid ?? '';
    const scope = scopeOf(definition, owner);
    for (const dependent of this.graph.dependents(uid, scope)) {
      removeOwnerReferences(this.client, dependent.definition, dependent.object, new Set([uid]));
    }
    const fresh = this.client.get(definition, scope, owner.metadata.name ?? '');
    if (fresh && hasFinalizer(fresh, ORPHAN_FINALIZER))
      removeFinalizer(this.client, definition, fresh, ORPHAN_FINALIZER);
  }
}
