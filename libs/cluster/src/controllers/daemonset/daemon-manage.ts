// The DaemonSet controller's manage loop: which nodes need a daemon pod and
// which daemon pods must go (podsShouldBeOnNode), then syncNodes creating
// and deleting them in slow-start batches, with their events.
import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { scaledValue } from '../../registry/workloads';
import type { ControllerContext } from '../controller';
import { isNamespaceTerminating } from '../namespace/terminating';
import { isPodAvailable, isPodReady, podPhase } from '../workloads/pod-state';
import { nodeShouldRunDaemonPod } from './daemon-nodes';
import {
  byCreationAndScheduling,
  daemonPodTemplate,
  newDaemonPod,
  podsByNode,
  REVISION_HASH_LABEL,
  type DaemonSetView,
} from './daemon-pods';
import type { FailedPodBackoff } from './failed-pod-backoff';

export const COMPONENT = 'daemonset-controller';
/** The controller's --burst-replicas default. */
const BURST_REPLICAS = 250;

/** Everything one sync of one DaemonSet works from. */
export interface DaemonSync {
  ds: Readonly<KubeObject>;
  view: DaemonSetView;
  nodes: readonly Readonly<KubeObject>[];
  hash: string;
  context: ControllerContext;
  backoff: FailedPodBackoff;
  /** The pods the DaemonSet owns now (claimed afresh on each call). */
  claimPods(): Readonly<KubeObject>[];
}

export interface SyncOutcome {
  /** Whether any pod was created or deleted (the real controller then waits for its expectations). */
  acted: boolean;
  error?: ApiError;
}

/** util.SurgeCount (DaemonSetUpdateSurge is on in 1.32). */
export function surgeCount(view: DaemonSetView, numberToSchedule: number): number {
  if (view.strategy !== 'RollingUpdate' || view.maxSurge === undefined) return 0;
  return scaledValue(view.maxSurge, numberToSchedule, true);
}

/** util.UnavailableCount. */
export function unavailableCount(view: DaemonSetView, numberToSchedule: number): number {
  if (view.strategy !== 'RollingUpdate') return 0;
  return scaledValue(view.maxUnavailable, numberToSchedule, true);
}

function record(sync: DaemonSync, type: 'Normal' | 'Warning', reason: string, message: string): void {
  sync.context.events.record(sync.ds, type, reason, message, { component: COMPONENT });
}

/** The oldest running pod stays; with surge, an old and a new pod may overlap until the new one is available. */
function excessPods(sync: DaemonSync, running: Readonly<KubeObject>[], shouldRun: boolean): string[] | 'create' {
  const sorted = [...running].sort(byCreationAndScheduling);
  if (surgeCount(sync.view, 1) <= 0) return sorted.slice(1).map((pod) => pod.metadata.name ?? '');
  if (sorted.length <= 1) return sorted.length === 0 && shouldRun ? 'create' : [];
  const remove: string[] = [];
  let oldestNew: Readonly<KubeObject> | undefined;
  let oldestOld: Readonly<KubeObject> | undefined;
  for (const pod of sorted) {
    const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === sync.hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else remove.push(pod.metadata.name ?? '');
  }
  if (oldestNew && oldestOld) {
    const now = sync.context.now();
    if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, sync.view.minReadySeconds, now)) {
      remove.push(oldestOld.metadata.name ?? '');
    }
  }
  return remove;
}

/** podsShouldBeOnNode. */
function podsShouldBeOnNode(
  sync: DaemonSync,
  node: Readonly<KubeObject>,
  daemonPods: readonly Readonly<KubeObject>[] | undefined,
): { create: boolean; remove: string[] } {
  const nodeName = node.metadata.name ?? '';
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, sync.view.template);
  if (shouldRun && !daemonPods) return { create: true, remove: [] };
  if (!daemonPods) return { create: false, remove: [] };
  if (!shouldContinueRunning) {
    const remove = daemonPods.filter((pod) => !pod.metadata.deletionTimestamp).map((pod) => pod.metadata.name ?? '');
    return { create: false, remove };
  }
  const remove: string[] = [];
  const running: Readonly<KubeObject>[] = [];
  const now = sync.context.now();
  for (const pod of daemonPods) {
    if (pod.metadata.deletionTimestamp) continue;
    const name = pod.metadata.name ?? '';
    const phase = podPhase(pod);
    if (phase === 'Failed') {
      // Avoid fighting a kubelet that keeps rejecting the pod.
      const key = `${sync.ds.metadata.uid ?? ''}/${sync.view.observedGeneration}/${nodeName}`;
      if (sync.backoff.inBackoff(key, now)) {
        sync.context.after(sync.backoff.delay(key), `${sync.view.namespace}/${sync.view.name}`);
        continue;
      }
      sync.backoff.next(key, now);
      const message = `Found failed daemon pod ${sync.view.namespace}/${name} on node ${nodeName}, will try to kill it`;
      record(sync, 'Warning', 'FailedDaemonPod', message);
      remove.push(name);
    } else if (phase === 'Succeeded') {
      const message = `Found succeeded daemon pod ${sync.view.namespace}/${name} on node ${nodeName}, will try to delete it`;
      record(sync, 'Normal', 'SucceededDaemonPod', message);
      remove.push(name);
    } else {
      running.push(pod);
    }
  }
  const excess = excessPods(sync, running, shouldRun);
  if (excess === 'create') return { create: true, remove };
  return { create: false, remove: [...remove, ...excess] };
}

/** manage: one daemon pod on every node that should run one, none elsewhere. */
export function manage(sync: DaemonSync): SyncOutcome {
  const byNode = podsByNode(sync.claimPods(), false);
  const nodesNeedingPods: string[] = [];
  const podsToDelete: string[] = [];
  const known = new Set<string>();
  for (const node of sync.nodes) {
    const name = node.metadata.name ?? '';
    known.add(name);
    const { create, remove } = podsShouldBeOnNode(sync, node, byNode.get(name));
    if (create) nodesNeedingPods.push(name);
    podsToDelete.push(...remove);
  }
  // getUnscheduledPodsWithoutNode: nothing else removes pods waiting for a node that is gone.
  for (const [nodeName, pods] of byNode) {
    if (known.has(nodeName)) continue;
    for (const pod of pods) {
      const spec = (pod.spec ?? {}) as Record<string, unknown>;
      if (!spec.nodeName) podsToDelete.push(pod.metadata.name ?? '');
    }
  }
  return syncNodes(sync, podsToDelete, nodesNeedingPods);
}

function createPods(sync: DaemonSync, nodeNames: readonly string[]): ApiError | undefined {
  const template = daemonPodTemplate(sync.view, sync.hash);
  let failure: ApiError | undefined;
  // Slow start: batches of 1, 2, 4... stop after a batch with a failure.
  for (let position = 0, batch = Math.min(nodeNames.length, 1); position < nodeNames.length;) {
    let failed = false;
    for (const nodeName of nodeNames.slice(position, position + batch)) {
      try {
        const created = sync.context.client.create(RESOURCES.pods, newDaemonPod(sync.ds, template, nodeName));
        record(sync, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (isNamespaceTerminating(error)) continue;
        record(sync, 'Warning', 'FailedCreate', `Error creating: ${error.status.message ?? ''}`);
        failure ??= error;
        failed = true;
      }
    }
    position += batch;
    if (failed) break;
    batch = Math.min(2 * batch, nodeNames.length - position);
  }
  return failure;
}

/** syncNodes: deletes `podsToDelete`, creates a pod for each of `nodesNeedingPods`. */
export function syncNodes(sync: DaemonSync, podsToDelete: string[], nodesNeedingPods: string[]): SyncOutcome {
  const creating = nodesNeedingPods.slice(0, BURST_REPLICAS);
  const deleting = podsToDelete.slice(0, BURST_REPLICAS);
  let error = creating.length ? createPods(sync, creating) : undefined;
  for (const name of deleting) {
    try {
      sync.context.client.delete(RESOURCES.pods, sync.view.namespace, name);
      record(sync, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      if (failure.status.reason === 'NotFound') continue;
      record(sync, 'Warning', 'FailedDelete', `Error deleting: ${failure.status.message ?? ''}`);
      error ??= failure;
    }
  }
  return { acted: creating.length + deleting.length > 0, ...(error ? { error } : {}) };
}
