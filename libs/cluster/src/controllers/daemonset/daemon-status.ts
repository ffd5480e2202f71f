// updateDaemonSetStatus / storeDaemonSetStatus: the counts `kubectl get ds`
// shows (DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE), from the oldest
// daemon pod of every node.
import { isRecord, type KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { ControllerContext } from '../controller';
import { objectKey } from '../queue-keys';
import { isPodAvailable, isPodReady } from '../workloads/pod-state';
import { nodeShouldRunDaemonPod } from './daemon-nodes';
import { byCreationAndScheduling, isPodUpdated, podsByNode, readDaemonSet } from './daemon-pods';

interface DaemonCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

function countDaemonPods(
  ds: Readonly<KubeObject>,
  nodes: readonly Readonly<KubeObject>[],
  pods: readonly Readonly<KubeObject>[],
  hash: string,
  now: number,
): DaemonCounts {
  const view = readDaemonSet(ds);
  const byNode = podsByNode(pods, false);
  const counts: DaemonCounts = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
    numberUnavailable: 0,
  };
  for (const node of nodes) {
    const daemonPods = [...(byNode.get(node.metadata.name ?? '') ?? [])].sort(byCreationAndScheduling);
    const oldest = daemonPods[0];
    if (!nodeShouldRunDaemonPod(node, view.template).shouldRun) {
      if (oldest) counts.numberMisscheduled++;
      continue;
    }
    counts.desiredNumberScheduled++;
    if (!oldest) continue;
    counts.currentNumberScheduled++;
    if (isPodReady(oldest)) {
      counts.numberReady++;
      if (isPodAvailable(oldest, view.minReadySeconds, now)) counts.numberAvailable++;
    }
    if (isPodUpdated(oldest, hash, view.templateGeneration)) counts.updatedNumberScheduled++;
  }
  counts.numberUnavailable = counts.desiredNumberScheduled - counts.numberAvailable;
  return counts;
}

/** DaemonSetStatus in field order; the fields marked omitempty are left out when zero. */
function statusObject(previous: Record<string, unknown>, counts: DaemonCounts, generation: number) {
  const status: Record<string, unknown> = {
    currentNumberScheduled: counts.currentNumberScheduled,
    numberMisscheduled: counts.numberMisscheduled,
    desiredNumberScheduled: counts.desiredNumberScheduled,
    numberReady: counts.numberReady,
  };
  const optional: Array<[string, unknown]> = [
    ['observedGeneration', generation],
    ['updatedNumberScheduled', counts.updatedNumberScheduled],
    ['numberAvailable', counts.numberAvailable],
    ['numberUnavailable', counts.numberUnavailable],
    ['collisionCount', previous.collisionCount],
    ['conditions', previous.conditions],
  ];
  for (const [field, value] of optional) {
    if (value !== undefined && value !== 0 && !(Array.isArray(value) && value.length === 0)) status[field] = value;
  }
  return status;
}

/** Writes the status when a count or the observed generation changed; looks again when pods will turn available. */
export function updateDaemonSetStatus(
  ds: Readonly<KubeObject>,
  nodes: readonly Readonly<KubeObject>[],
  pods: readonly Readonly<KubeObject>[],
  hash: string,
  context: ControllerContext,
): void {
  const now = context.now();
  const counts = countDaemonPods(ds, nodes, pods, hash, now);
  const previous = isRecord(ds.status) ? ds.status : {};
  const generation = ds.metadata.generation ?? 0;
  const unchanged =
    (Object.keys(counts) as Array<keyof DaemonCounts>).every((field) => (previous[field] ?? 0) === counts[field]) &&
    (typeof previous.observedGeneration === 'number' ? previous.observedGeneration : 0) >= generation;
  if (!unchanged) {
    const copy = context.client.copy(ds);
    copy.status = statusObject(previous, counts, generation);
    context.client.updateStatus(RESOURCES.daemonsets, copy);
  }
  // A last line of defence against clock skew in the real controller; here it notices pods turning available.
  const minReadySeconds = readDaemonSet(ds).minReadySeconds;
  if (minReadySeconds > 0 && counts.numberReady !== counts.numberAvailable) {
    context.after(minReadySeconds * 1000, objectKey(ds));
  }
}
