// Work queue keys as client-go builds them (cache.MetaNamespaceKeyFunc,
// SplitMetaNamespaceKey), and the orphan-pod keys through which every
// controller whose selector matches a pod without a controller gets to adopt it.
import type { KubeObject } from '../api/objects';
import { RESOURCES, type ResourceRef } from '../api/resource-refs';
import type { StoreEvent } from '../store/object-store';
import type { ControllerContext } from './controller';
import { controllerKey, controllerRefOf } from './workloads/owner-refs';

const ORPHAN_POD_PREFIX = 'pod:';

/** `namespace/name` (`/name` for a cluster-scoped object). */
export function objectKey(object: Readonly<KubeObject>): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

/** [namespace, name] of a key; a key without a slash is a bare name. */
export function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return slash < 0 ? ['', key] : [key.slice(0, slash), key.slice(slash + 1)];
}

/** The keys of the `kind` controllers an object had before and after a change. */
export function controllerKeys(event: StoreEvent, kind: string): string[] {
  const keys = new Set<string>();
  for (const changed of [event.object, event.previous]) {
    const key = controllerKey(changed, kind);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** A pod event's keys for the `kind` controllers: its controller's, and its own while it is an orphan. */
export function podEventKeys(event: StoreEvent, kind: string): string[] {
  const keys = controllerKeys(event, kind);
  if (event.type !== 'DELETED' && !controllerRefOf(event.object))
    keys.push(`${ORPHAN_POD_PREFIX}${objectKey(event.object)}`);
  return keys;
}

/**
 * For an orphan pod's key, the owners of `ref` in its namespace whose selector
 * matches the pod (none once it is gone or owned); undefined for any other key.
 */
export function orphanPodAdopters(
  key: string,
  ref: ResourceRef,
  selectorOf: (owner: Readonly<KubeObject>) => { matches(labels: Record<string, string>): boolean } | undefined,
  context: ControllerContext,
): Readonly<KubeObject>[] | undefined {
  if (!key.startsWith(ORPHAN_POD_PREFIX)) return undefined;
  const [namespace, name] = splitKey(key.slice(ORPHAN_POD_PREFIX.length));
  const pod = context.client.get(RESOURCES.pods, namespace, name);
  if (!pod || controllerRefOf(pod)) return [];
  const labels = pod.metadata.labels ?? {};
  return context.client.list(ref, namespace).filter((owner) => selectorOf(owner)?.matches(labels) ?? false);
}
