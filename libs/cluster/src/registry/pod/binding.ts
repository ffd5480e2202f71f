// The scheduler's binding (POST pods/<name>/binding, BindingREST in
// pkg/registry/core/pod/storage): spec.nodeName set on a pod that has none
// and the PodScheduled condition made True. The write goes through the
// normal update pipeline, marked so that the pod strategy lets spec.nodeName
// change (ValidatePodUpdate refuses that to any other writer).
import { apiErrors } from '../../api/errors';
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { InternalClient } from '../../controllers/internal-client';
import { formatTimestamp } from '../../runtime/clock';
import { child, record, records, text, type JsonRecord } from './json';

/** Objects being written as bindings; WeakSet so that nothing outlives the write. */
const bindingWrites = new WeakSet<object>();

export function isBindingWrite(object: Readonly<KubeObject>): boolean {
  return bindingWrites.has(object);
}

function bindingConflict(name: string, detail: string): Error {
  return apiErrors.conflict({ group: '', resource: 'pods/binding' }, name, detail);
}

/** Binds `pod` to `nodeName` as the binding subresource would; returns the stored pod. */
export function bindPod(client: InternalClient, pod: Readonly<KubeObject>, nodeName: string): KubeObject {
  const name = pod.metadata.name ?? '';
  const current = client.get(RESOURCES.pods, pod.metadata.namespace, name);
  if (!current) throw apiErrors.notFound({ group: '', resource: 'pods' }, name);
  if (current.metadata.deletionTimestamp) {
    throw bindingConflict(name, `pod ${name} is being deleted, cannot be assigned to a host`);
  }
  const spec = record(current.spec);
  const assigned = text(spec.nodeName);
  if (assigned) throw bindingConflict(name, `pod ${name} is already assigned to node "${assigned}"`);
  if (records(spec.schedulingGates).length > 0) {
    throw bindingConflict(name, `pod ${name} has non-empty .spec.schedulingGates`);
  }
  const bound = client.copy(current);
  child(bound, 'spec').nodeName = nodeName;
  bindingWrites.add(bound);
  return client.update(RESOURCES.pods, bound);
}

/** podutil.UpdatePodCondition with PodScheduled=True, as the binding applies it. */
export function markScheduled(status: JsonRecord, now: number): void {
  const conditions = records(status.conditions);
  const existing = conditions.find((condition) => condition.type === 'PodScheduled');
  const scheduled: JsonRecord = {
    lastProbeTime: null,
    lastTransitionTime: formatTimestamp(now),
    status: 'True',
    type: 'PodScheduled',
  };
  if (existing && existing.status === 'True' && existing.lastTransitionTime !== undefined) {
    scheduled.lastTransitionTime = existing.lastTransitionTime;
  }
  status.conditions = existing
    ? conditions.map((condition) => (condition === existing ? scheduled : condition))
    : [...conditions, scheduled];
}
