// Starting containers as the kubelet's SyncPod does, one after the other:
// EnsureImageExists (present / Pulling / ErrImagePull / ImagePullBackOff
// with its 10s..5m back-off), then the container config (env sources may be
// missing: CreateContainerConfigError), Created, Started. After an exit the
// restart policy and the CrashLoopBackOff back-off decide what comes next.
import { sha256Hex } from '../../runtime/sha256';
import type { KubeletImage } from './images';
import { nodeImageNames } from './images';
import { initProbes } from './probes';
import {
  containerEvent,
  containerSpecOf,
  goDuration,
  INITIAL_BACKOFF_MS,
  jitter,
  MAX_BACKOFF_MS,
  nextSync,
  podDescription,
  processFor,
  type PodWork,
} from './pod-work';
import type { ContainerRecord } from './runtime-state';

function waiting(container: ContainerRecord, reason: string, message: string | undefined): void {
  container.phase = 'waiting';
  container.reason = reason;
  container.message = message;
}

function nodeHasImage(work: PodWork, image: KubeletImage): boolean {
  const status = work.node.status as { images?: Array<{ names?: string[] }> } | undefined;
  const wanted = nodeImageNames(image);
  const held = [
    ...(status?.images ?? []).flatMap((entry) => entry.names ?? []),
    ...work.pulled.flatMap(nodeImageNames),
  ];
  return image.tag !== undefined ? held.includes(wanted[1] ?? '') : held.includes(wanted[0] ?? '');
}

/** A pull of the same image already under way on the node ends when that one does (containerd shares it). */
function pullUnderWay(work: PodWork, image: KubeletImage, at: number): number | undefined {
  let end: number | undefined;
  for (const record of Object.values(work.deps.state.pods)) {
    if (record.node !== work.record.node) continue;
    for (const other of record.containers) {
      if (other.phase === 'pulling' && other.image === image.name && (other.dueAt ?? 0) > at) {
        end = Math.max(end ?? 0, other.dueAt ?? 0);
      }
    }
  }
  return end;
}

/** A fresh pull takes time by size (~40 MB/s); re-pulling layers the node has is a registry round trip. */
function pullDuration(work: PodWork, image: KubeletImage, present: boolean): number {
  if (present) return jitter(work, 400, 1200);
  const base = 300 + image.sizeBytes / 40_000;
  return Math.round((base * (85 + jitter(work, 0, 30))) / 100);
}

function inPullBackoff(container: ContainerRecord, at: number): boolean {
  return container.pullFailedAt !== undefined && at - container.pullFailedAt < (container.pullBackoffMs ?? 0);
}

function reportPullBackoff(work: PodWork, container: ContainerRecord, imageRef: string): void {
  const message = `Back-off pulling image "${imageRef}"`;
  containerEvent(work, container, 'Normal', 'BackOff', message);
  containerEvent(work, container, 'Warning', 'Failed', 'Error: ImagePullBackOff');
  waiting(container, 'ImagePullBackOff', message);
  container.dueAt = (container.pullFailedAt ?? 0) + (container.pullBackoffMs ?? 0);
  container.next = 'start';
}

/** EnsureImageExists and what follows it. */
export function beginStart(work: PodWork, container: ContainerRecord, at: number): void {
  const spec = containerSpecOf(work, container);
  if (!spec) return;
  container.attempted = true;
  container.dueAt = undefined;
  container.next = undefined;
  const lookup = work.deps.images(spec.image);
  if (!lookup.ok && lookup.reason === 'InvalidImageName') {
    containerEvent(work, container, 'Warning', 'InspectFailed', lookup.message);
    containerEvent(work, container, 'Warning', 'Failed', 'Error: InvalidImageName');
    waiting(container, 'InvalidImageName', lookup.message);
    return;
  }
  const present = lookup.ok && nodeHasImage(work, lookup.image);
  if (lookup.ok && present && spec.imagePullPolicy !== 'Always') {
    containerEvent(work, container, 'Normal', 'Pulled', `Container image "${spec.image}" already present on machine`);
    createAndStart(work, container, lookup.image, at);
    return;
  }
  if (spec.imagePullPolicy === 'Never') {
    const message = `Container image "${spec.image}" is not present with pull policy of Never`;
    containerEvent(work, container, 'Warning', 'ErrImageNeverPull', message);
    containerEvent(work, container, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    waiting(container, 'ErrImageNeverPull', message);
    return;
  }
  if (inPullBackoff(container, at)) {
    reportPullBackoff(work, container, spec.image);
    return;
  }
  containerEvent(work, container, 'Normal', 'Pulling', `Pulling image "${spec.image}"`);
  container.phase = 'pulling';
  container.pullStartedAt = at;
  if (lookup.ok) {
    container.image = lookup.image.name;
    container.dueAt = pullUnderWay(work, lookup.image, at) ?? at + pullDuration(work, lookup.image, present);
  } else {
    container.dueAt = at + jitter(work, 500, 1500);
  }
}

/** The pull finished: the image is there, or the registry said no. */
export function completePull(work: PodWork, container: ContainerRecord, at: number): void {
  const spec = containerSpecOf(work, container);
  if (!spec) return;
  const lookup = work.deps.images(spec.image);
  if (!lookup.ok) {
    containerEvent(work, container, 'Warning', 'Failed', `Failed to pull image "${spec.image}": ${lookup.message}`);
    containerEvent(work, container, 'Warning', 'Failed', 'Error: ErrImagePull');
    waiting(container, 'ErrImagePull', lookup.message);
    // flowcontrol.Backoff.Next: start over after a quiet spell of twice the maximum.
    const fresh = container.pullFailedAt === undefined || at - container.pullFailedAt > 2 * MAX_BACKOFF_MS;
    container.pullBackoffMs = fresh ? INITIAL_BACKOFF_MS : Math.min(2 * (container.pullBackoffMs ?? 0), MAX_BACKOFF_MS);
    container.pullFailedAt = at;
    container.dueAt = nextSync(work, at);
    container.next = 'report-backoff';
    return;
  }
  const took = goDuration(at - (container.pullStartedAt ?? at));
  containerEvent(
    work,
    container,
    'Normal',
    'Pulled',
    `Successfully pulled image "${spec.image}" in ${took} (${took} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`,
  );
  work.pulled.push(lookup.image);
  container.pullFailedAt = undefined;
  container.pullBackoffMs = undefined;
  createAndStart(work, container, lookup.image, at);
}

/** The sync after a failed pull reports the back-off, or pulls again once it is over. */
export function afterPullFailure(work: PodWork, container: ContainerRecord, at: number): void {
  const spec = containerSpecOf(work, container);
  if (!spec) return;
  if (inPullBackoff(container, at)) reportPullBackoff(work, container, spec.image);
  else beginStart(work, container, at);
}

function createAndStart(work: PodWork, container: ContainerRecord, image: KubeletImage, at: number): void {
  const spec = containerSpecOf(work, container);
  if (!spec) return;
  const result = processFor(work, spec, image, at);
  if (!result.ok) {
    containerEvent(work, container, 'Warning', 'Failed', `Error: ${result.message}`);
    waiting(container, 'CreateContainerConfigError', result.message);
    container.dueAt = at + jitter(work, 10_000, 15_000);
    container.next = 'start';
    return;
  }
  const { model } = result.process;
  const id = `containerd://${sha256Hex(`${work.record.uid}/${container.name}/${container.restartCount}/${at}`)}`;
  container.containerID = id;
  container.image = image.name;
  container.imageID = image.imageID;
  containerEvent(work, container, 'Normal', 'Created', `Created container: ${container.name}`);
  if (model.startError) {
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${model.startError}: unknown`;
    containerEvent(work, container, 'Warning', 'Failed', `Error: ${message}`);
    container.exit = {
      containerID: id,
      startedAt: at,
      finishedAt: at,
      exitCode: 128,
      reason: 'StartError',
      message,
      neverStarted: true,
    };
    container.phase = 'exited';
    afterExit(work, container, at);
    return;
  }
  containerEvent(work, container, 'Normal', 'Started', `Started container ${container.name}`);
  work.processes.set(`${container.init}/${container.name}`, result.process);
  container.phase = 'running';
  container.startedAt = at;
  container.reason = undefined;
  container.message = undefined;
  container.handlesSigterm = model.handlesSigterm;
  container.exitCode = model.exitCode;
  container.dueAt = model.exitAfterMs === undefined ? undefined : at + model.exitAfterMs;
  container.next = undefined;
  const sidecar = container.init && spec.restartPolicy === 'Always';
  container.started = !spec.startupProbe;
  container.ready = container.started && !spec.readinessProbe && (!container.init || sidecar);
  initProbes(work, container, spec, at);
  work.deps.logs.keepRecent(work.record.uid, container.name, container.restartCount);
}

function restartable(work: PodWork, container: ContainerRecord): boolean {
  const spec = containerSpecOf(work, container);
  if (container.init && spec?.restartPolicy === 'Always') return true;
  const policy = work.spec.restartPolicy;
  return policy === 'Always' || (policy === 'OnFailure' && container.exit?.exitCode !== 0);
}

/** Every container is done for good: the pod is terminal and its sandbox goes. */
function settleIfTerminal(work: PodWork): void {
  const record = work.record;
  const initFailed = record.containers.some(
    (container) =>
      container.init && container.phase === 'exited' && container.exit?.exitCode !== 0 && !restartable(work, container),
  );
  const regularDone = record.containers
    .filter((container) => !container.init)
    .every((container) => container.phase === 'exited' && !restartable(work, container));
  if (initFailed || regularDone) record.sandboxGone = true;
}

/** After a container's process ended: the next init container, a restart, or nothing. */
export function afterExit(work: PodWork, container: ContainerRecord, at: number): void {
  container.ready = false;
  container.started = false;
  container.readiness = container.liveness = container.startup = undefined;
  if (work.record.terminating) return;
  const spec = containerSpecOf(work, container);
  if (container.init && spec?.restartPolicy !== 'Always' && container.exit?.exitCode === 0) {
    container.done = true;
    container.ready = true;
    work.record.continueAt = nextSync(work, at);
    return;
  }
  if (!restartable(work, container)) {
    settleIfTerminal(work);
    return;
  }
  container.dueAt = nextSync(work, at);
  container.next = 'restart';
}

/** doBackOff: restart now, or wait out CrashLoopBackOff. */
export function decideRestart(work: PodWork, container: ContainerRecord, at: number): void {
  const finished = container.exit?.finishedAt ?? at;
  const backoff = container.crashBackoffMs;
  const expired = backoff === undefined || finished - (container.crashBackoffUpdatedAt ?? 0) > 2 * MAX_BACKOFF_MS;
  if (backoff !== undefined && !expired && at - finished < backoff) {
    containerEvent(
      work,
      container,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${container.name} in pod ${podDescription(work)}`,
    );
    waiting(
      container,
      'CrashLoopBackOff',
      `back-off ${goDuration(backoff)} restarting failed container=${container.name} pod=${podDescription(work)}`,
    );
    container.dueAt = finished + backoff;
    container.next = 'start';
    return;
  }
  restartContainer(work, container, at);
}

/** backOff.Next, then a new attempt: restartCount goes up, the ended run becomes lastState. */
export function restartContainer(work: PodWork, container: ContainerRecord, at: number): void {
  const finished = container.exit?.finishedAt ?? at;
  const backoff = container.crashBackoffMs;
  const expired = backoff === undefined || finished - (container.crashBackoffUpdatedAt ?? 0) > 2 * MAX_BACKOFF_MS;
  container.crashBackoffMs = expired ? INITIAL_BACKOFF_MS : Math.min(2 * backoff, MAX_BACKOFF_MS);
  container.crashBackoffUpdatedAt = at;
  if (container.exit) container.last = container.exit;
  container.exit = undefined;
  container.containerID = undefined;
  container.restartCount += 1;
  beginStart(work, container, at);
}

/** Starts what is due next: the first unfinished init container, else every container not yet tried, in order. */
export function continueStarts(work: PodWork, at: number): void {
  const record = work.record;
  if (record.terminating || !record.sandboxReady || record.sandboxGone) return;
  if (record.continueAt !== undefined && record.continueAt > at) return;
  if (record.containers.some((container) => container.phase === 'pulling')) return;
  for (const container of record.containers.filter((candidate) => candidate.init)) {
    const sidecar = containerSpecOf(work, container)?.restartPolicy === 'Always';
    if (container.done || (sidecar && container.started)) continue;
    if (!container.attempted) beginStart(work, container, at);
    if (!sidecar || !container.started) return;
  }
  for (const container of record.containers.filter((candidate) => !candidate.init)) {
    if (container.attempted) continue;
    beginStart(work, container, at);
    if (container.phase === 'pulling') return;
  }
}
