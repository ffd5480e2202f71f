// apps/v1 ReplicaSets: SetDefaults_ReplicaSet, ValidateReplicaSetSpec and
// pkg/registry/apps/replicaset/strategy.go (selector immutable in apps/v1).
import type { FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { validateSelectorAndTemplate, validateSelectorUnchanged } from './deployments';
import { validateNonNegative } from './intstr';
import { applyTemplateDefaults } from './pod-template';
import { selectorText } from './selector';
import { validateWorkloadStatus, type StatusRules } from './status-validation';
import { recordOf, specRecord, statusNumber } from './types';
import { decodeWorkloadSpec } from './decode';

function validateReplicaSetSpec(object: KubeObject): FieldError[] {
  const spec = recordOf(object.spec) ?? {};
  return [
    ...validateNonNegative(spec.replicas, 'spec.replicas'),
    ...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet'),
  ];
}

/** ValidateReplicaSetStatus; ReplicationControllers share it. */
export const REPLICA_SET_STATUS: StatusRules = {
  counts: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'],
  boundedByReplicas: ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
  availableNotAboveReady: 'cannot be greater than readyReplicas',
};

export const replicaSetStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults(object) {
    decodeWorkloadSpec(object);
    const spec = specRecord(object);
    if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
    applyTemplateDefaults(spec, 'ReplicaSet');
  },
  prepareForCreate(object) {
    // ReplicaSetStatus.replicas has no omitempty: a new ReplicaSet shows `replicas: 0`.
    object.status = { replicas: 0 };
  },
  validate: validateReplicaSetSpec,
  validateUpdate(object, old) {
    return [...validateReplicaSetSpec(object), ...validateSelectorUnchanged(object, old)];
  },
  validateStatusUpdate: (object, old) => validateWorkloadStatus(object, old, REPLICA_SET_STATUS),
};

/** Field selectors a ReplicaSet or ReplicationController supports besides its name and namespace. */
export function replicasFieldLabels(object: Readonly<KubeObject>): Record<string, string> {
  return { 'status.replicas': String(statusNumber(object, 'replicas')) };
}

export const replicaSetDefinition: ResourceDefinition = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  singularName: 'replicaset',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: replicaSetStrategy,
  status: true,
  scale: { selector: selectorText },
  fieldLabels: replicasFieldLabels,
  generation: true,
};
