// Status validation of the replicating kinds (ValidateDeploymentStatus,
// ValidateReplicaSetStatus, ValidateStatefulSetStatus...): counts are never
// negative, never above status.replicas, and collisionCount never goes down.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import { validateNonNegative } from './intstr';
import { numberOr, recordOf } from './types';

export interface StatusRules {
  /** Fields checked non-negative, in the order of the Go validation. */
  counts: string[];
  /** Fields that may not exceed `status.replicas`. */
  boundedByReplicas: string[];
  /** availableReplicas may not exceed readyReplicas; its message names the field as written. */
  availableNotAboveReady?: string;
}

export function validateWorkloadStatus(
  object: KubeObject,
  old: Readonly<KubeObject>,
  rules: StatusRules,
): FieldError[] {
  const status = recordOf(object.status) ?? {};
  const errors: FieldError[] = [];
  for (const field of rules.counts) errors.push(...validateNonNegative(status[field], `status.${field}`));
  errors.push(...validateNonNegative(status.collisionCount, 'status.collisionCount'));
  const replicas = numberOr(status.replicas, 0);
  for (const field of rules.boundedByReplicas) {
    const value = numberOr(status[field], 0);
    if (value > replicas)
      errors.push(fieldErrors.invalid(`status.${field}`, value, 'cannot be greater than status.replicas'));
  }
  const available = numberOr(status.availableReplicas, 0);
  if (rules.availableNotAboveReady && available > numberOr(status.readyReplicas, 0)) {
    errors.push(fieldErrors.invalid('status.availableReplicas', available, rules.availableNotAboveReady));
  }
  errors.push(...validateCollisionCountNotDecremented(object, old));
  return errors;
}

/** IsDecremented(collisionCount): a set count may not go down or be cleared. */
export function validateCollisionCountNotDecremented(object: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  const previous = recordOf(old.status)?.collisionCount;
  if (typeof previous !== 'number') return [];
  const current = recordOf(object.status)?.collisionCount;
  const value = typeof current === 'number' ? current : undefined;
  if (value !== undefined && value >= previous) return [];
  return [fieldErrors.invalid('status.collisionCount', value ?? 0, 'cannot be decremented')];
}
