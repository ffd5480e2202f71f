// updateStatefulSetStatus: a finished rolling update makes the update
// revision current (completeRollingUpdate), and the status is written only
// when it differs (inconsistentStatus), in StatefulSetStatus field order.
import { isRecord, type KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { ControllerContext } from '../controller';
import { readStatefulSet } from './stateful-pods';
import type { StatefulStatus } from './stateful-update';

function completeRollingUpdate(set: Readonly<KubeObject>, status: StatefulStatus): void {
  const view = readStatefulSet(set);
  if (
    view.strategy === 'RollingUpdate' &&
    status.updatedReplicas === view.replicas &&
    status.readyReplicas === view.replicas &&
    status.replicas === view.replicas
  ) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

function inconsistentStatus(set: Readonly<KubeObject>, status: StatefulStatus): boolean {
  const previous = isRecord(set.status) ? set.status : {};
  const number = (field: string): number => (typeof previous[field] === 'number' ? previous[field] : 0);
  const text = (field: string): string => (typeof previous[field] === 'string' ? previous[field] : '');
  return (
    status.observedGeneration > number('observedGeneration') ||
    status.replicas !== number('replicas') ||
    status.currentReplicas !== number('currentReplicas') ||
    status.readyReplicas !== number('readyReplicas') ||
    status.updatedReplicas !== number('updatedReplicas') ||
    status.currentRevision !== text('currentRevision') ||
    status.availableReplicas !== number('availableReplicas') ||
    status.updateRevision !== text('updateRevision')
  );
}

/** StatefulSetStatus as JSON: omitempty fields left out when zero; replicas and availableReplicas always. */
function statusObject(status: StatefulStatus): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (status.observedGeneration) json.observedGeneration = status.observedGeneration;
  json.replicas = status.replicas;
  if (status.readyReplicas) json.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) json.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) json.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) json.currentRevision = status.currentRevision;
  if (status.updateRevision) json.updateRevision = status.updateRevision;
  json.collisionCount = status.collisionCount;
  json.availableReplicas = status.availableReplicas;
  return json;
}

export function writeStatefulSetStatus(set: Readonly<KubeObject>, status: StatefulStatus, context: ControllerContext) {
  completeRollingUpdate(set, status);
  if (!inconsistentStatus(set, status)) return;
  const copy = context.client.copy(set);
  copy.status = statusObject(status);
  context.client.updateStatus(RESOURCES.statefulsets, copy);
}
