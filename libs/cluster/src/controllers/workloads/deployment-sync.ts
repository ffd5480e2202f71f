// pkg/controller/deployment/sync.go and progress.go: the new ReplicaSet and
// revisions, scaling, history cleanup and the Deployment's status.
import { ApiError } from '../../api/errors';
import { jsonEqual } from '../../api/handlers/decode';
import { cloneJson } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { parseTimestamp } from '../../runtime/clock';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../registry/workloads';
import type { ControllerContext } from '../controller';
import { objectKey } from '../queue-keys';
import * as math from './deployment-math';
import * as util from './deployment-util';
import { newControllerRef } from './owner-refs';
import { computeTemplateHash } from './template-hash';

const COMPONENT = 'deployment-controller';

export interface ReplicaSets {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

/** One sync of one Deployment: `d` is a working copy whose annotations and status are written back as they change. */
export class DeploymentSync {
  constructor(
    protected readonly context: ControllerContext,
    protected readonly d: Deployment,
    protected readonly rsList: ReplicaSet[],
  ) {}

  protected get now(): number {
    return this.context.now();
  }

  protected event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.context.events.record(this.d, type, reason, message, { component: COMPONENT });
  }

  /** Writes the working copy's annotations, then its status, over what is stored. */
  protected persist(): void {
    const { client } = this.context;
    const { namespace, name = '' } = this.d.metadata;
    let stored = client.get(RESOURCES.deployments, namespace, name);
    if (!stored || stored.metadata.uid !== this.d.metadata.uid) return;
    // Kubernetes writes both through UpdateStatus (whose strategy keeps annotations); our status writes keep
    // all but status, so annotations go through a metadata-only update, which leaves the generation alone.
    if (!jsonEqual(stored.metadata.annotations, this.d.metadata.annotations)) {
      const copy = client.copy(stored);
      copy.metadata.annotations = cloneJson(this.d.metadata.annotations);
      stored = client.update(RESOURCES.deployments, copy);
    }
    if (!jsonEqual(stored.status, compactStatus(this.d.status ?? {}))) {
      const copy = client.copy(stored);
      copy.status = compactStatus(this.d.status ?? {});
      client.updateStatus(RESOURCES.deployments, copy);
    }
  }

  /** getAllReplicaSetsAndSyncRevision. */
  protected allReplicaSets(createIfNotExisted: boolean): ReplicaSets {
    const oldRSs = util.findOldReplicaSets(this.d, this.rsList);
    return { newRS: this.newReplicaSet(oldRSs, createIfNotExisted), oldRSs };
  }

  /** getNewReplicaSet: find (and bring up to the latest revision) or create the ReplicaSet of the current template. */
  private newReplicaSet(oldRSs: ReplicaSet[], createIfNotExisted: boolean): ReplicaSet | undefined {
    const d = this.d;
    const existing = util.findNewReplicaSet(d, this.rsList);
    const newRevision = util.maxRevision(oldRSs) + 1;
    const maxReplicas = d.spec.replicas + math.maxSurge(d);
    if (existing) {
      const copy = cloneJson(existing);
      const annotationsChanged = util.setNewReplicaSetAnnotations(d, copy, newRevision, true, maxReplicas);
      if (annotationsChanged || (copy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
        setMinReadySeconds(copy, d.spec.minReadySeconds);
        return this.replaceReplicaSet(this.context.client.update(RESOURCES.replicasets, copy) as ReplicaSet);
      }
      let needsUpdate = util.setDeploymentRevision(d, copy.metadata.annotations?.[util.REVISION] ?? '');
      if (math.hasProgressDeadline(d) && !util.getCondition(d.status, 'Progressing')) {
        const message = `Found new replica set "${copy.metadata.name ?? ''}"`;
        util.setCondition(
          (d.status ??= {}),
          util.newCondition('Progressing', 'True', 'FoundNewReplicaSet', message, this.now),
        );
        needsUpdate = true;
      }
      if (needsUpdate) this.persist();
      return copy;
    }
    if (!createIfNotExisted) return undefined;
    return this.createReplicaSet(oldRSs, newRevision, maxReplicas);
  }

  private createReplicaSet(oldRSs: ReplicaSet[], newRevision: number, maxReplicas: number): ReplicaSet | undefined {
    const d = this.d;
    const template = cloneJson(d.spec.template);
    const hash = computeTemplateHash(template, d.status?.collisionCount);
    const labels = { ...(template.metadata?.labels ?? {}), [util.POD_TEMPLATE_HASH]: hash };
    template.metadata = { ...template.metadata, labels };
    const selector = cloneJson(d.spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [util.POD_TEMPLATE_HASH]: hash };
    const name = `${d.metadata.name ?? ''}-${hash}`;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace,
        labels: { ...labels },
        ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      },
      spec: { replicas: 0, selector, template },
    };
    setMinReadySeconds(rs, d.spec.minReadySeconds);
    const replicas = math.newReplicaSetReplicas(d, [...oldRSs, rs], rs);
    rs.spec.replicas = replicas;
    util.setNewReplicaSetAnnotations(d, rs, newRevision, false, maxReplicas);
    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = this.context.client.create(RESOURCES.replicasets, rs) as ReplicaSet;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status.reason !== 'AlreadyExists') return this.failedCreate(name, error);
      const found = this.context.client.get(RESOURCES.replicasets, d.metadata.namespace, name) as
        ReplicaSet | undefined;
      const ours = found?.metadata.ownerReferences?.some((ref) => ref.controller && ref.uid === d.metadata.uid);
      if (!found || !ours || !util.equalIgnoreHash(d.spec.template, found.spec.template)) {
        // A hash collision: count it so the next hash differs, and try again.
        (this.d.status ??= {}).collisionCount = (this.d.status.collisionCount ?? 0) + 1;
        this.persist();
        throw error;
      }
      created = cloneJson(found);
      alreadyExists = true;
    }
    if (!alreadyExists && replicas > 0) {
      this.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`);
    }
    util.setDeploymentRevision(d, String(newRevision));
    if (!alreadyExists && math.hasProgressDeadline(d)) {
      const message = `Created new replica set "${name}"`;
      util.setCondition(
        (d.status ??= {}),
        util.newCondition('Progressing', 'True', 'NewReplicaSetCreated', message, this.now),
      );
    }
    this.rsList.push(created);
    this.persist();
    return created;
  }

  private failedCreate(name: string, error: ApiError): never {
    const message = `Failed to create new replica set "${name}": ${error.status.message ?? ''}`;
    if (math.hasProgressDeadline(this.d)) {
      util.setCondition(
        (this.d.status ??= {}),
        util.newCondition('Progressing', 'False', 'ReplicaSetCreateError', message, this.now),
      );
      this.persist();
    }
    this.event('Warning', 'ReplicaSetCreateError', message);
    throw error;
  }

  protected replaceReplicaSet(rs: ReplicaSet): ReplicaSet {
    const copy = cloneJson(rs);
    const index = this.rsList.findIndex((item) => item.metadata.uid === rs.metadata.uid);
    if (index >= 0) this.rsList[index] = copy;
    return copy;
  }

  /** scaleReplicaSetAndRecordEvent. */
  protected scaleAndRecord(rs: ReplicaSet, newScale: number): { scaled: boolean; rs: ReplicaSet } {
    if (rs.spec.replicas === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, rs.spec.replicas < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet: spec.replicas and the desired/max annotations together. */
  protected scaleReplicaSet(rs: ReplicaSet, newScale: number, operation: string): { scaled: boolean; rs: ReplicaSet } {
    const desired = this.d.spec.replicas;
    const max = desired + math.maxSurge(this.d);
    const sizeChanged = rs.spec.replicas !== newScale;
    if (!sizeChanged && !util.replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const oldScale = rs.spec.replicas;
    const copy = cloneJson(rs);
    copy.spec.replicas = newScale;
    util.setReplicasAnnotations(copy, desired, max);
    const updated = this.replaceReplicaSet(this.context.client.update(RESOURCES.replicasets, copy) as ReplicaSet);
    if (sizeChanged) {
      const message = `Scaled ${operation} replica set ${updated.metadata.name ?? ''} to ${newScale} from ${oldScale}`;
      this.event('Normal', 'ScalingReplicaSet', message);
    }
    return { scaled: sizeChanged, rs: updated };
  }

  /** cleanupDeployment: keep only revisionHistoryLimit old, empty ReplicaSets. */
  protected cleanup(oldRSs: readonly ReplicaSet[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined || limit === 2147483647) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(util.byRevision);
    const surplus = cleanable.length - limit;
    for (const rs of cleanable.slice(0, Math.max(0, surplus))) {
      const busy = (rs.status?.replicas ?? 0) !== 0 || rs.spec.replicas !== 0;
      if (busy || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.context.client.delete(RESOURCES.replicasets, rs.metadata.namespace, rs.metadata.name ?? '');
    }
  }

  /** calculateStatus. */
  protected calculateStatus(
    allRSs: readonly (ReplicaSet | undefined)[],
    newRS: ReplicaSet | undefined,
  ): DeploymentStatus {
    const d = this.d;
    const available = math.availableReplicaCount(allRSs);
    const status: DeploymentStatus = {
      observedGeneration: d.metadata.generation ?? 0,
      replicas: math.actualReplicaCount(allRSs),
      updatedReplicas: math.actualReplicaCount([newRS]),
      readyReplicas: math.readyReplicaCount(allRSs),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, math.specReplicaCount(allRSs) - available),
      conditions: cloneJson(d.status?.conditions ?? []),
    };
    if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
    if (available >= d.spec.replicas - math.maxUnavailable(d)) {
      const message = 'Deployment has minimum availability.';
      util.setCondition(status, util.newCondition('Available', 'True', 'MinimumReplicasAvailable', message, this.now));
    } else {
      const message = 'Deployment does not have minimum availability.';
      util.setCondition(
        status,
        util.newCondition('Available', 'False', 'MinimumReplicasUnavailable', message, this.now),
      );
    }
    return status;
  }

  /** syncDeploymentStatus: the status of a scaling or paused Deployment, without progress estimates. */
  protected syncDeploymentStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    this.writeStatus(this.calculateStatus(allRSs, newRS));
  }

  protected writeStatus(status: DeploymentStatus): boolean {
    if (jsonEqual(compactStatus(this.d.status ?? {}), compactStatus(status))) return false;
    this.d.status = status;
    this.persist();
    return true;
  }

  /** syncRolloutStatus (progress.go): Progressing reports completion, progress or the deadline passing. */
  protected syncRolloutStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    const d = this.d;
    const status = this.calculateStatus(allRSs, newRS);
    if (!math.hasProgressDeadline(d)) util.removeCondition(status, 'Progressing');
    const current = util.getCondition(d.status, 'Progressing');
    const complete = status.replicas === status.updatedReplicas && current?.reason === math.NEW_RS_AVAILABLE;
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name ?? ''}"` : `Deployment "${d.metadata.name ?? ''}"`;
    if (math.hasProgressDeadline(d) && !complete) {
      if (math.deploymentComplete(d, status)) {
        const message = `${subject} has successfully progressed.`;
        util.setCondition(status, util.newCondition('Progressing', 'True', math.NEW_RS_AVAILABLE, message, this.now));
      } else if (math.deploymentProgressing(d, status)) {
        const condition = util.newCondition(
          'Progressing',
          'True',
          'ReplicaSetUpdated',
          `${subject} is progressing.`,
          this.now,
        );
        // Progress refreshes lastUpdateTime even with the same reason.
        if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        util.removeCondition(status, 'Progressing');
        util.setCondition(status, condition);
      } else if (math.deploymentTimedOut(d, status, this.now)) {
        const message = `${subject} has timed out progressing.`;
        util.setCondition(status, util.newCondition('Progressing', 'False', math.TIMED_OUT, message, this.now));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) util.setCondition(status, failure);
    else util.removeCondition(status, 'ReplicaFailure');
    if (!this.writeStatus(status)) this.requeueStuck(status);
  }

  /** requeueStuckDeployment: look again when the progress deadline would pass. */
  private requeueStuck(status: DeploymentStatus): void {
    const d = this.d;
    const current = util.getCondition(d.status, 'Progressing');
    if (!math.hasProgressDeadline(d) || !current) return;
    if (math.deploymentComplete(d, status) || current.reason === math.TIMED_OUT) return;
    const lastUpdate = parseTimestamp(current.lastUpdateTime) ?? this.now;
    const after = lastUpdate + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - this.now;
    // Under a second left: soon (a rate-limited requeue); else a second past the deadline, as the real one.
    this.context.after(after < 1000 ? 5 : after + 1000, objectKey(d));
  }
}

function setMinReadySeconds(rs: ReplicaSet, seconds: number | undefined): void {
  if (seconds) rs.spec.minReadySeconds = seconds;
  else delete rs.spec.minReadySeconds;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure first, else any old one's. */
function replicaFailure(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined) {
  for (const rs of [newRS, ...allRSs]) {
    const condition = rs?.status?.conditions?.find((item) => item.type === 'ReplicaFailure');
    if (condition) {
      const { type, status, lastTransitionTime, reason, message } = condition;
      return { type, status, lastUpdateTime: lastTransitionTime, lastTransitionTime, reason, message };
    }
  }
  return undefined;
}

/** A DeploymentStatus as Go marshals it: zero counts and empty lists left out. */
export function compactStatus(status: DeploymentStatus): DeploymentStatus {
  const compact: DeploymentStatus = {};
  const counts = [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ] as const;
  for (const field of counts) if (status[field]) compact[field] = status[field];
  if (status.conditions?.length) compact.conditions = status.conditions;
  if (status.collisionCount !== undefined) compact.collisionCount = status.collisionCount;
  return compact;
}
