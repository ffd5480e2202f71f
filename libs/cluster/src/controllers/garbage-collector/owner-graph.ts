// What the garbage collector's dependency graph answers, read from the store
// on demand: which resource an owner reference names, whether that owner is
// there (with the same uid), and which objects name an owner.
import type { KubeObject, OwnerReference } from '../../api/objects';
import { keyOf } from '../../api/resource-refs';
import type { ResourceDefinition } from '../../api/resources';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../api/handlers/delete';
import type { InternalClient } from '../internal-client';

export { FOREGROUND_FINALIZER, ORPHAN_FINALIZER };

export interface Dependent {
  definition: ResourceDefinition;
  object: Readonly<KubeObject>;
}

/** How an owner reference stands: the owner is there, gone, or deleting its dependents first. */
export type OwnerState = 'solid' | 'dangling' | 'waitingForDependentsDeletion';

export function hasFinalizer(object: Readonly<KubeObject>, finalizer: string): boolean {
  return object.metadata.finalizers?.includes(finalizer) ?? false;
}

/** isDeletingDependents: being deleted in the foreground. */
export function isDeletingDependents(object: Readonly<KubeObject>): boolean {
  return object.metadata.deletionTimestamp !== undefined && hasFinalizer(object, FOREGROUND_FINALIZER);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export class OwnerGraph {
  private readonly byStorageKey = new Map<string, ResourceDefinition>();
  private readonly byGroupKind = new Map<string, ResourceDefinition>();

  constructor(private readonly client: InternalClient) {
    for (const definition of client.resources()) {
      this.byStorageKey.set(keyOf(definition), definition);
      this.byGroupKind.set(`${definition.group}/${definition.kind}`, definition);
    }
  }

  definitionFor(storageKey: string): ResourceDefinition | undefined {
    return this.byStorageKey.get(storageKey);
  }

  /** The resource an owner reference names, by its group and kind (any served version). */
  ownerDefinition(reference: OwnerReference): ResourceDefinition | undefined {
    return this.byGroupKind.get(`${groupOf(reference.apiVersion)}/${reference.kind}`);
  }

  /** The owner itself, when it exists under the referenced uid. */
  owner(reference: OwnerReference, dependent: Readonly<KubeObject>): Readonly<KubeObject> | undefined {
    const definition = this.ownerDefinition(reference);
    if (!definition) return undefined;
    // A namespaced owner lives in its dependent's namespace; a cluster-scoped dependent cannot have one.
    const namespace = definition.namespaced ? dependent.metadata.namespace : undefined;
    if (definition.namespaced && !namespace) return undefined;
    const owner = this.client.get(definition, namespace, reference.name);
    return owner?.metadata.uid === reference.uid ? owner : undefined;
  }

  /** classifyReferences for one reference; undefined for kinds the server does not serve (left alone). */
  ownerState(reference: OwnerReference, dependent: Readonly<KubeObject>): OwnerState | undefined {
    if (!this.ownerDefinition(reference)) return undefined;
    const owner = this.owner(reference, dependent);
    if (!owner) return 'dangling';
    return isDeletingDependents(owner) ? 'waitingForDependentsDeletion' : 'solid';
  }

  /** Every object naming `uid` as an owner: in `namespace`, or anywhere for a cluster-scoped owner. */
  dependents(uid: string, namespace: string | undefined): Dependent[] {
    const found: Dependent[] = [];
    for (const definition of this.byStorageKey.values()) {
      if (namespace && !definition.namespaced) continue;
      for (const object of this.client.list(definition, namespace)) {
        if (object.metadata.ownerReferences?.some((reference) => reference.uid === uid)) {
          found.push({ definition, object });
        }
      }
    }
    return found;
  }
}
