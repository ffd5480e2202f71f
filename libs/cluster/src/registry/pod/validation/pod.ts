// ValidatePodCreate, ValidatePodUpdate and ValidatePodTemplateSpec of
// pkg/apis/core/validation (1.32). Object metadata is validated by the
// generic pipeline; these cover what is specific to pods.
import { fieldErrors, FieldPath, type FieldError } from '../../../api/field-errors';
import { cloneJson, isRecord, type KubeObject, type ObjectMeta } from '../../../api/objects';
import { validateAnnotations } from '../../../api/validation/object-meta';
import { validateLabels } from '../../../api/validation/labels';
import { podSpecDiff, podSpecsSemanticallyEqual } from '../diff/pod-spec-diff';
import { record, records, text, type JsonRecord } from '../json';
import { rangeError } from './common';
import { validateTolerations } from './scheduling';
import { validatePodSpec } from './spec';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const MAX_INT32 = 2147483647;

export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

const SPEC = FieldPath.root('spec');

function specOf(pod: Readonly<KubeObject>): JsonRecord {
  return record(pod.spec);
}

/** ValidatePodSpecificAnnotations: the mirror-pod and deletion-cost annotations. */
function validatePodAnnotations(
  annotations: Record<string, string> | undefined,
  spec: JsonRecord,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  const mirror = annotations?.[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !text(spec.nodeName)) {
    errors.push(
      fieldErrors.invalid(
        String(path.key(MIRROR_POD_ANNOTATION)),
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  }
  const cost = annotations?.[DELETION_COST_ANNOTATION];
  if (cost !== undefined && !/^[+-]?\d+$/.test(cost.trim())) {
    errors.push(fieldErrors.invalid(String(path.key(DELETION_COST_ANNOTATION)), cost, 'must be a 32bit integer'));
  } else if (cost !== undefined && (Number(cost) > MAX_INT32 || Number(cost) < -MAX_INT32 - 1)) {
    errors.push(fieldErrors.invalid(String(path.key(DELETION_COST_ANNOTATION)), cost, 'must be a 32bit integer'));
  }
  return errors;
}

/** validatePodMetadataAndSpec without the generic ObjectMeta part. */
function validatePodMetadataAndSpec(pod: Readonly<KubeObject>): FieldError[] {
  const spec = specOf(pod);
  const errors = validatePodAnnotations(
    pod.metadata.annotations,
    spec,
    FieldPath.root('metadata').child('annotations'),
  );
  errors.push(...validatePodSpec(spec, SPEC, { resourceIsPod: true }));
  if (!text(spec.serviceAccountName)) {
    records(spec.volumes).forEach((volume, index) => {
      records(record(volume.projected).sources).forEach((source, sourceIndex) => {
        if (!isRecord(source.serviceAccountToken)) return;
        const at = SPEC.child('volumes')
          .index(index)
          .child('projected', 'sources')
          .index(sourceIndex)
          .child('serviceAccountToken');
        errors.push(fieldErrors.forbidden(String(at), 'must not be specified when serviceAccountName is not set'));
      });
    });
  }
  for (const list of ['containers', 'initContainers']) {
    records(spec[list]).forEach((container, index) => {
      const image = text(container.image);
      if (image !== image.trim()) {
        errors.push(
          fieldErrors.invalid(
            String(SPEC.child(list).index(index).child('image')),
            image,
            'must not have leading or trailing whitespace',
          ),
        );
      }
    });
  }
  return errors;
}

export function validatePodCreate(pod: Readonly<KubeObject>): FieldError[] {
  const spec = specOf(pod);
  const errors = validatePodMetadataAndSpec(pod);
  if (records(spec.ephemeralContainers).length > 0) {
    errors.push(fieldErrors.forbidden(String(SPEC.child('ephemeralContainers')), 'cannot be set on create'));
  }
  if (text(spec.nodeName) && records(spec.schedulingGates).length > 0) {
    errors.push(
      fieldErrors.forbidden(
        String(SPEC.child('nodeName')),
        'cannot be set until all schedulingGates have been cleared',
      ),
    );
  }
  return errors;
}

/** ValidatePodTemplateSpec, for the workloads: labels are checked at `<path>.labels`, as Go does. */
export function validatePodTemplateSpec(
  template: { metadata?: ObjectMeta; spec?: Record<string, unknown> },
  path: string,
): FieldError[] {
  const base = FieldPath.root(path);
  const metadata = template.metadata ?? {};
  const spec = record(template.spec);
  const errors = validateLabels(metadata.labels, base.child('labels'));
  errors.push(...validateAnnotations(metadata.annotations, base.child('annotations')));
  errors.push(...validatePodAnnotations(metadata.annotations, spec, base.child('annotations')));
  errors.push(...validatePodSpec(spec, base.child('spec'), { resourceIsPod: false }));
  if (records(spec.ephemeralContainers).length > 0) {
    errors.push(
      fieldErrors.forbidden(
        String(base.child('spec', 'ephemeralContainers')),
        'ephemeral containers not allowed in pod template',
      ),
    );
  }
  return errors;
}

function validateContainerUpdates(
  updated: JsonRecord[],
  old: JsonRecord[],
  path: FieldPath,
): { errors: FieldError[]; stop: boolean } {
  if (updated.length !== old.length) {
    return {
      errors: [fieldErrors.forbidden(String(path), 'pod updates may not add or remove containers')],
      stop: true,
    };
  }
  const errors: FieldError[] = [];
  updated.forEach((container, index) => {
    const image = text(container.image);
    if (!image) errors.push(fieldErrors.required(String(path.index(index).child('image'))));
    if (image.trim().length !== image.length) {
      errors.push(
        fieldErrors.invalid(
          String(path.index(index).child('image')),
          image,
          'must not have leading or trailing whitespace',
        ),
      );
    }
  });
  return { errors, stop: false };
}

/** validateOnlyAddedTolerations: old tolerations stay, except their tolerationSeconds. */
function validateOnlyAddedTolerations(updated: JsonRecord[], old: JsonRecord[], path: FieldPath): FieldError[] {
  const sameBut = (a: JsonRecord, b: JsonRecord): boolean =>
    ['key', 'operator', 'value', 'effect'].every((key) => text(a[key]) === text(b[key]));
  for (const previous of old) {
    if (!updated.some((toleration) => sameBut(previous, toleration))) {
      return [
        fieldErrors.forbidden(String(path), 'existing toleration can not be modified except its tolerationSeconds'),
      ];
    }
  }
  return validateTolerations(updated, path);
}

function validateOnlyDeletedSchedulingGates(updated: JsonRecord[], old: JsonRecord[], path: FieldPath): FieldError[] {
  const oldNames = new Set(old.map((gate) => text(gate.name)));
  const errors: FieldError[] = [];
  updated.forEach((gate, index) => {
    const name = text(gate.name);
    if (!oldNames.has(name)) {
      errors.push(
        fieldErrors.forbidden(
          String(path.index(index).child('name')),
          `only deletion is allowed, but found new scheduling gate '${name}'`,
        ),
      );
    }
  });
  return errors;
}

export interface PodUpdateOptions {
  /** The write is the scheduler's binding (pods/binding): spec.nodeName may be set. */
  binding?: boolean;
}

/** ValidatePodUpdate: only images, deadlines, added tolerations, removed gates and a fixed grace period may change. */
export function validatePodUpdate(
  pod: Readonly<KubeObject>,
  old: Readonly<KubeObject>,
  options: PodUpdateOptions = {},
): FieldError[] {
  const spec = specOf(pod);
  const oldSpec = specOf(old);
  const errors = validatePodMetadataAndSpec(pod);
  errors.push(...validateMirrorAnnotationUpdate(pod, old));
  for (const list of ['containers', 'initContainers']) {
    const result = validateContainerUpdates(records(spec[list]), records(oldSpec[list]), SPEC.child(list));
    errors.push(...result.errors);
    if (result.stop) return errors;
  }
  const deadline = spec.activeDeadlineSeconds;
  const oldDeadline = oldSpec.activeDeadlineSeconds;
  if (typeof deadline === 'number') {
    const rangeErrors = rangeError(deadline, 0, MAX_INT32, SPEC.child('activeDeadlineSeconds'));
    if (rangeErrors.length) return [...errors, ...rangeErrors];
    if (typeof oldDeadline === 'number' && oldDeadline < deadline) {
      return [
        ...errors,
        fieldErrors.invalid(
          String(SPEC.child('activeDeadlineSeconds')),
          deadline,
          'must be less than or equal to previous value',
        ),
      ];
    }
  } else if (typeof oldDeadline === 'number') {
    errors.push(
      fieldErrors.invalid(
        String(SPEC.child('activeDeadlineSeconds')),
        null,
        'must not update from a positive integer to nil value',
      ),
    );
  }
  errors.push(
    ...validateOnlyAddedTolerations(records(spec.tolerations), records(oldSpec.tolerations), SPEC.child('tolerations')),
  );
  errors.push(
    ...validateOnlyDeletedSchedulingGates(
      records(spec.schedulingGates),
      records(oldSpec.schedulingGates),
      SPEC.child('schedulingGates'),
    ),
  );
  if (podSpecsSemanticallyEqual(spec, oldSpec)) return errors;
  const munged = mungeUpdatableFields(spec, oldSpec, options);
  if (!podSpecsSemanticallyEqual(munged, oldSpec)) {
    const detail = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${podSpecDiff(oldSpec, munged)}`;
    errors.push(fieldErrors.forbidden(String(SPEC), detail));
  }
  return errors;
}

/** The new spec with every field a pod update may change put back to its old value. */
function mungeUpdatableFields(spec: JsonRecord, oldSpec: JsonRecord, options: PodUpdateOptions): JsonRecord {
  const munged = cloneJson(spec);
  for (const list of ['containers', 'initContainers']) {
    const oldContainers = records(oldSpec[list]);
    records(munged[list]).forEach((container, index) => {
      container.image = oldContainers[index]?.image;
    });
  }
  restore(munged, oldSpec, 'activeDeadlineSeconds');
  restore(munged, oldSpec, 'schedulingGates');
  restore(munged, oldSpec, 'tolerations');
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (options.binding) restore(munged, oldSpec, 'nodeName');
  return munged;
}

function restore(target: JsonRecord, source: JsonRecord, key: string): void {
  if (source[key] === undefined) delete target[key];
  else target[key] = cloneJson(source[key]);
}

/** The mirror-pod part of ValidatePodSpecificAnnotationUpdates. */
function validateMirrorAnnotationUpdate(pod: Readonly<KubeObject>, old: Readonly<KubeObject>): FieldError[] {
  const path = FieldPath.root('metadata').child('annotations').key(MIRROR_POD_ANNOTATION);
  const before = old.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  const after = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  if (before !== undefined && before !== after)
    return [fieldErrors.forbidden(String(path), 'may not remove or update mirror pod annotation')];
  if (before === undefined && after !== undefined)
    return [fieldErrors.forbidden(String(path), 'may not add mirror pod annotation')];
  return [];
}
