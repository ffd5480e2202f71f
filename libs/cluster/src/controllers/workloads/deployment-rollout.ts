// pkg/controller/deployment/{deployment_controller,sync,rolling,recreate}.go:
// what one sync of a Deployment does — status only while it is deleted, a
// proportional scale when replicas changed or it is paused, else one step
// of its rollout strategy.
import type { KubeObject } from '../../api/objects';
import type { ReplicaSet } from '../../registry/workloads';
import { byCreation } from '../creation-order';
import * as math from './deployment-math';
import * as util from './deployment-util';
import { DeploymentSync } from './deployment-sync';
import { podPhase } from './pod-state';

export class DeploymentRollout extends DeploymentSync {
  /** syncDeployment after the ReplicaSets have been claimed. */
  run(podsByReplicaSet: Map<string, Readonly<KubeObject>[]>): void {
    const d = this.d;
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = this.allReplicaSets(false);
      this.syncDeploymentStatus([...oldRSs, newRS], newRS);
      return;
    }
    this.checkPausedConditions();
    if (d.spec.paused || this.isScalingEvent()) {
      this.syncScaling();
      return;
    }
    if (d.spec.strategy.type === 'Recreate') this.rolloutRecreate(podsByReplicaSet);
    else this.rolloutRolling();
  }

  private checkPausedConditions(): void {
    const d = this.d;
    if (!math.hasProgressDeadline(d)) return;
    const condition = util.getCondition(d.status, 'Progressing');
    if (condition?.reason === math.TIMED_OUT) return;
    const pausedCondition = condition?.reason === 'DeploymentPaused';
    if (d.spec.paused && !pausedCondition) {
      const paused = util.newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.now);
      util.setCondition((d.status ??= {}), paused);
      this.persist();
    } else if (!d.spec.paused && pausedCondition) {
      const resumed = util.newCondition(
        'Progressing',
        'Unknown',
        'DeploymentResumed',
        'Deployment is resumed',
        this.now,
      );
      util.setCondition((d.status ??= {}), resumed);
      this.persist();
    }
  }

  /** isScalingEvent: an active ReplicaSet was sized for another spec.replicas. */
  private isScalingEvent(): boolean {
    const { newRS, oldRSs } = this.allReplicaSets(false);
    return math.activeReplicaSets([...oldRSs, newRS]).some((rs) => {
      const desired = math.desiredReplicasAnnotation(rs);
      return desired !== undefined && desired !== this.d.spec.replicas;
    });
  }

  /** sync: scale, clean up history while paused, report status. */
  private syncScaling(): void {
    const { newRS, oldRSs } = this.allReplicaSets(false);
    this.scale(newRS, oldRSs);
    if (this.d.spec.paused) this.cleanup(oldRSs);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS);
  }

  /** scale: proportionally across active ReplicaSets, so a scaling event mid-rollout keeps their ratio. */
  private scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = this.d;
    const activeOrLatest = math.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (activeOrLatest.spec.replicas !== d.spec.replicas) this.scaleAndRecord(activeOrLatest, d.spec.replicas);
      return;
    }
    if (math.isSaturated(d, newRS)) {
      for (const old of math.activeReplicaSets(oldRSs)) this.scaleAndRecord(old, 0);
      return;
    }
    if (!math.isRollingUpdate(d)) return;
    const active = math.activeReplicaSets([...oldRSs, newRS]);
    const allowed = d.spec.replicas > 0 ? d.spec.replicas + math.maxSurge(d) : 0;
    const toAdd = allowed - math.specReplicaCount(active);
    let operation = '';
    if (toAdd > 0) {
      // ReplicaSetsBySizeNewer: bigger first, newer first among equals.
      active.sort((a, b) =>
        a.spec.replicas === b.spec.replicas ? byCreation(b, a) : b.spec.replicas - a.spec.replicas,
      );
      operation = 'up';
    } else if (toAdd < 0) {
      // ReplicaSetsBySizeOlder: bigger first, older first among equals.
      active.sort((a, b) =>
        a.spec.replicas === b.spec.replicas ? byCreation(a, b) : b.spec.replicas - a.spec.replicas,
      );
      operation = 'down';
    }
    let added = 0;
    const sizes = active.map((rs) => {
      if (toAdd === 0) return rs.spec.replicas;
      const share = math.proportion(rs, d, toAdd, added);
      added += share;
      return rs.spec.replicas + share;
    });
    active.forEach((rs, index) => {
      let size = sizes[index] ?? rs.spec.replicas;
      // Leftovers go to the largest ReplicaSet.
      if (index === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      this.scaleReplicaSet(rs, size, operation);
    });
  }

  /** rolloutRolling: scale up the new ReplicaSet, else scale down old ones, else finish. */
  private rolloutRolling(): void {
    const { newRS, oldRSs } = this.allReplicaSets(true);
    if (!newRS) return;
    const allRSs = [...oldRSs, newRS];
    if (this.reconcileNewReplicaSet(allRSs, newRS) || this.reconcileOldReplicaSets(allRSs, oldRSs, newRS)) {
      this.syncRolloutStatus(allRSs, newRS);
      return;
    }
    if (math.deploymentComplete(this.d, this.d.status ?? {})) this.cleanup(oldRSs);
    this.syncRolloutStatus(allRSs, newRS);
  }

  private reconcileNewReplicaSet(allRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
    const replicas = this.d.spec.replicas;
    if (newRS.spec.replicas === replicas) return false;
    if (newRS.spec.replicas > replicas) return this.scaleAndRecord(newRS, replicas).scaled;
    return this.scaleAndRecord(newRS, math.newReplicaSetReplicas(this.d, allRSs, newRS)).scaled;
  }

  /**
   * reconcileOldReplicaSets: scale old ReplicaSets down as far as the new
   * one's unavailable pods and maxUnavailable allow, unhealthy pods first.
   */
  private reconcileOldReplicaSets(allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
    const active = math.activeReplicaSets(oldRSs);
    if (math.specReplicaCount(active) === 0) return false;
    const minAvailable = this.d.spec.replicas - math.maxUnavailable(this.d);
    const newUnavailable = newRS.spec.replicas - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = math.specReplicaCount(allRSs) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    const cleaned = this.cleanupUnhealthyReplicas(active, maxScaledDown);
    const scaledDown = this.scaleDownOldReplicaSets([...active, newRS], active);
    return cleaned + scaledDown > 0;
  }

  /** cleanupUnhealthyReplicas: old pods that are not available can go first without losing availability. */
  private cleanupUnhealthyReplicas(oldRSs: ReplicaSet[], maxCleanup: number): number {
    oldRSs.sort(byCreation);
    let total = 0;
    oldRSs.forEach((rs, index) => {
      if (total >= maxCleanup || rs.spec.replicas === 0) return;
      const unhealthy = rs.spec.replicas - (rs.status?.availableReplicas ?? 0);
      if (unhealthy === 0) return;
      const count = Math.min(maxCleanup - total, unhealthy);
      oldRSs[index] = this.scaleAndRecord(rs, rs.spec.replicas - count).rs;
      total += count;
    });
    return total;
  }

  /** scaleDownOldReplicaSetsForRollingUpdate: only as many as are available above minAvailable. */
  private scaleDownOldReplicaSets(allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): number {
    const minAvailable = this.d.spec.replicas - math.maxUnavailable(this.d);
    const available = math.availableReplicaCount(allRSs);
    if (available <= minAvailable) return 0;
    const target = available - minAvailable;
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (total >= target) break;
      if (rs.spec.replicas === 0) continue;
      const count = Math.min(rs.spec.replicas, target - total);
      this.scaleAndRecord(rs, rs.spec.replicas - count);
      total += count;
    }
    return total;
  }

  /** rolloutRecreate: all old pods gone before the new ReplicaSet is created and scaled up. */
  private rolloutRecreate(podsByReplicaSet: Map<string, Readonly<KubeObject>[]>): void {
    let { newRS, oldRSs } = this.allReplicaSets(false);
    const active = math.activeReplicaSets(oldRSs);
    let scaledDown = false;
    for (const rs of active) if (this.scaleAndRecord(rs, 0).scaled) scaledDown = true;
    if (scaledDown || oldPodsRunning(newRS, oldRSs, podsByReplicaSet)) {
      this.syncRolloutStatus([...oldRSs, newRS], newRS);
      return;
    }
    if (!newRS) ({ newRS, oldRSs } = this.allReplicaSets(true));
    if (!newRS) return;
    this.scaleAndRecord(newRS, this.d.spec.replicas);
    if (math.deploymentComplete(this.d, this.d.status ?? {})) this.cleanup(oldRSs);
    this.syncRolloutStatus([...oldRSs, newRS], newRS);
  }
}

/** oldPodsRunning: any old ReplicaSet still counts pods, or has a pod not yet finished. */
function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podsByReplicaSet: Map<string, Readonly<KubeObject>[]>,
): boolean {
  if (math.actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByReplicaSet) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((pod) => podPhase(pod) !== 'Failed' && podPhase(pod) !== 'Succeeded')) return true;
  }
  return false;
}
