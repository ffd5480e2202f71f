// Pod templates inside workloads: defaulted like a Pod's spec (the template
// itself gets `metadata.creationTimestamp: null`, as Go serializes a zero
// metav1.Time), validated like a Pod, plus the ReplicaSet-family rules.
import { fieldErrors, FieldPath, type FieldError } from '../../api/field-errors';
import { isRecord } from '../../api/objects';
import { validateAnnotations, validateLabels } from '../../api/validation/object-meta';
import { applyPodSpecDefaults } from '../pod/defaults';
import { validatePodSpec } from '../pod/validation/spec';
import { child } from '../pod/json';
import { stringMapOf, type PodTemplateSpec } from './types';

/** Defaults `spec.template` of a workload in place; `kind` names the object in quantity decode errors. */
export function applyTemplateDefaults(spec: Record<string, unknown>, kind: string): void {
  const template = child(spec, 'template');
  const metadata = child(template, 'metadata');
  if (metadata.creationTimestamp === undefined) metadata.creationTimestamp = null;
  applyPodSpecDefaults(child(template, 'spec'), { kind, version: 'v1' });
}

/**
 * ValidatePodTemplateSpec: the template's labels and annotations (at
 * `<path>.labels`, not under metadata, as Kubernetes words them), its pod
 * spec, and no ephemeral containers.
 */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  const errors = [
    ...validateLabels(stringMapOf(template.metadata?.labels), `${path}.labels`),
    ...validateAnnotations(stringMapOf(template.metadata?.annotations), `${path}.annotations`),
    ...validatePodSpec(templateSpec(template), FieldPath.root(path).child('spec'), { resourceIsPod: false }),
  ];
  const ephemeral = templateSpec(template).ephemeralContainers;
  if (Array.isArray(ephemeral) && ephemeral.length) {
    errors.push(
      fieldErrors.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'),
    );
  }
  return errors;
}

export function templateSpec(template: PodTemplateSpec | undefined): Record<string, unknown> {
  return template && isRecord(template.spec) ? template.spec : {};
}

/**
 * ValidatePodTemplateSpecForReplicaSet without the selector check: the pod
 * template, then only `Always` restarts and no active deadline.
 */
export function validateReplicatedTemplate(template: PodTemplateSpec, path: string, kindWord: string): FieldError[] {
  const errors = validatePodTemplateSpec(template, path);
  errors.push(...validateAlwaysRestart(template, path, kindWord));
  return errors;
}

/** The restartPolicy and activeDeadlineSeconds rules every pod-replicating kind adds. */
export function validateAlwaysRestart(template: PodTemplateSpec, path: string, kindWord: string): FieldError[] {
  const errors: FieldError[] = [];
  const spec = templateSpec(template);
  const restartPolicy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : '';
  if (restartPolicy !== 'Always') {
    errors.push(fieldErrors.notSupported(`${path}.spec.restartPolicy`, restartPolicy, ['Always']));
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errors.push(
      fieldErrors.forbidden(
        `${path}.spec.activeDeadlineSeconds`,
        `activeDeadlineSeconds in ${kindWord} is not Supported`,
      ),
    );
  }
  return errors;
}
