// apps/v1 Deployments: SetDefaults_Deployment, ValidateDeploymentSpec and
// pkg/registry/apps/deployment/strategy.go.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { goIntOrStringField, goLabelSelector, goStrategy } from './go-values';
import {
  intOrPercentValue,
  isIntOrString,
  validateNonNegative,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from './intstr';
import { applyTemplateDefaults, validateReplicatedTemplate } from './pod-template';
import { parseSelector, selectorText, validateRequiredSelector, validateTemplateLabelsMatch } from './selector';
import { semanticEqual } from './semantic';
import { validateWorkloadStatus, type StatusRules } from './status-validation';
import { child } from '../pod/json';
import { recordOf, specRecord, stringMapOf, type LabelSelector, type PodTemplateSpec } from './types';
import { decodeWorkloadSpec } from './decode';

function applyDeploymentDefaults(object: KubeObject): void {
  decodeWorkloadSpec(object);
  const spec = specRecord(object);
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  const strategy = child(spec, 'strategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = child(strategy, 'rollingUpdate');
    if (rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null) {
      rollingUpdate.maxUnavailable = '25%';
    }
    if (rollingUpdate.maxSurge === undefined || rollingUpdate.maxSurge === null) rollingUpdate.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) {
    spec.progressDeadlineSeconds = 600;
  }
  applyTemplateDefaults(spec, 'Deployment');
}

/** ValidateRollingUpdateDeployment. */
function validateRollingUpdate(rollingUpdate: Record<string, unknown>, path: string): FieldError[] {
  const maxUnavailable = isIntOrString(rollingUpdate.maxUnavailable) ? rollingUpdate.maxUnavailable : 0;
  const maxSurge = isIntOrString(rollingUpdate.maxSurge) ? rollingUpdate.maxSurge : 0;
  const errors = [
    ...validatePositiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(maxSurge, `${path}.maxSurge`),
  ];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errors.push(
      fieldErrors.invalid(
        `${path}.maxUnavailable`,
        goIntOrStringField(rollingUpdate.maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  errors.push(...validateNotMoreThan100Percent(maxUnavailable, `${path}.maxUnavailable`));
  return errors;
}

/** ValidateDeploymentStrategy. */
function validateStrategy(strategy: Record<string, unknown>, path: string): FieldError[] {
  const rollingUpdate = recordOf(strategy.rollingUpdate);
  switch (strategy.type) {
    case 'Recreate':
      return rollingUpdate
        ? [fieldErrors.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      return rollingUpdate
        ? validateRollingUpdate(rollingUpdate, `${path}.rollingUpdate`)
        : [fieldErrors.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    default:
      return [
        fieldErrors.notSupported(path, goStrategy('DeploymentStrategy', 'RollingUpdateDeployment', strategy), [
          'Recreate',
          'RollingUpdate',
        ]),
      ];
  }
}

/**
 * The selector and template checks shared by Deployments and ReplicaSets:
 * required non-empty selector, then (if it parses) the template.
 */
export function validateSelectorAndTemplate(spec: Record<string, unknown>, kindWord: string): FieldError[] {
  const selector = recordOf(spec.selector) as LabelSelector | undefined;
  const errors = validateRequiredSelector(selector, 'spec.selector', 'empty selector is invalid for deployment');
  const parsed = parseSelector(selector);
  if (!parsed) {
    errors.push(fieldErrors.invalid('spec.selector', goLabelSelector(selector), 'invalid label selector'));
    return errors;
  }
  const template = (recordOf(spec.template) ?? {}) as PodTemplateSpec;
  errors.push(...validateTemplateLabelsMatch(parsed, stringMapOf(template.metadata?.labels), 'spec.template'));
  errors.push(...validateReplicatedTemplate(template, 'spec.template', kindWord));
  return errors;
}

/** ValidateDeploymentSpec. */
function validateDeploymentSpec(object: KubeObject): FieldError[] {
  const spec = recordOf(object.spec) ?? {};
  const errors = [
    ...validateNonNegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet'),
    ...validateStrategy(recordOf(spec.strategy) ?? {}, 'spec.strategy'),
    ...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateNonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    errors.push(...validateNonNegative(deadline, 'spec.progressDeadlineSeconds'));
    const minReadySeconds = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (deadline <= minReadySeconds) {
      errors.push(
        fieldErrors.invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'),
      );
    }
  }
  return errors;
}

/** Selector immutability of apps/v1 (ValidateImmutableField with a semantic comparison). */
export function validateSelectorUnchanged(object: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  const selector = recordOf(object.spec)?.selector;
  const oldSelector = recordOf(old.spec)?.selector;
  if (semanticEqual(selector, oldSelector)) return [];
  return [fieldErrors.invalid('spec.selector', goLabelSelector(selector), 'field is immutable')];
}

/** ValidateDeploymentStatus. */
const DEPLOYMENT_STATUS: StatusRules = {
  counts: [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ],
  boundedByReplicas: ['updatedReplicas', 'readyReplicas', 'availableReplicas'],
  availableNotAboveReady: 'cannot be greater than readyReplicas',
};

export const deploymentStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: applyDeploymentDefaults,
  prepareForCreate(object) {
    object.status = {};
  },
  validate: validateDeploymentSpec,
  validateUpdate(object, old) {
    return [...validateDeploymentSpec(object), ...validateSelectorUnchanged(object, old)];
  },
  validateStatusUpdate: (object, old) => validateWorkloadStatus(object, old, DEPLOYMENT_STATUS),
};

export const deploymentDefinition: ResourceDefinition = {
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  singularName: 'deployment',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: deploymentStrategy,
  status: true,
  scale: { selector: selectorText },
  generation: true,
};
