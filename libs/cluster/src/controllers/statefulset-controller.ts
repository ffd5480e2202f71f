// pkg/controller/statefulset: pods with stable names `web-0`, `web-1`...
// (hostname and subdomain give each one DNS through the headless Service),
// created in order and removed in reverse, ControllerRevisions per template,
// rolling updates from the highest ordinal down to the partition.
import { ApiError } from '../api/errors';
import type { KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import { parseSelector, type ParsedSelector } from '../registry/workloads';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { sortRevisions } from './history/controller-history';
import { isMemberOf, readStatefulSet, STATEFUL_SET_KIND } from './statefulset/stateful-pods';
import {
  adoptOrphanRevisions,
  listRevisions,
  statefulSetRevisions,
  truncateHistory,
} from './statefulset/stateful-revisions';
import { writeStatefulSetStatus } from './statefulset/stateful-status';
import { updateStatefulSet } from './statefulset/stateful-update';
import { claimObject, controllerKey, controllerRefOf, newControllerRef } from './workloads/owner-refs';

const ORPHAN_POD_PREFIX = 'pod:';

function objectKey(object: Readonly<KubeObject>): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';

  keysFor(event: StoreEvent): readonly string[] {
    const { object, previous } = event;
    if (event.resource === keyOf(RESOURCES.statefulsets)) return [objectKey(object)];
    if (event.resource !== keyOf(RESOURCES.pods)) return [];
    const keys = new Set<string>();
    for (const pod of [object, previous]) {
      const key = controllerKey(pod, STATEFUL_SET_KIND.kind);
      if (key) keys.add(key);
    }
    if (event.type !== 'DELETED' && !controllerRefOf(object)) keys.add(`${ORPHAN_POD_PREFIX}${objectKey(object)}`);
    return [...keys];
  }

  sync(key: string, context: ControllerContext): void {
    if (key.startsWith(ORPHAN_POD_PREFIX)) {
      const [namespace, name] = splitKey(key.slice(ORPHAN_POD_PREFIX.length));
      const pod = context.client.get(RESOURCES.pods, namespace, name);
      if (!pod || controllerRefOf(pod)) return;
      for (const set of context.client.list(RESOURCES.statefulsets, namespace)) {
        if (parseSelector(readStatefulSet(set).selector)?.matches(pod.metadata.labels ?? {}))
          this.syncSet(set, context);
      }
      return;
    }
    const [namespace, name] = splitKey(key);
    const set = context.client.get(RESOURCES.statefulsets, namespace, name);
    if (set) this.syncSet(set, context);
  }

  private syncSet(set: Readonly<KubeObject>, context: ControllerContext): void {
    // A selector that cannot be parsed is not worth a retry.
    const selector = parseSelector(readStatefulSet(set).selector);
    if (!selector) return;
    adoptOrphanRevisions(set, selector, context);
    const pods = this.claimPods(set, selector, context);
    const revisions = sortRevisions(listRevisions(set, selector, context));
    const { current, update, collisionCount } = statefulSetRevisions(set, revisions, context);
    const outcome = updateStatefulSet(set, { current, update, collisionCount }, pods, context);
    let failure: ApiError | undefined = outcome.error;
    const fresh = context.client.get(RESOURCES.statefulsets, set.metadata.namespace, set.metadata.name ?? '');
    try {
      if (fresh) writeStatefulSetStatus(fresh, outcome.status, context);
      truncateHistory(set, pods, revisions, { current, update }, context);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failure ??= error;
    }
    if (failure) throw failure;
    const view = readStatefulSet(set);
    if (view.minReadySeconds > 0 && outcome.status.availableReplicas !== view.replicas) {
      context.after(view.minReadySeconds * 1000, objectKey(set));
    }
  }

  /** getPodsForStatefulSet: its members the selector matches, adopting orphans and releasing strays. */
  private claimPods(
    set: Readonly<KubeObject>,
    selector: ParsedSelector,
    context: ControllerContext,
  ): Readonly<KubeObject>[] {
    const view = readStatefulSet(set);
    const target = {
      owner: set,
      ownerRef: newControllerRef(set, STATEFUL_SET_KIND.apiVersion, STATEFUL_SET_KIND.kind),
      ref: RESOURCES.pods,
      client: context.client,
    };
    const claimed = context.client
      .list(RESOURCES.pods, view.namespace)
      .filter((pod) => claimObject(target, pod, selector.matches(pod.metadata.labels ?? {}) && isMemberOf(view, pod)));
    return claimed.flatMap((pod) => {
      const current = context.client.get(RESOURCES.pods, view.namespace, pod.metadata.name ?? '');
      return current ? [current] : [];
    });
  }
}
