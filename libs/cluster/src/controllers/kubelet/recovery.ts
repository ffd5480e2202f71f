// A kubelet that starts without its runtime state (a cluster restored from a
// snapshot that did not carry it) rebuilds what it needs from the pods'
// published status, as a restarted kubelet reads containerd's: running
// containers keep running (their exits and probes rescheduled), finished ones
// stay finished, and anything not yet started is started again.
import { isRecord } from '../../api/objects';
import { ipToNumber, numberToIp } from '../../network/addresses';
import { RESOURCES } from '../../api/resource-refs';
import { parseTimestamp } from '../../runtime/clock';
import { newPodRecord } from './lifecycle';
import { containerSpecOf, processFor, type PodWork } from './pod-work';
import { initProbes } from './probes';
import { podSpec, podStatus } from './pod-spec';
import { addressesInUse } from './ipam';
import type { ContainerRecord, PodRecord, TerminatedRun } from './runtime-state';

type Json = Record<string, unknown>;

function terminatedRun(value: unknown): TerminatedRun | undefined {
  if (!isRecord(value) || !isRecord(value.terminated)) return undefined;
  const state = value.terminated;
  const run: TerminatedRun = {
    containerID: typeof state.containerID === 'string' ? state.containerID : '',
    startedAt: parseTimestamp(state.startedAt) ?? 0,
    finishedAt: parseTimestamp(state.finishedAt) ?? 0,
    exitCode: typeof state.exitCode === 'number' ? state.exitCode : 0,
    reason: typeof state.reason === 'string' ? state.reason : 'Completed',
  };
  if (typeof state.message === 'string') run.message = state.message;
  if (state.startedAt === '1970-01-01T00:00:00Z') run.neverStarted = true;
  return run;
}

function recoverContainer(work: PodWork, container: ContainerRecord, status: Json | undefined, now: number): void {
  if (!status) return;
  container.restartCount = typeof status.restartCount === 'number' ? status.restartCount : 0;
  container.last = terminatedRun(status.lastState);
  const state = isRecord(status.state) ? status.state : {};
  if (typeof status.containerID === 'string') {
    container.containerID = status.containerID;
    container.image = typeof status.image === 'string' ? status.image : undefined;
    container.imageID = typeof status.imageID === 'string' ? status.imageID : undefined;
  }
  if (isRecord(state.running)) {
    container.attempted = true;
    container.phase = 'running';
    container.startedAt = parseTimestamp(state.running.startedAt) ?? now;
    container.ready = status.ready === true;
    container.started = status.started === true;
    const spec = containerSpecOf(work, container);
    const lookup = spec ? work.deps.images(spec.image) : undefined;
    const result = spec && lookup?.ok ? processFor(work, spec, lookup.image, container.startedAt) : undefined;
    if (result?.ok) {
      const { model } = result.process;
      container.handlesSigterm = model.handlesSigterm;
      container.exitCode = model.exitCode;
      if (model.exitAfterMs !== undefined) container.dueAt = Math.max(now, container.startedAt + model.exitAfterMs);
    }
    if (spec) {
      initProbes(work, container, spec, now);
      if (container.ready) container.readiness = undefined;
      if (container.started) container.startup = undefined;
    }
    return;
  }
  const waiting = isRecord(state.waiting) ? state.waiting : undefined;
  if (waiting && waiting.reason === 'CrashLoopBackOff' && container.last) {
    // Back in the back-off between two runs: the last run is the one that just ended.
    const backoff = /^back-off (?:(\d+)m)?(\d+)s /.exec(typeof waiting.message === 'string' ? waiting.message : '');
    container.crashBackoffMs = backoff ? (Number(backoff[1] ?? 0) * 60 + Number(backoff[2])) * 1000 : 10_000;
    container.crashBackoffUpdatedAt = now;
    container.exit = container.last;
    container.last = undefined;
    container.attempted = true;
    container.phase = 'waiting';
    container.reason = 'CrashLoopBackOff';
    container.message = typeof waiting.message === 'string' ? waiting.message : undefined;
    container.dueAt = Math.max(now, container.exit.finishedAt + container.crashBackoffMs);
    container.next = 'start';
    return;
  }
  const exit = terminatedRun(state);
  if (exit) {
    container.attempted = true;
    container.phase = 'exited';
    container.exit = exit;
    container.done = container.init && exit.exitCode === 0;
    container.ready = container.done;
  }
}

/** The runtime record of a pod the kubelet has published status for, or a fresh one. */
export function recoverPodRecord(work: Omit<PodWork, 'record'>, hostIP: string, now: number): PodRecord {
  const status = podStatus(work.pod);
  const record = newPodRecord(work, hostIP, now);
  const startTime = parseTimestamp(status.startTime);
  if (startTime === undefined) return record;
  record.startTime = startTime;
  if (typeof status.podIP === 'string') {
    record.podIP = status.podIP;
    record.sandboxReady = true;
    record.sandboxReadyAt = startTime;
  }
  const full: PodWork = { ...work, record };
  const statuses = (key: string): Json[] => (Array.isArray(status[key]) ? status[key].filter(isRecord) : []);
  for (const container of record.containers) {
    const list = statuses(container.init ? 'initContainerStatuses' : 'containerStatuses');
    recoverContainer(
      full,
      container,
      list.find((entry) => entry.name === container.name),
      now,
    );
  }
  const phase = status.phase;
  if (phase === 'Succeeded' || phase === 'Failed') record.sandboxGone = true;
  return record;
}

/** host-local's last reserved address, when it was lost: the highest one the node's pods report. */
export function recoverLastPodIP(work: PodWork): void {
  const state = work.deps.state;
  const node = work.record.node;
  if (state.lastPodIP[node] !== undefined) return;
  const reported = work.deps.context.client
    .list(RESOURCES.pods)
    .filter((pod) => podSpec(pod).nodeName === node && !podSpec(pod).hostNetwork)
    .map((pod) => podStatus(pod).podIP);
  const addresses = [...reported, ...addressesInUse(state, node)].filter((ip): ip is string => typeof ip === 'string');
  const highest = Math.max(0, ...addresses.map((ip) => ipToNumber(ip) ?? 0));
  if (highest > 0) state.lastPodIP[node] = numberToIp(highest);
}
