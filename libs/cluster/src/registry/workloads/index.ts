// The workload resources: apps/v1 Deployments, ReplicaSets, DaemonSets,
// StatefulSets, ControllerRevisions and core/v1 ReplicationControllers, with
// the typed readers their controllers use.
import type { ResourceDefinition } from '../../api/resources';
import { controllerRevisionDefinition } from './controller-revisions';
import { daemonSetDefinition } from './daemonsets';
import { deploymentDefinition } from './deployments';
import { replicaSetDefinition } from './replicasets';
import { replicationControllerDefinition } from './replication-controllers';
import { statefulSetDefinition } from './statefulsets';

export function workloadDefinitions(): ResourceDefinition[] {
  return [
    deploymentDefinition,
    replicaSetDefinition,
    daemonSetDefinition,
    statefulSetDefinition,
    controllerRevisionDefinition,
    replicationControllerDefinition,
  ];
}

export {
  controllerRevisionDefinition,
  daemonSetDefinition,
  deploymentDefinition,
  replicaSetDefinition,
  replicationControllerDefinition,
  statefulSetDefinition,
};
export { TEMPLATE_GENERATION_ANNOTATION } from './daemonsets';
export { scaledValue } from './intstr';
export { parseSelector, parseSetSelector, type LabelMatcher, type ParsedSelector } from './selector';
export { semanticEqual } from './semantic';
export * from './types';
