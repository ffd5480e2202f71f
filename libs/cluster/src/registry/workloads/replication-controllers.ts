// core/v1 ReplicationControllers: SetDefaults_ReplicationController (selector
// and labels from the template), ValidateReplicationControllerSpec and
// pkg/registry/core/replicationcontroller/strategy.go (the selector is mutable).
import { fieldErrors, type FieldError } from '../../api/field-errors';
import { isRecord, type KubeObject } from '../../api/objects';
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { validateNonNegative } from './intstr';
import { applyTemplateDefaults, validateReplicatedTemplate } from './pod-template';
import { REPLICA_SET_STATUS, replicasFieldLabels } from './replicasets';
import { parseSetSelector, setSelectorText, validateTemplateLabelsMatch } from './selector';
import { validateWorkloadStatus } from './status-validation';
import { recordOf, specRecord, stringMapOf, type PodTemplateSpec } from './types';
import { decodeWorkloadSpec } from './decode';

function applyReplicationControllerDefaults(object: KubeObject): void {
  decodeWorkloadSpec(object);
  const spec = specRecord(object);
  const template = recordOf(spec.template);
  const labels = stringMapOf(recordOf(template?.metadata)?.labels);
  // Go assigns the (possibly empty) template labels; an empty map is omitted on the wire, so only a non-empty one shows.
  if (labels && Object.keys(labels).length) {
    if (Object.keys(stringMapOf(spec.selector) ?? {}).length === 0) spec.selector = { ...labels };
    if (Object.keys(object.metadata.labels ?? {}).length === 0) object.metadata.labels = { ...labels };
  }
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  // The template is optional (a pointer) in a ReplicationController.
  if (template) applyTemplateDefaults(spec, 'ReplicationController');
}

function validateReplicationControllerSpec(object: KubeObject): FieldError[] {
  const spec = recordOf(object.spec) ?? {};
  const selector = stringMapOf(spec.selector);
  const errors = validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds');
  const parsed = parseSetSelector(selector);
  if (parsed.empty) errors.push(fieldErrors.required('spec.selector'));
  errors.push(...validateNonNegative(spec.replicas, 'spec.replicas'));
  if (!isRecord(spec.template)) {
    errors.push(fieldErrors.required('spec.template'));
    return errors;
  }
  const template = spec.template as PodTemplateSpec;
  errors.push(...validateTemplateLabelsMatch(parsed, stringMapOf(template.metadata?.labels), 'spec.template'));
  errors.push(...validateReplicatedTemplate(template, 'spec.template', 'ReplicationController'));
  return errors;
}

export const replicationControllerStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: applyReplicationControllerDefaults,
  prepareForCreate(object) {
    object.status = { replicas: 0 };
  },
  validate: validateReplicationControllerSpec,
  validateUpdate: validateReplicationControllerSpec,
  validateStatusUpdate: (object, old) => validateWorkloadStatus(object, old, REPLICA_SET_STATUS),
};

export const replicationControllerDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'replicationcontrollers',
  singularName: 'replicationcontroller',
  kind: 'ReplicationController',
  namespaced: true,
  shortNames: ['rc'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: replicationControllerStrategy,
  status: true,
  scale: { selector: (object) => setSelectorText(stringMapOf(recordOf(object.spec)?.selector)) },
  fieldLabels: replicasFieldLabels,
  generation: true,
};
