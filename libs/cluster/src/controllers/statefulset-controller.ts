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
import { objectKey, orphanPodAdopters, podEventKeys, splitKey } from './queue-keys';
import { claimAll, claimTarget } from './workloads/owner-refs';

const selectorOf = (set: Readonly<KubeObject>) => parseSelector(readStatefulSet(set).selector);

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';

  keysFor(event: StoreEvent): readonly string[] {
    if (event.resource === keyOf(RESOURCES.statefulsets)) return [objectKey(event.object)];
    if (event.resource !== keyOf(RESOURCES.pods)) return [];
    return podEventKeys(event, STATEFUL_SET_KIND.kind);
  }

  sync(key: string, context: ControllerContext): void {
    const adopters = orphanPodAdopters(key, RESOURCES.statefulsets, selectorOf, context);
    if (adopters) {
      for (const set of adopters) this.syncSet(set, context);
      return;
    }
    const [namespace, name] = splitKey(key);
    const set = context.client.get(RESOURCES.statefulsets, namespace, name);
    if (set) this.syncSet(set, context);
  }

  private syncSet(set: Readonly<KubeObject>, context: ControllerContext): void {
    // A selector that cannot be parsed is not worth a retry.
    const selector = selectorOf(set);
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
    const target = claimTarget(set, STATEFUL_SET_KIND, RESOURCES.pods, context.client);
    const pods = context.client.list(RESOURCES.pods, view.namespace);
    return claimAll(target, pods, (pod) => selector.matches(pod.metadata.labels ?? {}) && isMemberOf(view, pod));
  }
}
