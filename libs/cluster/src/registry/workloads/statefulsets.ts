// apps/v1 StatefulSets: SetDefaults_StatefulSet (StatefulSetAutoDeletePVC on,
// MaxUnavailableStatefulSet off, as in 1.32), ValidateStatefulSetSpec and
// ValidateStatefulSetUpdate.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import { isRecord, type KubeObject } from '../../api/objects';
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { nameIsDNSLabel } from '../../api/validation/names';
import { validateAnnotations, validateLabels } from '../../api/validation/object-meta';
import { goLabelSelector, goStatefulSetRollingUpdate, goStrategy } from './go-values';
import {
  intOrPercentValue,
  isIntOrString,
  validateNonNegative,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from './intstr';
import { applyTemplateDefaults, validateAlwaysRestart } from './pod-template';
import { parseSelector, selectorText, validateRequiredSelector, validateTemplateLabelsMatch } from './selector';
import { semanticEqual } from './semantic';
import { validateWorkloadStatus, type StatusRules } from './status-validation';
import { child } from '../pod/json';
import { recordOf, specRecord, stringMapOf, type LabelSelector, type PodTemplateSpec } from './types';
import { goIntOrStringField } from './go-values';
import { decodeWorkloadSpec } from './decode';

const RETENTION_POLICIES = ['Retain', 'Delete'];

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A volumeClaimTemplate as SetDefaults_PersistentVolumeClaim leaves it. */
function applyClaimTemplateDefaults(claim: unknown): void {
  if (!isRecord(claim)) return;
  if (claim.apiVersion === undefined) claim.apiVersion = 'v1';
  if (claim.kind === undefined) claim.kind = 'PersistentVolumeClaim';
  const metadata = child(claim, 'metadata');
  if (metadata.creationTimestamp === undefined) metadata.creationTimestamp = null;
  const spec = child(claim, 'spec');
  if (isUnset(spec.volumeMode)) spec.volumeMode = 'Filesystem';
  const status = child(claim, 'status');
  if (isUnset(status.phase)) status.phase = 'Pending';
}

function applyStatefulSetDefaults(object: KubeObject): void {
  decodeWorkloadSpec(object);
  const spec = specRecord(object);
  if (isUnset(spec.podManagementPolicy)) spec.podManagementPolicy = 'OrderedReady';
  const updateStrategy = child(spec, 'updateStrategy');
  if (isUnset(updateStrategy.type)) {
    updateStrategy.type = 'RollingUpdate';
    child(updateStrategy, 'rollingUpdate');
  }
  const rollingUpdate = recordOf(updateStrategy.rollingUpdate);
  if (updateStrategy.type === 'RollingUpdate' && rollingUpdate && isUnset(rollingUpdate.partition)) {
    rollingUpdate.partition = 0;
  }
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
  if (isUnset(retention.whenDeleted)) retention.whenDeleted = 'Retain';
  if (isUnset(retention.whenScaled)) retention.whenScaled = 'Retain';
  if (isUnset(spec.replicas)) spec.replicas = 1;
  if (isUnset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  applyTemplateDefaults(spec, 'StatefulSet');
  if (Array.isArray(spec.volumeClaimTemplates)) spec.volumeClaimTemplates.forEach(applyClaimTemplateDefaults);
}

function validateRollingUpdate(rollingUpdate: Record<string, unknown>, path: string): FieldError[] {
  const errors = validateNonNegative(rollingUpdate.partition, `${path}.partition`);
  const maxUnavailable = rollingUpdate.maxUnavailable;
  if (isIntOrString(maxUnavailable)) {
    errors.push(...validatePositiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`));
    if (intOrPercentValue(maxUnavailable) === 0) {
      errors.push(fieldErrors.invalid(`${path}.maxUnavailable`, goIntOrStringField(maxUnavailable), 'cannot be 0'));
    }
    errors.push(...validateNotMoreThan100Percent(maxUnavailable, `${path}.maxUnavailable`));
  }
  return errors;
}

function validateUpdateStrategy(strategy: Record<string, unknown>, path: string): FieldError[] {
  const rollingUpdate = recordOf(strategy.rollingUpdate);
  switch (strategy.type) {
    case undefined:
    case '':
      return [fieldErrors.required(path)];
    case 'OnDelete':
      return rollingUpdate
        ? [
            fieldErrors.invalid(
              `${path}.rollingUpdate`,
              goStatefulSetRollingUpdate(rollingUpdate),
              "only allowed for updateStrategy 'RollingUpdate'",
            ),
          ]
        : [];
    case 'RollingUpdate':
      return rollingUpdate ? validateRollingUpdate(rollingUpdate, `${path}.rollingUpdate`) : [];
    default:
      return [
        fieldErrors.invalid(
          path,
          goStrategy('StatefulSetUpdateStrategy', 'RollingUpdateStatefulSetStrategy', strategy),
          "must be 'RollingUpdate' or 'OnDelete'",
        ),
      ];
  }
}

function validateRetentionPolicy(policy: Record<string, unknown> | undefined, path: string): FieldError[] {
  if (!policy) return [];
  const errors: FieldError[] = [];
  for (const field of ['whenDeleted', 'whenScaled']) {
    const value = typeof policy[field] === 'string' ? policy[field] : '';
    if (!RETENTION_POLICIES.includes(value))
      errors.push(fieldErrors.notSupported(`${path}.${field}`, value, RETENTION_POLICIES));
  }
  return errors;
}

function validatePodManagementPolicy(policy: unknown): FieldError[] {
  if (isUnset(policy)) return [fieldErrors.required('spec.podManagementPolicy')];
  if (policy === 'OrderedReady' || policy === 'Parallel') return [];
  return [fieldErrors.invalid('spec.podManagementPolicy', String(policy), "must be 'OrderedReady' or 'Parallel'")];
}

/** ValidateStatefulSetSpec: only the template's labels and annotations are checked, not its pod spec. */
function validateStatefulSetSpec(object: KubeObject): FieldError[] {
  const spec = recordOf(object.spec) ?? {};
  const errors = [
    ...validatePodManagementPolicy(spec.podManagementPolicy),
    ...validateUpdateStrategy(recordOf(spec.updateStrategy) ?? {}, 'spec.updateStrategy'),
    ...validateRetentionPolicy(
      recordOf(spec.persistentVolumeClaimRetentionPolicy),
      'spec.persistentVolumeClaimRetentionPolicy',
    ),
    ...validateNonNegative(spec.replicas, 'spec.replicas'),
    ...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateNonNegative(recordOf(spec.ordinals)?.start, 'spec.ordinals.start'),
  ];
  const selector = recordOf(spec.selector) as LabelSelector | undefined;
  errors.push(...validateRequiredSelector(selector, 'spec.selector', 'empty selector is invalid for statefulset'));
  const template = (recordOf(spec.template) ?? {}) as PodTemplateSpec;
  const parsed = parseSelector(selector);
  if (!parsed) {
    errors.push(fieldErrors.invalid('spec.selector', goLabelSelector(selector), ''));
  } else {
    const labels = stringMapOf(template.metadata?.labels);
    errors.push(...validateTemplateLabelsMatch(parsed, labels, 'spec.template'));
    errors.push(...validateLabels(labels ?? {}, 'spec.template.labels'));
    errors.push(...validateAnnotations(stringMapOf(template.metadata?.annotations) ?? {}, 'spec.template.annotations'));
  }
  errors.push(...validateAlwaysRestart(template, 'spec.template', 'StatefulSet'));
  return errors;
}

const MUTABLE_FIELDS = [
  'replicas',
  'template',
  'updateStrategy',
  'minReadySeconds',
  'ordinals',
  'persistentVolumeClaimRetentionPolicy',
];

function validateStatefulSetUpdate(object: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  const errors = validateStatefulSetSpec(object);
  const spec = { ...(recordOf(object.spec) ?? {}) };
  const oldSpec = recordOf(old.spec) ?? {};
  for (const field of MUTABLE_FIELDS) spec[field] = oldSpec[field];
  if (!semanticEqual(spec, oldSpec)) {
    errors.push(
      fieldErrors.forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errors;
}

const STATEFUL_SET_STATUS: StatusRules = {
  counts: [
    'replicas',
    'readyReplicas',
    'currentReplicas',
    'updatedReplicas',
    'availableReplicas',
    'observedGeneration',
  ],
  boundedByReplicas: ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'],
  availableNotAboveReady: 'cannot be greater than status.readyReplicas',
};

export const statefulSetStrategy: Strategy = {
  nameValidator: nameIsDNSLabel,
  applyDefaults: applyStatefulSetDefaults,
  prepareForCreate(object) {
    // replicas and availableReplicas have no omitempty in StatefulSetStatus.
    object.status = { availableReplicas: 0, replicas: 0 };
  },
  validate: validateStatefulSetSpec,
  validateUpdate: validateStatefulSetUpdate,
  validateStatusUpdate: (object, old) => validateWorkloadStatus(object, old, STATEFUL_SET_STATUS),
};

export const statefulSetDefinition: ResourceDefinition = {
  group: 'apps',
  version: 'v1',
  resource: 'statefulsets',
  singularName: 'statefulset',
  kind: 'StatefulSet',
  namespaced: true,
  shortNames: ['sts'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: statefulSetStrategy,
  status: true,
  scale: { selector: selectorText },
  generation: true,
};
