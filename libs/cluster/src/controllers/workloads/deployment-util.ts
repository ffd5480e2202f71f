// pkg/controller/deployment/util/deployment_util.go, part one: revisions,
// the annotations a Deployment keeps on its ReplicaSets, conditions, and
// which ReplicaSet is the new one.
import { formatTimestamp } from '../../runtime/clock';
import { byCreation } from '../creation-order';
import {
  semanticEqual,
  type Deployment,
  type DeploymentStatus,
  type ReplicaSet,
  type WorkloadCondition,
} from '../../registry/workloads';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
/** maxRevHistoryLengthInChars of sync.go. */
const MAX_REVISION_HISTORY_CHARS = 2000;

const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

/** Revision(rs): 0 without the annotation, undefined when it is not a number. */
export function revisionOf(rs: Readonly<ReplicaSet>): number | undefined {
  const text = rs.metadata.annotations?.[REVISION];
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

export function maxRevision(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((max, rs) => Math.max(max, revisionOf(rs) ?? 0), 0);
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; whether they changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let updated = false;
  if (annotations[DESIRED_REPLICAS] !== String(desired)) {
    annotations[DESIRED_REPLICAS] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS] !== String(max)) {
    annotations[MAX_REPLICAS] = String(max);
    updated = true;
  }
  return updated;
}

export function replicasAnnotationsNeedUpdate(rs: Readonly<ReplicaSet>, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations;
  return annotations?.[DESIRED_REPLICAS] !== String(desired) || annotations[MAX_REPLICAS] !== String(max);
}

function copyDeploymentAnnotations(d: Readonly<Deployment>, rs: ReplicaSet): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  return changed;
}

/** The revision-history annotation keeps the revisions a ReplicaSet served before, within 2000 characters. */
function appendRevisionHistory(rs: ReplicaSet, oldRevision: string): void {
  const annotations = (rs.metadata.annotations ??= {});
  const history = annotations[REVISION_HISTORY] ?? '';
  if (!history) {
    annotations[REVISION_HISTORY] = oldRevision;
    return;
  }
  const revisions = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > MAX_REVISION_HISTORY_CHARS && start < revisions.length) {
    total -= (revisions[start]?.length ?? 0) + 1;
    start++;
  }
  if (total <= MAX_REVISION_HISTORY_CHARS)
    annotations[REVISION_HISTORY] = [...revisions.slice(start), oldRevision].join(',');
}

/** SetNewReplicaSetAnnotations: whether the new ReplicaSet's annotations changed. */
export function setNewReplicaSetAnnotations(
  d: Readonly<Deployment>,
  rs: ReplicaSet,
  newRevision: number,
  exists: boolean,
  maxReplicas: number,
): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const oldRevision = annotations[REVISION];
  const oldRevisionNumber = oldRevision === undefined ? 0 : /^[+-]?\d+$/.test(oldRevision) ? Number(oldRevision) : NaN;
  if (Number.isNaN(oldRevisionNumber)) return false;
  if (oldRevisionNumber < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    // A ReplicaSet that already had a revision is being rolled back to: remember what it was.
    if (oldRevision !== undefined) appendRevisionHistory(rs, oldRevision);
  }
  if (!exists && setReplicasAnnotations(rs, d.spec.replicas, maxReplicas)) changed = true;
  return changed;
}

/** SetDeploymentRevision. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[REVISION] === revision) return false;
  annotations[REVISION] = revision;
  return true;
}

/** EqualIgnoreHash: the same pod template, whatever its pod-template-hash label. */
export function equalIgnoreHash(left: unknown, right: unknown): boolean {
  return semanticEqual(withoutHash(left), withoutHash(right));
}

function withoutHash(template: unknown): unknown {
  if (typeof template !== 'object' || template === null) return template;
  const copy = { ...(template as Record<string, unknown>) };
  const metadata = copy.metadata;
  if (typeof metadata === 'object' && metadata !== null) {
    const labels = { ...((metadata as { labels?: Record<string, string> }).labels ?? {}) };
    delete labels[POD_TEMPLATE_HASH];
    copy.metadata = { ...metadata, labels };
  }
  return copy;
}

/** ReplicaSetsByRevision: lowest revision first, creation time on ties. */
export function byRevision(left: Readonly<ReplicaSet>, right: Readonly<ReplicaSet>): number {
  const a = revisionOf(left);
  const b = revisionOf(right);
  if (a === undefined || b === undefined || a === b) return byCreation(left, right);
  return a - b;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Readonly<Deployment>, replicaSets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...replicaSets].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets (all of them). */
export function findOldReplicaSets(d: Readonly<Deployment>, replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  const newRS = findNewReplicaSet(d, replicaSets);
  return replicaSets.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

export function getCondition(status: DeploymentStatus | undefined, type: string): WorkloadCondition | undefined {
  return status?.conditions?.find((condition) => condition.type === type);
}

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): WorkloadCondition {
  const time = formatTimestamp(now);
  return { type, status, lastUpdateTime: time, lastTransitionTime: time, reason, message };
}

/** SetDeploymentCondition: same status and reason is no change; same status keeps the transition time. */
export function setCondition(status: DeploymentStatus, condition: WorkloadCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((item) => item.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((item) => item.type !== type);
}
