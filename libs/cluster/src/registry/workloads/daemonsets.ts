// apps/v1 DaemonSets: SetDefaults_DaemonSet, ValidateDaemonSetSpec and
// pkg/registry/apps/daemonset/strategy.go. The internal TemplateGeneration
// lives in apps/v1 as the `deprecated.daemonset.template.generation`
// annotation, which the server keeps: 1 on create, +1 per template change.
import { fieldErrors, goStringMap, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { validateSelectorUnchanged } from './deployments';
import { goIntOrStringField, goLabelSelector, goStrategy } from './go-values';
import {
  intOrPercentValue,
  isIntOrString,
  validateNonNegative,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from './intstr';
import { applyTemplateDefaults, validateAlwaysRestart, validatePodTemplateSpec } from './pod-template';

import { isEmptySelector, parseSelector } from './selector';
import { semanticEqual } from './semantic';
import { validateWorkloadStatus, type StatusRules } from './status-validation';
import { child } from '../pod/json';
import { recordOf, specRecord, stringMapOf, type LabelSelector, type PodTemplateSpec } from './types';
import { validateLabelSelector } from '../../store/label-selector';
import { decodeWorkloadSpec } from './decode';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function applyDaemonSetDefaults(object: KubeObject): void {
  decodeWorkloadSpec(object);
  const spec = specRecord(object);
  const updateStrategy = child(spec, 'updateStrategy');
  if (!updateStrategy.type) updateStrategy.type = 'RollingUpdate';
  if (updateStrategy.type === 'RollingUpdate') {
    const rollingUpdate = child(updateStrategy, 'rollingUpdate');
    if (rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null) {
      rollingUpdate.maxUnavailable = 1;
    }
    if (rollingUpdate.maxSurge === undefined || rollingUpdate.maxSurge === null) rollingUpdate.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  applyTemplateDefaults(spec, 'DaemonSet');
}

/** ValidateRollingUpdateDaemonSet: exactly one of maxSurge and maxUnavailable is non-zero. */
function validateRollingUpdate(rollingUpdate: Record<string, unknown>, path: string): FieldError[] {
  const maxUnavailable = isIntOrString(rollingUpdate.maxUnavailable) ? rollingUpdate.maxUnavailable : 0;
  const maxSurge = isIntOrString(rollingUpdate.maxSurge) ? rollingUpdate.maxSurge : 0;
  const errors = [
    ...validatePositiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(maxSurge, `${path}.maxSurge`),
    ...validateNotMoreThan100Percent(maxUnavailable, `${path}.maxUnavailable`),
    ...validateNotMoreThan100Percent(maxSurge, `${path}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errors.push(
      fieldErrors.invalid(
        `${path}.maxSurge`,
        goIntOrStringField(rollingUpdate.maxSurge),
        'may not be set when maxUnavailable is non-zero',
      ),
    );
  } else if (!hasUnavailable && !hasSurge) {
    errors.push(fieldErrors.required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  }
  return errors;
}

function validateUpdateStrategy(strategy: Record<string, unknown>, path: string): FieldError[] {
  switch (strategy.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const rollingUpdate = recordOf(strategy.rollingUpdate);
      if (!rollingUpdate) return [fieldErrors.required(`${path}.rollingUpdate`)];
      return validateRollingUpdate(rollingUpdate, `${path}.rollingUpdate`);
    }
    default:
      return [
        fieldErrors.notSupported(path, goStrategy('DaemonSetUpdateStrategy', 'RollingUpdateDaemonSet', strategy), [
          'RollingUpdate',
          'OnDelete',
        ]),
      ];
  }
}

/** ValidateDaemonSetSpec: a nil selector is not "required" here, it just matches nothing. */
function validateDaemonSetSpec(object: KubeObject): FieldError[] {
  const spec = recordOf(object.spec) ?? {};
  const selector = recordOf(spec.selector) as LabelSelector | undefined;
  const template = (recordOf(spec.template) ?? {}) as PodTemplateSpec;
  const labels = stringMapOf(template.metadata?.labels);
  const errors = selector ? validateLabelSelector(selector, 'spec.selector') : [];
  const parsed = parseSelector(selector);
  if (parsed && !parsed.matches(labels ?? {})) {
    errors.push(
      fieldErrors.invalid(
        'spec.template.metadata.labels',
        goStringMap(labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  if (selector && isEmptySelector(selector)) {
    errors.push(
      fieldErrors.invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for daemonset'),
    );
  }
  errors.push(...validatePodTemplateSpec(template, 'spec.template'));
  errors.push(...validateAlwaysRestart(template, 'spec.template', 'DaemonSet'));
  errors.push(...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...validateUpdateStrategy(recordOf(spec.updateStrategy) ?? {}, 'spec.updateStrategy'));
  errors.push(...validateNonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errors;
}

function templateGeneration(object: Readonly<KubeObject>): number {
  const value = Number.parseInt(object.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '', 10);
  return Number.isNaN(value) ? 0 : value;
}

function setTemplateGeneration(object: KubeObject, generation: number): void {
  object.metadata.annotations = {
    ...object.metadata.annotations,
    [TEMPLATE_GENERATION_ANNOTATION]: String(generation),
  };
}

const DAEMON_SET_STATUS: StatusRules = {
  counts: [
    'currentNumberScheduled',
    'numberMisscheduled',
    'desiredNumberScheduled',
    'numberReady',
    'observedGeneration',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
  ],
  boundedByReplicas: [],
};

export const daemonSetStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: applyDaemonSetDefaults,
  prepareForCreate(object) {
    // These four counts have no omitempty in DaemonSetStatus.
    object.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    setTemplateGeneration(object, Math.max(1, templateGeneration(object)));
  },
  validate: validateDaemonSetSpec,
  prepareForUpdate(object, old) {
    const templateChanged = !semanticEqual(recordOf(object.spec)?.template, recordOf(old.spec)?.template);
    setTemplateGeneration(object, templateGeneration(old) + (templateChanged ? 1 : 0));
  },
  validateUpdate(object, old) {
    return [...validateDaemonSetSpec(object), ...validateSelectorUnchanged(object, old)];
  },
  validateStatusUpdate: (object, old) => validateWorkloadStatus(object, old, DAEMON_SET_STATUS),
};

export const daemonSetDefinition: ResourceDefinition = {
  group: 'apps',
  version: 'v1',
  resource: 'daemonsets',
  singularName: 'daemonset',
  kind: 'DaemonSet',
  namespaced: true,
  shortNames: ['ds'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: daemonSetStrategy,
  status: true,
  generation: true,
};
