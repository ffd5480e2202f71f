// Typed views of the apps/v1 workloads and core/v1 ReplicationController as
// stored (defaulted and validated), for strategies and controllers. Readers
// never change the object; absent numbers read as Go's zero values.
import { isRecord, type KubeObject, type ObjectMeta } from '../../api/objects';

export type IntOrString = number | string;

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

export interface WorkloadCondition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: WorkloadCondition[];
  collisionCount?: number;
}

export interface DeploymentSpec {
  replicas: number;
  selector?: LabelSelector;
  template: PodTemplateSpec;
  strategy: { type: string; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}

export interface Deployment extends KubeObject {
  spec: DeploymentSpec;
  status?: DeploymentStatus;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: WorkloadCondition[];
}

export interface ReplicaSetSpec {
  replicas: number;
  minReadySeconds?: number;
  selector?: LabelSelector;
  template: PodTemplateSpec;
}

export interface ReplicaSet extends KubeObject {
  spec: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}

export interface ReplicationControllerSpec {
  replicas: number;
  minReadySeconds?: number;
  selector?: Record<string, string>;
  template?: PodTemplateSpec;
}

export interface ReplicationController extends KubeObject {
  spec: ReplicationControllerSpec;
  status?: ReplicaSetStatus;
}

/** A workload's spec as a record, created if missing: strategies default into it. */
export function specRecord(object: KubeObject): Record<string, unknown> {
  if (!isRecord(object.spec)) object.spec = {};
  return object.spec as Record<string, unknown>;
}

export function recordOf(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

export function stringMapOf(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') map[key] = item;
  return map;
}

function hasSpec(object: Readonly<KubeObject>): boolean {
  return isRecord(object.spec);
}

export function isDeployment(object: Readonly<KubeObject>): object is Deployment {
  return object.kind === 'Deployment' && hasSpec(object);
}

export function isReplicaSet(object: Readonly<KubeObject>): object is ReplicaSet {
  return object.kind === 'ReplicaSet' && hasSpec(object);
}

export function isReplicationController(object: Readonly<KubeObject>): object is ReplicationController {
  return object.kind === 'ReplicationController' && hasSpec(object);
}

/** `spec.replicas` of a stored workload (defaulted to 1 on the way in). */
export function specReplicas(object: Readonly<KubeObject>): number {
  return numberOr(recordOf(object.spec)?.replicas, 0);
}

/** `status.replicas` and friends, zero when absent. */
export function statusNumber(object: Readonly<KubeObject>, field: string): number {
  return numberOr(recordOf(object.status)?.[field], 0);
}

export function labelSelectorOf(object: Readonly<KubeObject>): LabelSelector | undefined {
  const selector = recordOf(object.spec)?.selector;
  return isRecord(selector) ? selector : undefined;
}

export function templateOf(object: Readonly<KubeObject>): PodTemplateSpec | undefined {
  const template = recordOf(object.spec)?.template;
  return isRecord(template) ? template : undefined;
}

export function templateLabels(object: Readonly<KubeObject>): Record<string, string> {
  return stringMapOf(templateOf(object)?.metadata?.labels) ?? {};
}
