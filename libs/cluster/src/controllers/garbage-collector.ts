// pkg/controller/garbagecollector for every resource the server serves:
// objects whose owners (by ownerReferences uid) are gone are deleted in the
// background; an owner deleted with the `orphan` finalizer first frees its
// dependents; one deleted with `foregroundDeletion` first waits for the
// dependents that block its deletion to be gone. The dependency graph is
// read from the store when needed instead of being cached.
import type { KubeObject, OwnerReference } from '../api/objects';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { Collector } from './garbage-collector/collect';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER, OwnerGraph } from './garbage-collector/owner-graph';

const SEPARATOR = '|';
/** An object, by its store key, namespace and name. */
const OBJECT = 'o';
/** An owner named by a dependent's reference: group/version, kind, namespace, name, uid. */
const OWNER = 'owner';
/** Every dependent of a deleted owner, by the owner's namespace and uid. */
const DEPENDENTS = 'dependents';

function objectKey(resource: string, object: Readonly<KubeObject>): string {
  return [OBJECT, resource, object.metadata.namespace ?? '', object.metadata.name ?? ''].join(SEPARATOR);
}

function ownerKey(reference: OwnerReference, dependent: Readonly<KubeObject>): string {
  const { apiVersion, kind, name, uid } = reference;
  return [OWNER, apiVersion, kind, dependent.metadata.namespace ?? '', name, uid].join(SEPARATOR);
}

function collectable(object: Readonly<KubeObject>): boolean {
  const finalizers = object.metadata.finalizers ?? [];
  return (
    object.metadata.deletionTimestamp !== undefined &&
    (finalizers.includes(ORPHAN_FINALIZER) || finalizers.includes(FOREGROUND_FINALIZER))
  );
}

function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';

  keysFor(event: StoreEvent): readonly string[] {
    const { object, previous } = event;
    const references = object.metadata.ownerReferences ?? [];
    const keys = new Set<string>();
    if (event.type === 'DELETED') {
      keys.add([DEPENDENTS, object.metadata.namespace ?? '', object.metadata.uid ?? ''].join(SEPARATOR));
      // An owner deleting in the foreground may have been waiting for this one.
      for (const reference of references) keys.add(ownerKey(reference, object));
      return [...keys];
    }
    const before = previous?.metadata.ownerReferences ?? [];
    const referencesChanged = event.type === 'ADDED' || json(before) !== json(references);
    if (references.length && referencesChanged) keys.add(objectKey(event.resource, object));
    const startsCollecting =
      collectable(object) &&
      (!previous ||
        !previous.metadata.deletionTimestamp ||
        json(previous.metadata.finalizers) !== json(object.metadata.finalizers));
    if (startsCollecting) keys.add(objectKey(event.resource, object));
    if (event.type === 'MODIFIED' && referencesChanged) {
      for (const reference of [...before, ...references]) keys.add(ownerKey(reference, object));
    }
    return [...keys];
  }

  sync(key: string, context: ControllerContext): void {
    const graph = new OwnerGraph(context.client);
    const collector = new Collector(context.client, graph);
    const [kind = '', ...parts] = key.split(SEPARATOR);
    if (kind === OBJECT) {
      const [resource = '', namespace = '', name = ''] = parts;
      const definition = graph.definitionFor(resource);
      const object = definition && context.client.get(definition, namespace || undefined, name);
      if (definition && object) collector.process(definition, object);
    } else if (kind === OWNER) {
      const [apiVersion = '', ownerKind = '', namespace = '', name = '', uid = ''] = parts;
      const reference: OwnerReference = { apiVersion, kind: ownerKind, name, uid };
      const definition = graph.ownerDefinition(reference);
      const dependent: KubeObject = { apiVersion: '', kind: '', metadata: { namespace: namespace || undefined } };
      const owner = graph.owner(reference, dependent);
      if (definition && owner) collector.process(definition, owner);
    } else if (kind === DEPENDENTS) {
      const [namespace = '', uid = ''] = parts;
      for (const dependent of graph.dependents(uid, namespace || undefined)) {
        collector.attemptToDelete(dependent.definition, dependent.object);
      }
    }
  }
}
