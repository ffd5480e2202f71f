// pkg/controller/daemon: one pod of a DaemonSet's template on every node it
// fits (node selector, affinity, taints), pinned there by node affinity for
// the scheduler to bind; ControllerRevisions per template; RollingUpdate or
// OnDelete replacement; and the status `kubectl get ds` shows.
import { ApiError } from '../api/errors';
import type { KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import { parseSelector } from '../registry/workloads';
import { isEmptySelector } from '../registry/workloads/selector';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { nodeChangeMatters } from './daemonset/daemon-nodes';
import { cleanupHistory, constructHistory } from './daemonset/daemon-history';
import { COMPONENT, manage, type DaemonSync } from './daemonset/daemon-manage';
import { DAEMON_SET_KIND, readDaemonSet, REVISION_HASH_LABEL } from './daemonset/daemon-pods';
import { rollingUpdate } from './daemonset/daemon-rollout';
import { updateDaemonSetStatus } from './daemonset/daemon-status';
import { FailedPodBackoff } from './daemonset/failed-pod-backoff';
import { controllerKeys, objectKey, orphanPodAdopters, podEventKeys, splitKey } from './queue-keys';
import { claimAll, claimTarget } from './workloads/owner-refs';

/** Every DaemonSet, after a node change that may change where they run. */
const ALL_DAEMON_SETS = '*nodes';

const selectorOf = (ds: Readonly<KubeObject>) => parseSelector(readDaemonSet(ds).selector);

export class DaemonSetController implements Controller {
  readonly name = 'daemonset';
  private readonly backoff = new FailedPodBackoff();

  keysFor(event: StoreEvent): readonly string[] {
    switch (event.resource) {
      case keyOf(RESOURCES.daemonsets):
        return [objectKey(event.object)];
      case keyOf(RESOURCES.nodes):
        return nodeChangeMatters(event) ? [ALL_DAEMON_SETS] : [];
      case keyOf(RESOURCES.controllerrevisions):
        return controllerKeys(event, DAEMON_SET_KIND.kind);
      case keyOf(RESOURCES.pods):
        return podEventKeys(event, DAEMON_SET_KIND.kind);
      default:
        return [];
    }
  }

  sync(key: string, context: ControllerContext): void {
    if (key === ALL_DAEMON_SETS) {
      for (const ds of context.client.list(RESOURCES.daemonsets)) this.syncDaemonSet(ds, context);
      return;
    }
    const adopters = orphanPodAdopters(key, RESOURCES.daemonsets, selectorOf, context);
    if (adopters) {
      for (const ds of adopters) this.syncDaemonSet(ds, context);
      return;
    }
    const [namespace, name] = splitKey(key);
    const ds = context.client.get(RESOURCES.daemonsets, namespace, name);
    if (ds) this.syncDaemonSet(ds, context);
  }

  /** syncDaemonSet. */
  private syncDaemonSet(ds: Readonly<KubeObject>, context: ControllerContext): void {
    const view = readDaemonSet(ds);
    if (view.selector && isEmptySelector(view.selector)) {
      const message = 'This daemon set is selecting all pods. A non-empty selector is required.';
      context.events.record(ds, 'Warning', 'SelectingAll', message, { component: COMPONENT });
      return;
    }
    // Its revisions may already be gone or orphaned: no status can be trusted for a DaemonSet being deleted.
    if (ds.metadata.deletionTimestamp) return;
    const selector = parseSelector(view.selector);
    if (!selector) return;
    const claimPods = (): Readonly<KubeObject>[] => this.claimPods(ds, selector.matches, context);
    const { current, old } = constructHistory(ds, selector, claimPods, context);
    const hash = current.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
    const fresh = context.client.get(RESOURCES.daemonsets, view.namespace, view.name) ?? ds;
    const sync: DaemonSync = {
      ds: fresh,
      view: readDaemonSet(fresh),
      nodes: context.client.list(RESOURCES.nodes),
      hash,
      context,
      backoff: this.backoff,
      claimPods,
    };
    let outcome = manage(sync);
    // The real controller rolls only once the pods it just created or deleted are observed (its expectations).
    if (!outcome.acted && !outcome.error && sync.view.strategy === 'RollingUpdate') outcome = rollingUpdate(sync);
    let failure = outcome.error;
    try {
      cleanupHistory(fresh, old, claimPods, context);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failure ??= error;
    }
    const latest = context.client.get(RESOURCES.daemonsets, view.namespace, view.name);
    if (latest) updateDaemonSetStatus(latest, sync.nodes, claimPods(), hash, context);
    if (failure) throw failure;
  }

  /** getDaemonPods: the pods of the namespace the DaemonSet controls, adopting and releasing by selector. */
  private claimPods(
    ds: Readonly<KubeObject>,
    matches: (labels: Record<string, string>) => boolean,
    context: ControllerContext,
  ): Readonly<KubeObject>[] {
    const owner = context.client.get(RESOURCES.daemonsets, ds.metadata.namespace, ds.metadata.name ?? '') ?? ds;
    const target = claimTarget(owner, DAEMON_SET_KIND, RESOURCES.pods, context.client);
    const pods = context.client.list(RESOURCES.pods, ds.metadata.namespace);
    return claimAll(target, pods, (pod) => matches(pod.metadata.labels ?? {}));
  }
}
