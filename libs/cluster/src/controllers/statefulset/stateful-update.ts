// stateful_set_control.go updateStatefulSet: pods `<set>-<ordinal>` made in
// order (OrderedReady waits for each to be Running and Ready; Parallel does
// not), removed from the highest ordinal down, and replaced from the highest
// ordinal down to the partition when the template changes.
import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { ControllerContext } from '../controller';
import { revisionTemplate } from '../history/controller-history';
import { podPhase } from '../workloads/pod-state';
import {
  identityMatches,
  inOrdinalRange,
  isCreated,
  isHealthy,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  newStatefulSetPod,
  ordinalOf,
  podRevision,
  readStatefulSet,
  storageMatches,
  updateIdentity,
  updateStorage,
  type StatefulSetView,
} from './stateful-pods';
import type { StatefulRevisions } from './stateful-revisions';

const COMPONENT = 'statefulset-controller';
/** MaxBatchSize of the Parallel policy's slow start. */
const MAX_BATCH_SIZE = 500;

export interface StatefulStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
  availableReplicas: number;
}

interface Run {
  set: Readonly<KubeObject>;
  view: StatefulSetView;
  revisions: StatefulRevisions;
  context: ControllerContext;
  monotonic: boolean;
}

/** What a step reports: stop here (OrderedReady waits), and what failed. */
type Step = { exit: boolean; error?: ApiError };

function recordPodEvent(run: Run, verb: string, pod: Readonly<KubeObject>, error?: ApiError): void {
  const title = `${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
  const subject = `${verb} Pod ${pod.metadata.name ?? ''} in StatefulSet ${run.view.name}`;
  if (error) {
    const message = `${subject} failed error: ${error.status.message ?? ''}`;
    run.context.events.record(run.set, 'Warning', `Failed${title}`, message, { component: COMPONENT });
  } else {
    run.context.events.record(run.set, 'Normal', `Successful${title}`, `${subject} successful`, {
      component: COMPONENT,
    });
  }
}

function attempt(work: () => void): ApiError | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

function createPod(run: Run, pod: KubeObject): ApiError | undefined {
  const error = attempt(() => run.context.client.create(RESOURCES.pods, pod));
  // An AlreadyExists is sunk without an event: the informer will bring the pod.
  if (error?.status.reason !== 'AlreadyExists') recordPodEvent(run, 'create', pod, error);
  return error;
}

function deletePod(run: Run, pod: Readonly<KubeObject>): ApiError | undefined {
  const error = attempt(() =>
    run.context.client.delete(RESOURCES.pods, pod.metadata.namespace, pod.metadata.name ?? ''),
  );
  recordPodEvent(run, 'delete', pod, error);
  return error;
}

/** UpdateStatefulPod: restores the identity and the claim volumes of a pod that lost them. */
function repairPod(run: Run, pod: Readonly<KubeObject>): ApiError | undefined {
  const copy = run.context.client.copy(pod);
  if (!identityMatches(run.view, copy)) updateIdentity(run.view, copy);
  if (!storageMatches(run.view, copy)) updateStorage(run.view, copy);
  const error = attempt(() => run.context.client.update(RESOURCES.pods, copy));
  recordPodEvent(run, 'update', copy, error);
  return error;
}

/** newVersionedStatefulSetPod: below the partition the current revision, else the update revision. */
function versionedPod(run: Run, ordinal: number): KubeObject {
  const { view, revisions, set } = run;
  const rollingUpdate = view.strategy === 'RollingUpdate';
  const keepsCurrent =
    (rollingUpdate && view.partition === undefined && ordinal < view.startOrdinal + view.currentReplicas) ||
    (view.partition !== undefined && ordinal < view.startOrdinal + view.partition);
  const revision = keepsCurrent ? revisions.current : revisions.update;
  return newStatefulSetPod(set, revisionTemplate(revision), ordinal, revision.metadata.name ?? '');
}

function processReplica(run: Run, replica: Readonly<KubeObject>): Step {
  const phase = podPhase(replica);
  if (phase === 'Failed' || phase === 'Succeeded') {
    // Recreated on a later sync, once the old pod is gone.
    const error = replica.metadata.deletionTimestamp ? undefined : deletePod(run, replica);
    return { exit: true, ...(error ? { error } : {}) };
  }
  if (!isCreated(replica)) {
    const error = createPod(run, run.context.client.copy(replica));
    if (error) return { exit: true, error };
    if (run.monotonic) return { exit: true };
    return { exit: false };
  }
  const now = run.context.now();
  if (run.monotonic && isTerminating(replica)) return { exit: true };
  if (run.monotonic && !isRunningAndReady(replica)) return { exit: true };
  if (run.monotonic && !isRunningAndAvailable(replica, run.view.minReadySeconds, now)) return { exit: true };
  if (identityMatches(run.view, replica) && storageMatches(run.view, replica)) return { exit: false };
  const error = repairPod(run, replica);
  return error ? { exit: true, error } : { exit: false };
}

function processCondemned(run: Run, pod: Readonly<KubeObject>, firstUnhealthy: Readonly<KubeObject> | undefined): Step {
  if (isTerminating(pod)) return { exit: run.monotonic };
  const now = run.context.now();
  if (run.monotonic && pod !== firstUnhealthy) {
    if (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, run.view.minReadySeconds, now)) return { exit: true };
  }
  const error = deletePod(run, pod);
  return { exit: true, ...(error ? { error } : {}) };
}

/** runForAll: in order, stopping where a step says so; or (Parallel) in slow-start batches. */
function runForAll(run: Run, pods: readonly Readonly<KubeObject>[], step: (pod: Readonly<KubeObject>) => Step): Step {
  if (run.monotonic) {
    for (const pod of pods) {
      const outcome = step(pod);
      if (outcome.exit || outcome.error) return { exit: true, ...(outcome.error ? { error: outcome.error } : {}) };
    }
    return { exit: false };
  }
  let next = 0;
  for (
    let batch = Math.min(pods.length, 1);
    batch > 0;
    batch = Math.min(2 * batch, pods.length - next, MAX_BATCH_SIZE)
  ) {
    let error: ApiError | undefined;
    for (const pod of pods.slice(next, next + batch)) error ??= step(pod).error;
    next += batch;
    if (error) return { exit: true, error };
  }
  return { exit: false };
}

function countStatus(status: StatefulStatus, run: Run, ...lists: ReadonlyArray<readonly Readonly<KubeObject>[]>): void {
  const now = run.context.now();
  const currentName = run.revisions.current.metadata.name;
  const updateName = run.revisions.update.metadata.name;
  Object.assign(status, {
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  });
  for (const pod of lists.flat()) {
    if (isCreated(pod)) status.replicas++;
    if (isRunningAndReady(pod)) {
      status.readyReplicas++;
      if (isRunningAndAvailable(pod, run.view.minReadySeconds, now)) status.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      if (podRevision(pod) === currentName) status.currentReplicas++;
      if (podRevision(pod) === updateName) status.updatedReplicas++;
    }
  }
}

/** The rolling update: the highest ordinal not at the update revision goes first, one at a time. */
function rollOut(run: Run, replicas: readonly Readonly<KubeObject>[], status: StatefulStatus): ApiError | undefined {
  const updateMin = run.view.partition ?? 0;
  const updateName = run.revisions.update.metadata.name;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const replica = replicas[target];
    if (!replica) continue;
    if (podRevision(replica) !== updateName && !isTerminating(replica)) {
      const error = deletePod(run, replica);
      if (error && error.status.reason !== 'NotFound') return error;
      status.currentReplicas--;
      return undefined;
    }
    if (!isHealthy(replica)) return undefined;
  }
  return undefined;
}

/** updateStatefulSet: acts on the pods and returns the status to record (and any failure). */
export function updateStatefulSet(
  set: Readonly<KubeObject>,
  revisions: StatefulRevisions,
  pods: readonly Readonly<KubeObject>[],
  context: ControllerContext,
): { status: StatefulStatus; error?: ApiError } {
  const view = readStatefulSet(set);
  const run: Run = { set, view, revisions, context, monotonic: !view.parallel };
  const status: StatefulStatus = {
    observedGeneration: set.metadata.generation ?? 0,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    currentRevision: revisions.current.metadata.name ?? '',
    updateRevision: revisions.update.metadata.name ?? '',
    collisionCount: revisions.collisionCount,
    availableReplicas: 0,
  };
  countStatus(status, run, pods);
  const slots: Array<Readonly<KubeObject> | undefined> = [];
  const condemned: Array<Readonly<KubeObject>> = [];
  for (const pod of pods) {
    if (inOrdinalRange(view, pod)) slots[ordinalOf(pod) - view.startOrdinal] = pod;
    else if (ordinalOf(pod) >= 0) condemned.push(pod);
  }
  const replicas: Array<Readonly<KubeObject>> = [];
  for (let index = 0; index < view.replicas; index++) {
    replicas.push(slots[index] ?? versionedPod(run, index + view.startOrdinal));
  }
  condemned.sort((left, right) => ordinalOf(right) - ordinalOf(left));
  const firstUnhealthy =
    replicas.find((pod) => !isHealthy(pod)) ?? [...condemned].reverse().find((pod) => !isHealthy(pod));
  if (set.metadata.deletionTimestamp) return { status };
  const finish = (step: Step) => {
    countStatus(status, run, replicas, condemned);
    return { status, ...(step.error ? { error: step.error } : {}) };
  };
  const living = runForAll(run, replicas, (replica) => processReplica(run, replica));
  if (living.exit || living.error) return finish(living);
  const scaledDown = runForAll(run, condemned, (pod) => processCondemned(run, pod, firstUnhealthy));
  if (scaledDown.exit || scaledDown.error) return finish(scaledDown);
  countStatus(status, run, replicas, condemned);
  if (view.strategy === 'OnDelete') return { status };
  const error = rollOut(run, replicas, status);
  return { status, ...(error ? { error } : {}) };
}
