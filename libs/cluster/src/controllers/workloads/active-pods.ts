// Which pods a ReplicaSet deletes first when it has too many:
// controller.ActivePodsWithRanks with PodDeletionCost and
// LogarithmicScaleDown on, as in 1.32. Smaller sorts first, and goes first.
import { isRecord, type KubeObject } from '../../api/objects';
import { parseTimestamp } from '../../runtime/clock';
import { isPodActive, isPodReady, podNodeName, podPhase, podReadyTime } from './pod-state';

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface RankedPod {
  pod: Readonly<KubeObject>;
  /** Active pods of the same owner family on the pod's node. */
  rank: number;
}

function deletionCost(pod: Readonly<KubeObject>): number {
  const text = pod.metadata.annotations?.[DELETION_COST];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return 0;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : 0;
}

function restarts(statuses: unknown): number {
  if (!Array.isArray(statuses)) return 0;
  let most = 0;
  for (const status of statuses) {
    if (isRecord(status) && typeof status.restartCount === 'number') most = Math.max(most, status.restartCount);
  }
  return most;
}

/** Regular containers first, then (restartable) init containers. */
function maxRestarts(pod: Readonly<KubeObject>): [number, number] {
  const status = isRecord(pod.status) ? pod.status : {};
  return [restarts(status.containerStatuses), restarts(status.initContainerStatuses)];
}

/** log2 of the age in nanoseconds, as an integer; -1 for no age. */
function logarithmicRank(time: number, now: number): number {
  const age = (now - time) * 1e6;
  return age > 0 ? Math.floor(Math.log2(age)) : -1;
}

/** afterOrZero: a missing time sorts first, else the later one. */
function afterOrZero(left: number | undefined, right: number | undefined): boolean {
  if (left === undefined || right === undefined) return left === undefined;
  return left > right;
}

function byTime(left: RankedPod, right: RankedPod, a: number | undefined, b: number | undefined, now: number): number {
  if (a === b) return 0;
  if (a === undefined || b === undefined) return afterOrZero(a, b) ? -1 : 1;
  const difference = logarithmicRank(a, now) - logarithmicRank(b, now);
  if (difference !== 0) return difference < 0 ? -1 : 1;
  const uidA = left.pod.metadata.uid ?? '';
  const uidB = right.pod.metadata.uid ?? '';
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

function compare(left: RankedPod, right: RankedPod, now: number): number {
  const a = left.pod;
  const b = right.pod;
  const nodeA = podNodeName(a);
  const nodeB = podNodeName(b);
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '' ? -1 : 1;
  const phaseA = PHASE_ORDER[podPhase(a)] ?? 0;
  const phaseB = PHASE_ORDER[podPhase(b)] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) - deletionCost(b);
  if (left.rank !== right.rank) return right.rank - left.rank;
  if (isPodReady(a) && isPodReady(b)) {
    const readyOrder = byTime(left, right, podReadyTime(a), podReadyTime(b), now);
    if (readyOrder !== 0) return readyOrder;
  }
  const [regularA, sidecarA] = maxRestarts(a);
  const [regularB, sidecarB] = maxRestarts(b);
  if (regularA !== regularB) return regularB - regularA;
  if (sidecarA !== sidecarB) return sidecarB - sidecarA;
  const createdA = parseTimestamp(a.metadata.creationTimestamp);
  const createdB = parseTimestamp(b.metadata.creationTimestamp);
  return byTime(left, right, createdA, createdB, now);
}

/**
 * getPodsToDelete: the `count` pods to delete from `pods`, ranked against
 * the active `relatedPods` of the same owner family doubled up on a node.
 */
export function podsToDelete(
  pods: readonly Readonly<KubeObject>[],
  relatedPods: readonly Readonly<KubeObject>[],
  count: number,
  now: number,
): Readonly<KubeObject>[] {
  if (count >= pods.length) return pods.slice(0, count);
  const perNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (isPodActive(pod)) perNode.set(podNodeName(pod), (perNode.get(podNodeName(pod)) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: perNode.get(podNodeName(pod)) ?? 0 }));
  ranked.sort((left, right) => compare(left, right, now));
  return ranked.slice(0, count).map((entry) => entry.pod);
}
