// What etcd is to kube-apiserver: objects by resource, namespace and name,
// one resourceVersion counter for the whole cluster, and a change feed.
// Stored objects are owned by the store; readers get them read-only and copy
// before changing anything.
import type { KubeObject } from '../api/objects';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  /** `pods`, `deployments.apps`: the resource's qualified name. */
  resource: string;
  object: KubeObject;
  previous?: KubeObject;
}

export type StoreListener = (event: StoreEvent) => void;

export interface StoreContents {
  resourceVersion: number;
  objects: Record<string, KubeObject[]>;
}

function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** One resource's objects by namespace ('' for cluster-scoped) and name, with a cached key order. */
class ResourceBucket {
  readonly namespaces = new Map<string, Map<string, KubeObject>>();
  private sortedNamespaces: string[] | undefined;
  private readonly sortedNames = new Map<string, string[]>();
  size = 0;

  get(namespace: string, name: string): KubeObject | undefined {
    return this.namespaces.get(namespace)?.get(name);
  }

  set(namespace: string, name: string, object: KubeObject): void {
    let objects = this.namespaces.get(namespace);
    if (!objects) {
      objects = new Map();
      this.namespaces.set(namespace, objects);
      this.sortedNamespaces = undefined;
    }
    if (!objects.has(name)) {
      this.size++;
      this.sortedNames.delete(namespace);
    }
    objects.set(name, object);
  }

  delete(namespace: string, name: string): void {
    const objects = this.namespaces.get(namespace);
    if (!objects?.delete(name)) return;
    this.size--;
    this.sortedNames.delete(namespace);
    if (!objects.size) {
      this.namespaces.delete(namespace);
      this.sortedNamespaces = undefined;
    }
  }

  count(namespace: string | undefined): number {
    return namespace === undefined ? this.size : (this.namespaces.get(namespace)?.size ?? 0);
  }

  /** Objects in key order (namespace, then name), like an etcd range read. */
  list(namespace: string | undefined): KubeObject[] {
    const namespaces = namespace === undefined ? this.orderedNamespaces() : [namespace];
    const items: KubeObject[] = [];
    for (const current of namespaces) {
      const objects = this.namespaces.get(current);
      if (!objects) continue;
      for (const name of this.orderedNames(current, objects)) {
        const object = objects.get(name);
        if (object) items.push(object);
      }
    }
    return items;
  }

  private orderedNamespaces(): string[] {
    this.sortedNamespaces ??= [...this.namespaces.keys()].sort(compareStrings);
    return this.sortedNamespaces;
  }

  private orderedNames(namespace: string, objects: Map<string, KubeObject>): string[] {
    let names = this.sortedNames.get(namespace);
    if (!names) {
      names = [...objects.keys()].sort(compareStrings);
      this.sortedNames.set(namespace, names);
    }
    return names;
  }
}

export class ObjectStore {
  private readonly buckets = new Map<string, ResourceBucket>();
  private readonly listeners = new Set<StoreListener>();
  private revision: number;

  constructor(initialResourceVersion = 0) {
    this.revision = initialResourceVersion;
  }

  get resourceVersion(): number {
    return this.revision;
  }

  get(resource: string, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined {
    return this.buckets.get(resource)?.get(namespace ?? '', name);
  }

  /** Objects in key order (namespace, then name), like an etcd range read. */
  list(resource: string, namespace?: string): readonly KubeObject[] {
    return this.buckets.get(resource)?.list(namespace) ?? [];
  }

  count(resource: string, namespace?: string): number {
    return this.buckets.get(resource)?.count(namespace) ?? 0;
  }

  /** Stores a new object, stamping its resourceVersion. */
  create(resource: string, object: KubeObject): KubeObject {
    let bucket = this.buckets.get(resource);
    if (!bucket) {
      bucket = new ResourceBucket();
      this.buckets.set(resource, bucket);
    }
    object.metadata.resourceVersion = String(++this.revision);
    bucket.set(object.metadata.namespace ?? '', object.metadata.name ?? '', object);
    this.emit({ type: 'ADDED', resource, object });
    return object;
  }

  /** Replaces a stored object, stamping a new resourceVersion. */
  update(resource: string, object: KubeObject): KubeObject {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const bucket = this.buckets.get(resource);
    const previous = bucket?.get(namespace, name);
    if (!bucket || !previous) throw new Error(`store: ${resource} ${objectKey(namespace, name)} does not exist`);
    object.metadata.resourceVersion = String(++this.revision);
    bucket.set(namespace, name, object);
    this.emit({ type: 'MODIFIED', resource, object, previous });
    return object;
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.buckets.get(resource);
    const previous = bucket?.get(namespace ?? '', name);
    if (!bucket || !previous) return undefined;
    bucket.delete(namespace ?? '', name);
    // A deletion is a revision of its own; the event carries it.
    const object = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(++this.revision) } };
    this.emit({ type: 'DELETED', resource, object, previous });
    return object;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  contents(): StoreContents {
    const objects: Record<string, KubeObject[]> = {};
    for (const [resource, bucket] of this.buckets) {
      if (bucket.size) objects[resource] = bucket.list(undefined);
    }
    return { resourceVersion: this.revision, objects };
  }

  /** Loads a snapshot's objects without emitting events; the store takes them as they are. */
  load(contents: StoreContents): void {
    this.buckets.clear();
    this.revision = contents.resourceVersion;
    for (const [resource, objects] of Object.entries(contents.objects)) {
      const bucket = new ResourceBucket();
      for (const object of objects) bucket.set(object.metadata.namespace ?? '', object.metadata.name ?? '', object);
      this.buckets.set(resource, bucket);
    }
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
