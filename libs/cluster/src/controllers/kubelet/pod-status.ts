// The pod status the kubelet publishes for what runs on its node
// (generateAPIPodStatus, convertToAPIContainerStatuses, getPhase and
// status/generate.go of 1.32), merged with the old status as the status
// manager does: a condition keeps its lastTransitionTime while its status
// stays the same.
import { isRecord, type KubeObject } from '../../api/objects';
import { formatTimestamp } from '../../runtime/clock';
import { podSpec, podStatus, type ContainerSpec, type PodSpecView } from './pod-spec';
import { qosClass } from './resources';
import type { ContainerRecord, PodRecord, TerminatedRun } from './runtime-state';

type Json = Record<string, unknown>;

const ZERO_TIME = '1970-01-01T00:00:00Z';

function terminated(run: TerminatedRun): Json {
  const state: Json = {
    containerID: run.containerID,
    exitCode: run.exitCode,
    finishedAt: formatTimestamp(run.finishedAt),
  };
  if (run.message !== undefined) state.message = run.message;
  state.reason = run.reason;
  state.startedAt = run.neverStarted ? ZERO_TIME : formatTimestamp(run.startedAt);
  return state;
}

function volumeMounts(container: ContainerSpec): Json[] | undefined {
  if (!container.volumeMounts.length) return undefined;
  return container.volumeMounts.map((mount) => {
    const status: Json = { mountPath: mount.mountPath, name: mount.name };
    if (mount.readOnly) {
      status.readOnly = true;
      status.recursiveReadOnly = mount.recursiveReadOnly ?? 'Disabled';
    }
    return status;
  });
}

function containerState(record: ContainerRecord, defaultReason: string): Json {
  switch (record.phase) {
    case 'running':
    case 'stopping':
      return { running: { startedAt: formatTimestamp(record.startedAt ?? 0) } };
    case 'exited':
      if (record.exit) return { terminated: terminated(record.exit) };
      break;
    default:
      break;
  }
  const waiting: Json = {};
  if (record.message !== undefined) waiting.message = record.message;
  waiting.reason = record.reason ?? defaultReason;
  return { waiting };
}

export function containerStatus(spec: ContainerSpec, record: ContainerRecord | undefined, defaultReason: string): Json {
  const status: Json = {};
  const containerID = record?.containerID ?? record?.exit?.containerID ?? record?.last?.containerID;
  if (containerID) status.containerID = containerID;
  status.image = containerID && record?.image ? record.image : spec.image;
  status.imageID = containerID ? (record?.imageID ?? '') : '';
  // While waiting to restart, the run that just ended shows as the last state.
  const waitingAfterRun = record?.phase === 'waiting' || record?.phase === 'pulling' ? record.exit : undefined;
  const last = waitingAfterRun ?? record?.last;
  status.lastState = last ? { terminated: terminated(last) } : {};
  status.name = spec.name;
  status.ready = record?.ready ?? false;
  status.restartCount = record?.restartCount ?? 0;
  status.started = record?.started ?? false;
  status.state = record ? containerState(record, defaultReason) : { waiting: { reason: defaultReason } };
  const mounts = volumeMounts(spec);
  if (mounts) status.volumeMounts = mounts;
  return status;
}

function stateOf(status: Json | undefined): 'running' | 'terminated' | 'waiting' | 'unknown' {
  if (!status) return 'unknown';
  const state = isRecord(status.state) ? status.state : {};
  return state.running ? 'running' : state.terminated ? 'terminated' : 'waiting';
}

function exitCodeOf(run: unknown): number | undefined {
  return isRecord(run) && typeof run.exitCode === 'number' ? run.exitCode : undefined;
}

function terminatedOf(status: Json, key: 'state' | 'lastState'): Json | undefined {
  const state = isRecord(status[key]) ? status[key] : {};
  return isRecord(state.terminated) ? state.terminated : undefined;
}

/** getPhase: Pending until every container has started; then Running, Succeeded or Failed. */
export function podPhaseFor(spec: PodSpecView, init: Json[], regular: Json[], podIsTerminal: boolean): string {
  let pendingInit = 0;
  let failedInit = 0;
  let pendingSidecars = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  spec.initContainers.forEach((container, index) => {
    const status = init[index];
    const state = stateOf(status);
    if (container.restartPolicy === 'Always') {
      if (state === 'unknown') unknown++;
      else if (state === 'running') {
        if (!status?.started) pendingSidecars++;
        running++;
      } else if (state === 'waiting' && status && !terminatedOf(status, 'lastState')) pendingSidecars++;
      return;
    }
    if (state === 'unknown' || !status) unknown++;
    else if (state === 'running') pendingInit++;
    else if (state === 'terminated') {
      if (exitCodeOf(terminatedOf(status, 'state')) !== 0) failedInit++;
    } else {
      const last = terminatedOf(status, 'lastState');
      if (!last) pendingInit++;
      else if (exitCodeOf(last) !== 0) failedInit++;
    }
  });
  for (const status of regular) {
    const state = stateOf(status);
    if (state === 'running') running++;
    else if (state === 'terminated') {
      stopped++;
      if (exitCodeOf(terminatedOf(status, 'state')) === 0) succeeded++;
    } else if (state === 'waiting') {
      if (terminatedOf(status, 'lastState')) stopped++;
      else waiting++;
    } else unknown++;
  }
  const regularStarted = regular.some((status) => stateOf(status) !== 'waiting' || terminatedOf(status, 'lastState'));
  if (failedInit > 0 && spec.restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && !regularStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return spec.restartPolicy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

function condition(type: string, status: string, reason?: string, message?: string): Json {
  const result: Json = { type, status };
  if (reason) result.reason = reason;
  if (message) result.message = message;
  return result;
}

function readiness(spec: PodSpecView, init: Json[], regular: Json[], phase: string): Json {
  if (phase === 'Succeeded') return condition('ContainersReady', 'False', 'PodCompleted');
  if (phase === 'Failed') return condition('ContainersReady', 'False', 'PodFailed');
  const unready: string[] = [];
  spec.initContainers.forEach((container, index) => {
    if (container.restartPolicy === 'Always' && !init[index]?.ready) unready.push(container.name);
  });
  spec.containers.forEach((container, index) => {
    if (!regular[index]?.ready) unready.push(container.name);
  });
  if (!unready.length) return condition('ContainersReady', 'True');
  return condition(
    'ContainersReady',
    'False',
    'ContainersNotReady',
    `containers with unready status: [${unready.join(' ')}]`,
  );
}

function initialized(spec: PodSpecView, init: Json[], regular: Json[], phase: string): Json {
  if (phase === 'Succeeded') return condition('Initialized', 'True', 'PodCompleted');
  if (regular.some((status) => stateOf(status) !== 'waiting' || terminatedOf(status, 'lastState'))) {
    return condition('Initialized', 'True');
  }
  const incomplete = spec.initContainers
    .filter((container, index) => (container.restartPolicy === 'Always' ? !init[index]?.started : !init[index]?.ready))
    .map((container) => container.name);
  if (!incomplete.length) return condition('Initialized', 'True');
  return condition(
    'Initialized',
    'False',
    'ContainersNotInitialized',
    `containers with incomplete status: [${incomplete.join(' ')}]`,
  );
}

/** Keeps lastTransitionTime while a condition's status holds (status manager updateLastTransitionTime). */
function stamp(conditions: Json[], old: Json[], now: number): Json[] {
  return conditions.map((entry) => {
    const previous = old.find((candidate) => candidate.type === entry.type);
    const time =
      previous && previous.status === entry.status && typeof previous.lastTransitionTime === 'string'
        ? previous.lastTransitionTime
        : formatTimestamp(now);
    const { type, status, ...rest } = entry;
    return { lastProbeTime: null, lastTransitionTime: time, ...rest, status, type };
  });
}

/** The status the kubelet writes for `pod` given what runs for it. */
export function generatePodStatus(
  pod: Readonly<KubeObject>,
  record: PodRecord,
  now: number,
  podIsTerminal: boolean,
): Json {
  const spec = podSpec(pod);
  const old = podStatus(pod);
  const byName = new Map(record.containers.map((container) => [`${container.init}/${container.name}`, container]));
  const defaultReason = spec.initContainers.length ? 'PodInitializing' : 'ContainerCreating';
  const init = spec.initContainers.map((container) =>
    containerStatus(container, byName.get(`true/${container.name}`), defaultReason),
  );
  const regular = spec.containers.map((container) =>
    containerStatus(container, byName.get(`false/${container.name}`), defaultReason),
  );
  const phase = podPhaseFor(spec, init, regular, podIsTerminal);
  const containersReady = readiness(spec, init, regular, phase);
  const ready = { ...containersReady, type: 'Ready' };
  const sandbox = condition('PodReadyToStartContainers', record.sandboxReady && !record.sandboxGone ? 'True' : 'False');
  const oldConditions = Array.isArray(old.conditions) ? old.conditions.filter(isRecord) : [];
  const kubeletOwned = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  const conditions = [
    ...oldConditions.filter((entry) => !kubeletOwned.includes(String(entry.type))),
    ...stamp(
      [sandbox, initialized(spec, init, regular, phase), ready, containersReady, condition('PodScheduled', 'True')],
      oldConditions,
      now,
    ),
  ];
  const status: Json = {
    conditions,
    containerStatuses: regular,
    hostIP: record.hostIP,
    hostIPs: [{ ip: record.hostIP }],
  };
  if (init.length) status.initContainerStatuses = init;
  status.phase = phase;
  if (record.podIP) {
    status.podIP = record.podIP;
    status.podIPs = [{ ip: record.podIP }];
  }
  status.qosClass = typeof old.qosClass === 'string' ? old.qosClass : qosClass(spec);
  status.startTime = formatTimestamp(record.startTime);
  return status;
}
