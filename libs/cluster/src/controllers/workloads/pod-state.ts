// What the replicating controllers read of a Pod (podutil): active, ready,
// available after minReadySeconds, and when it became ready.
import { isRecord, type KubeObject } from '../../api/objects';
import { parseTimestamp } from '../../runtime/clock';

interface PodCondition {
  type?: string;
  status?: string;
  lastTransitionTime?: string;
}

function statusOf(pod: Readonly<KubeObject>): Record<string, unknown> {
  return isRecord(pod.status) ? pod.status : {};
}

export function podPhase(pod: Readonly<KubeObject>): string {
  const phase = statusOf(pod).phase;
  return typeof phase === 'string' ? phase : '';
}

export function podNodeName(pod: Readonly<KubeObject>): string {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  return typeof spec.nodeName === 'string' ? spec.nodeName : '';
}

function readyCondition(pod: Readonly<KubeObject>): PodCondition | undefined {
  const conditions = statusOf(pod).conditions;
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find((condition): condition is PodCondition => isRecord(condition) && condition.type === 'Ready');
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Readonly<KubeObject>): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: Readonly<KubeObject>): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the Ready condition last changed, for a ready pod. */
export function podReadyTime(pod: Readonly<KubeObject>): number | undefined {
  if (!isPodReady(pod)) return undefined;
  return parseTimestamp(readyCondition(pod)?.lastTransitionTime);
}

/** podutil.IsPodAvailable: ready for longer than minReadySeconds (strictly before now). */
export function isPodAvailable(pod: Readonly<KubeObject>, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const readySince = parseTimestamp(readyCondition(pod)?.lastTransitionTime);
  return readySince !== undefined && readySince + minReadySeconds * 1000 < now;
}

/** When a ready pod will count as available, if it does not yet. */
export function podAvailableAt(pod: Readonly<KubeObject>, minReadySeconds: number): number | undefined {
  const readySince = podReadyTime(pod);
  return readySince === undefined ? undefined : readySince + minReadySeconds * 1000;
}

export function labelsOf(object: Readonly<KubeObject>): Record<string, string> {
  return object.metadata.labels ?? {};
}
