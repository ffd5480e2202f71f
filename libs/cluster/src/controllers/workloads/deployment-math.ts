// pkg/controller/deployment/util/deployment_util.go, part two: the numbers
// of a rollout — surge and unavailability, how many replicas the new
// ReplicaSet may have, proportional scaling, and whether it is done.
import { parseTimestamp } from '../../runtime/clock';
import { scaledValue, type Deployment, type DeploymentStatus, type ReplicaSet } from '../../registry/workloads';
import { byCreation } from '../creation-order';
import { DESIRED_REPLICAS, MAX_REPLICAS, getCondition } from './deployment-util';

export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';

export function isRollingUpdate(d: Readonly<Deployment>): boolean {
  return d.spec.strategy.type === 'RollingUpdate';
}

/** ResolveFenceposts: surge rounds up, unavailability down, and both zero means one unavailable. */
function fenceposts(d: Readonly<Deployment>): [number, number] {
  const rollingUpdate = d.spec.strategy.rollingUpdate;
  const surge = scaledValue(rollingUpdate?.maxSurge ?? 0, d.spec.replicas, true);
  const unavailable = scaledValue(rollingUpdate?.maxUnavailable ?? 0, d.spec.replicas, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

export function maxSurge(d: Readonly<Deployment>): number {
  return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
}

export function maxUnavailable(d: Readonly<Deployment>): number {
  if (!isRollingUpdate(d) || d.spec.replicas === 0) return 0;
  return Math.min(fenceposts(d)[1], d.spec.replicas);
}

export function specReplicasOf(rs: Readonly<ReplicaSet> | undefined): number {
  return rs?.spec.replicas ?? 0;
}

function statusOf(
  rs: Readonly<ReplicaSet> | undefined,
  field: 'replicas' | 'readyReplicas' | 'availableReplicas',
): number {
  return rs?.status?.[field] ?? 0;
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function specReplicaCount(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((sum, rs) => sum + specReplicasOf(rs), 0);
}

export function actualReplicaCount(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((sum, rs) => sum + statusOf(rs, 'replicas'), 0);
}

export function readyReplicaCount(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((sum, rs) => sum + statusOf(rs, 'readyReplicas'), 0);
}

export function availableReplicaCount(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((sum, rs) => sum + statusOf(rs, 'availableReplicas'), 0);
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function activeReplicaSets(replicaSets: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return replicaSets.filter((rs): rs is ReplicaSet => rs !== undefined && rs.spec.replicas > 0);
}

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newReplicaSetReplicas(
  d: Readonly<Deployment>,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): number {
  if (!isRollingUpdate(d)) return d.spec.replicas;
  const surge = scaledValue(d.spec.strategy.rollingUpdate?.maxSurge ?? 0, d.spec.replicas, true);
  const current = specReplicaCount(allRSs);
  const maxTotal = d.spec.replicas + surge;
  if (current >= maxTotal) return newRS.spec.replicas;
  const scaleUp = Math.min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
  return newRS.spec.replicas + scaleUp;
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((left, right) => byCreation(right, left));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

function annotationNumber(rs: Readonly<ReplicaSet>, key: string): number | undefined {
  const text = rs.metadata.annotations?.[key];
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

export function desiredReplicasAnnotation(rs: Readonly<ReplicaSet>): number | undefined {
  return annotationNumber(rs, DESIRED_REPLICAS);
}

/** IsSaturated: the new ReplicaSet has all the replicas, all available. */
export function isSaturated(d: Readonly<Deployment>, rs: Readonly<ReplicaSet> | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  return (
    rs.spec.replicas === d.spec.replicas &&
    desired === d.spec.replicas &&
    statusOf(rs, 'availableReplicas') === d.spec.replicas
  );
}

/** getReplicaSetFraction: the share of a scaling event this ReplicaSet takes. */
function replicaSetFraction(rs: Readonly<ReplicaSet>, d: Readonly<Deployment>): number {
  if (d.spec.replicas === 0) return -rs.spec.replicas;
  const deploymentReplicas = d.spec.replicas + maxSurge(d);
  const annotated = annotationNumber(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  // integer.RoundToInt32 rounds half away from zero.
  const size = (rs.spec.replicas * deploymentReplicas) / annotated;
  return Math.sign(size) * Math.round(Math.abs(size)) - rs.spec.replicas;
}

/** GetProportion. */
export function proportion(rs: Readonly<ReplicaSet>, d: Readonly<Deployment>, toAdd: number, added: number): number {
  if (rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** DeploymentComplete. */
export function deploymentComplete(d: Readonly<Deployment>, status: DeploymentStatus): boolean {
  const replicas = d.spec.replicas;
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: anything moved forward since the stored status. */
export function deploymentProgressing(d: Readonly<Deployment>, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOldReplicas = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOldReplicas < oldOldReplicas ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function hasProgressDeadline(d: Readonly<Deployment>): boolean {
  const deadline = d.spec.progressDeadlineSeconds;
  return deadline !== undefined && deadline !== 2147483647;
}

/** DeploymentTimedOut: no progress for progressDeadlineSeconds since the last update of Progressing. */
export function deploymentTimedOut(d: Readonly<Deployment>, next: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(next, 'Progressing');
  if (!condition || condition.reason === NEW_RS_AVAILABLE) return false;
  if (condition.reason === TIMED_OUT) return true;
  const from = parseTimestamp(condition.lastUpdateTime) ?? 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}
