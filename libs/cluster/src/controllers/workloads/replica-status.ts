// ReplicaSet / ReplicationController status as calculateStatus and
// updateReplicaSetStatus (pkg/controller/replicaset/replica_set_utils.go)
// compute it from the pods the controller owns.
import { jsonEqual } from '../../api/handlers/decode';
import { type ApiError } from '../../api/errors';
import { isRecord, type KubeObject } from '../../api/objects';
import { formatTimestamp } from '../../runtime/clock';
import { numberOr, recordOf, specReplicas, type WorkloadCondition } from '../../registry/workloads';
import { isPodAvailable, isPodReady, labelsOf } from './pod-state';

export interface ReplicaCounts {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
}

export function countReplicas(
  pods: readonly Readonly<KubeObject>[],
  templateLabels: Record<string, string>,
  minReadySeconds: number,
  now: number,
): ReplicaCounts {
  const counts = { replicas: pods.length, fullyLabeledReplicas: 0, readyReplicas: 0, availableReplicas: 0 };
  for (const pod of pods) {
    const labels = labelsOf(pod);
    if (Object.entries(templateLabels).every(([key, value]) => labels[key] === value)) counts.fullyLabeledReplicas++;
    if (isPodReady(pod)) {
      counts.readyReplicas++;
      if (isPodAvailable(pod, minReadySeconds, now)) counts.availableReplicas++;
    }
  }
  return counts;
}

function conditionsOf(status: Record<string, unknown>): WorkloadCondition[] {
  return Array.isArray(status.conditions) ? (status.conditions.filter(isRecord) as unknown as WorkloadCondition[]) : [];
}

/** The ReplicaFailure condition: set (once) while creating or deleting fails, removed when it works again. */
function failureConditions(
  current: WorkloadCondition[],
  failure: { error: ApiError; surplus: boolean } | undefined,
  now: number,
): WorkloadCondition[] {
  const existing = current.find((condition) => condition.type === 'ReplicaFailure');
  if (failure && !existing) {
    const condition: WorkloadCondition = {
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: formatTimestamp(now),
      reason: failure.surplus ? 'FailedDelete' : 'FailedCreate',
      message: failure.error.status.message ?? '',
    };
    return [...current, condition];
  }
  if (!failure && existing) return current.filter((condition) => condition !== existing);
  return current;
}

/** The status to write, or undefined when the stored one is current (updateReplicaSetStatus). */
export function nextReplicaStatus(
  owner: Readonly<KubeObject>,
  counts: ReplicaCounts,
  failure: { error: ApiError; surplus: boolean } | undefined,
  now: number,
): Record<string, unknown> | undefined {
  const status = recordOf(owner.status) ?? {};
  const conditions = failureConditions(conditionsOf(status), failure, now);
  const generation = owner.metadata.generation ?? 0;
  const unchanged =
    numberOr(status.replicas, 0) === counts.replicas &&
    numberOr(status.fullyLabeledReplicas, 0) === counts.fullyLabeledReplicas &&
    numberOr(status.readyReplicas, 0) === counts.readyReplicas &&
    numberOr(status.availableReplicas, 0) === counts.availableReplicas &&
    numberOr(status.observedGeneration, 0) === generation &&
    jsonEqual(conditionsOf(status), conditions);
  if (unchanged) return undefined;
  // Field order and omitempty of ReplicaSetStatus: replicas is always there.
  const next: Record<string, unknown> = { replicas: counts.replicas };
  if (counts.fullyLabeledReplicas) next.fullyLabeledReplicas = counts.fullyLabeledReplicas;
  if (counts.readyReplicas) next.readyReplicas = counts.readyReplicas;
  if (counts.availableReplicas) next.availableReplicas = counts.availableReplicas;
  if (generation) next.observedGeneration = generation;
  if (conditions.length) next.conditions = conditions;
  return next;
}

/** How many pods are missing (negative) or surplus (positive). */
export function replicaDiff(owner: Readonly<KubeObject>, podCount: number): number {
  return podCount - specReplicas(owner);
}
