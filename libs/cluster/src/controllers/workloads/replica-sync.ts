// The core the ReplicaSet and ReplicationController controllers share
// (pkg/controller/replicaset, which also runs ReplicationControllers): claim
// the active pods the selector matches, create or delete pods until there are
// `spec.replicas`, and report what the pods look like in the status.
import { ApiError } from '../../api/errors';
import { cloneJson, type KubeObject } from '../../api/objects';
import { keyOf, RESOURCES, type ResourceRef } from '../../api/resource-refs';
import {
  numberOr,
  recordOf,
  specReplicas,
  stringMapOf,
  type ParsedSelector,
  templateOf,
} from '../../registry/workloads';
import type { StoreEvent } from '../../store/object-store';
import type { Controller, ControllerContext } from '../controller';
import { podsToDelete } from './active-pods';
import { objectKey, orphanPodAdopters, podEventKeys, splitKey } from '../queue-keys';
import { claimObject, claimTarget, controllerRefOf, newControllerRef } from './owner-refs';
import { isPodActive, isPodReady, isPodAvailable, labelsOf, podAvailableAt } from './pod-state';
import { countReplicas, nextReplicaStatus } from './replica-status';

/** At most this many pods are created or deleted per sync (--replicaset-burst). */
const BURST_REPLICAS = 500;

/** What differs between the ReplicaSet and ReplicationController controllers. */
export interface ReplicaKind {
  ref: ResourceRef;
  apiVersion: string;
  kind: string;
  /** The event source component. */
  component: string;
  selector(owner: Readonly<KubeObject>): ParsedSelector | undefined;
}

interface Failure {
  error: ApiError;
  surplus: boolean;
}

function isNamespaceTerminating(error: ApiError): boolean {
  return error.status.details?.causes?.some((cause) => cause.reason === 'NamespaceTerminating') ?? false;
}

export class ReplicaController implements Controller {
  constructor(
    readonly name: string,
    private readonly kind: ReplicaKind,
  ) {}

  keysFor(event: StoreEvent): readonly string[] {
    if (event.resource === keyOf(this.kind.ref)) return [objectKey(event.object)];
    if (event.resource !== keyOf(RESOURCES.pods)) return [];
    return podEventKeys(event, this.kind.kind);
  }

  sync(key: string, context: ControllerContext): void {
    // An orphan pod: every owner whose selector matches may adopt it.
    const adopters = orphanPodAdopters(key, this.kind.ref, (owner) => this.kind.selector(owner), context);
    if (adopters) {
      for (const owner of adopters) this.syncOwner(owner, context);
      return;
    }
    const [namespace, name] = splitKey(key);
    const owner = context.client.get(this.kind.ref, namespace, name);
    if (owner) this.syncOwner(owner, context);
  }

  private syncOwner(owner: Readonly<KubeObject>, context: ControllerContext): void {
    const selector = this.kind.selector(owner);
    if (!selector) return;
    const namespace = owner.metadata.namespace ?? '';
    const target = claimTarget(owner, this.kind, RESOURCES.pods, context.client);
    const pods = context.client
      .list(RESOURCES.pods, namespace)
      .filter(isPodActive)
      .filter((pod) => claimObject(target, pod, selector.matches(labelsOf(pod))));
    const failure = owner.metadata.deletionTimestamp ? undefined : this.manageReplicas(owner, pods, context);
    // As the real controller, the status counts the pods seen before this sync's creations and deletions;
    // their events bring the next sync, which counts them.
    const fresh = context.client.get(this.kind.ref, namespace, owner.metadata.name ?? '') ?? owner;
    const minReadySeconds = numberOr(recordOf(fresh.spec)?.minReadySeconds, 0);
    const labels = stringMapOf(templateOf(fresh)?.metadata?.labels) ?? {};
    const counts = countReplicas(pods, labels, minReadySeconds, context.now());
    const status = nextReplicaStatus(fresh, counts, failure, context.now());
    if (status) {
      const copy = context.client.copy(fresh);
      copy.status = status;
      context.client.updateStatus(this.kind.ref, copy);
    }
    this.checkAvailabilityLater(fresh, pods, minReadySeconds, context);
    if (failure) throw failure.error;
  }

  /** Ready pods become available minReadySeconds later: look again then (plus a second, as the real one). */
  private checkAvailabilityLater(
    owner: Readonly<KubeObject>,
    pods: readonly Readonly<KubeObject>[],
    minReadySeconds: number,
    context: ControllerContext,
  ): void {
    if (minReadySeconds <= 0) return;
    const now = context.now();
    const pending = pods
      .filter((pod) => isPodReady(pod) && !isPodAvailable(pod, minReadySeconds, now))
      .map((pod) => podAvailableAt(pod, minReadySeconds) ?? now);
    if (!pending.length) return;
    context.after(Math.min(...pending) + 1000 - now, objectKey(owner));
  }

  /** manageReplicas; returns what failed, for the ReplicaFailure condition. */
  private manageReplicas(
    owner: Readonly<KubeObject>,
    pods: readonly Readonly<KubeObject>[],
    context: ControllerContext,
  ): Failure | undefined {
    const diff = pods.length - specReplicas(owner);
    if (diff < 0) return this.createPods(owner, Math.min(-diff, BURST_REPLICAS), context);
    if (diff > 0) return this.deletePods(owner, pods, Math.min(diff, BURST_REPLICAS), context);
    return undefined;
  }

  private createPods(owner: Readonly<KubeObject>, count: number, context: ControllerContext): Failure | undefined {
    const template = templateOf(owner) ?? {};
    const metadata = template.metadata ?? {};
    for (let created = 0; created < count; created++) {
      const pod: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${owner.metadata.name ?? ''}-`,
          namespace: owner.metadata.namespace,
          ...(metadata.labels ? { labels: { ...metadata.labels } } : {}),
          ...(metadata.annotations ? { annotations: { ...metadata.annotations } } : {}),
          ...(metadata.finalizers ? { finalizers: [...metadata.finalizers] } : {}),
          ownerReferences: [newControllerRef(owner, this.kind.apiVersion, this.kind.kind)],
        },
        spec: cloneJson(template.spec ?? {}),
      };
      try {
        const stored = context.client.create(RESOURCES.pods, pod);
        this.record(owner, context, 'Normal', 'SuccessfulCreate', `Created pod: ${stored.metadata.name ?? ''}`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Creating into a terminating namespace fails for good: not worth an event or a retry.
        if (isNamespaceTerminating(error)) return undefined;
        this.record(owner, context, 'Warning', 'FailedCreate', `Error creating: ${error.status.message ?? ''}`);
        return { error, surplus: false };
      }
    }
    return undefined;
  }

  private deletePods(
    owner: Readonly<KubeObject>,
    pods: readonly Readonly<KubeObject>[],
    count: number,
    context: ControllerContext,
  ): Failure | undefined {
    const victims = podsToDelete(pods, this.relatedPods(owner, context), count, context.now());
    let failure: Failure | undefined;
    for (const pod of victims) {
      const name = pod.metadata.name ?? '';
      try {
        context.client.delete(RESOURCES.pods, pod.metadata.namespace, name);
        this.record(owner, context, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status.reason === 'NotFound') continue;
        this.record(owner, context, 'Warning', 'FailedDelete', `Error deleting: ${error.status.message ?? ''}`);
        failure ??= { error, surplus: true };
      }
    }
    return failure;
  }

  /** getIndirectlyRelatedPods: the pods of every owner under the same controller (a Deployment's ReplicaSets). */
  private relatedPods(owner: Readonly<KubeObject>, context: ControllerContext): Readonly<KubeObject>[] {
    const namespace = owner.metadata.namespace ?? '';
    const controllerUid = controllerRefOf(owner)?.uid;
    const siblings = controllerUid
      ? context.client.list(this.kind.ref, namespace).filter((other) => controllerRefOf(other)?.uid === controllerUid)
      : [owner];
    const seen = new Set<string>();
    const related: Readonly<KubeObject>[] = [];
    const pods = context.client.list(RESOURCES.pods, namespace);
    for (const sibling of siblings) {
      const selector = this.kind.selector(sibling);
      if (!selector) continue;
      for (const pod of pods) {
        const uid = pod.metadata.uid ?? '';
        if (seen.has(uid) || !selector.matches(labelsOf(pod))) continue;
        seen.add(uid);
        related.push(pod);
      }
    }
    return related;
  }

  private record(
    owner: Readonly<KubeObject>,
    context: ControllerContext,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    context.events.record(owner, type, reason, message, { component: this.kind.component });
  }
}
