// The Pod registry (pkg/registry/core/pod/strategy.go, 1.32): defaults on
// decode, Pending status and QoS class on create, status kept by spec
// writes, CheckGracefulDelete, and the binding allowance.
import type { KubeObject } from '../../api/objects';
import type { Strategy, StrategyContext } from '../../api/strategy';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { isBindingWrite, markScheduled } from './binding';
import { applyPodDefaults, mirrorServiceAccount } from './defaults';
import { child, record, records, text } from './json';
import { computePodQos } from './qos';
import { validatePodCreate, validatePodUpdate } from './validation/pod';
import { validatePodStatusUpdate } from './validation/status';

const GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

/** applySchedulingGatedCondition: a gated pod says why it is not scheduled. */
function applySchedulingGatedCondition(pod: KubeObject, status: Record<string, unknown>): void {
  if (records(record(pod.spec).schedulingGates).length === 0) return;
  const conditions = records(status.conditions);
  conditions.push({
    lastProbeTime: null,
    lastTransitionTime: null,
    message: GATED_MESSAGE,
    reason: 'SchedulingGated',
    status: 'False',
    type: 'PodScheduled',
  });
  status.conditions = conditions;
}

/** CheckGracefulDelete: pods on a node that have not finished get a grace period. */
export function podGracePeriod(pod: Readonly<KubeObject>, requested: number | undefined): number {
  const spec = record(pod.spec);
  let period =
    requested ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 0);
  if (!text(spec.nodeName)) period = 0;
  const phase = text(record(pod.status).phase);
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  if (period < 0) period = 1;
  return period;
}

export const podStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,

  applyDefaults: (pod) => applyPodDefaults(pod),

  prepareForCreate(pod: KubeObject): void {
    // Admission may have set serviceAccountName after decoding.
    mirrorServiceAccount(child(pod, 'spec'));
    const status: Record<string, unknown> = { phase: 'Pending', qosClass: computePodQos(pod) };
    applySchedulingGatedCondition(pod, status);
    pod.status = status;
  },

  validate: (pod) => validatePodCreate(pod),

  prepareForUpdate(pod: KubeObject, _old: Readonly<KubeObject>, context: StrategyContext): void {
    mirrorServiceAccount(child(pod, 'spec'));
    if (isBindingWrite(pod)) markScheduled(child(pod, 'status'), context.now);
  },

  validateUpdate: (pod, old) => validatePodUpdate(pod, old, { binding: isBindingWrite(pod) }),

  prepareForStatusUpdate(pod: KubeObject, old: Readonly<KubeObject>): void {
    // The QoS class is fixed at creation; old kubelets dropped it on rejection.
    const status = child(pod, 'status');
    const oldQos = record(old.status).qosClass;
    if (!status.qosClass && oldQos !== undefined) status.qosClass = oldQos;
  },

  validateStatusUpdate: (pod, old) => validatePodStatusUpdate(pod, old),

  gracefulDeletion: (pod, requested) => podGracePeriod(pod, requested),
};
