// A pod's life on its node as a sequence of timed steps: the sandbox comes
// up (pod IP), containers are pulled and started in order, processes exit
// and restart, probes tick, and deletion stops everything. `advance` runs
// every step that is due, in time order; `nextStepAt` says when to wake.
import {
  afterExit,
  afterPullFailure,
  beginStart,
  completePull,
  continueStarts,
  decideRestart,
  restartContainer,
} from './container-start';
import { allocatePodIP } from './ipam';
import { nodePodCidr } from './pod-spec';
import { containerEvent, type PodWork } from './pod-work';
import { stopContainer, tickProbe, type ProbeKind } from './probes';
import type { ContainerRecord, PodRecord } from './runtime-state';

interface Step {
  at: number;
  run(): void;
}

export function newPodRecord(work: Omit<PodWork, 'record'>, hostIP: string, now: number): PodRecord {
  const { pod, spec } = work;
  const containers: ContainerRecord[] = [
    ...spec.initContainers.map((container) => ({ name: container.name, init: true })),
    ...spec.containers.map((container) => ({ name: container.name, init: false })),
  ].map(({ name, init }) => ({ name, init, phase: 'waiting', restartCount: 0, ready: false, started: false }));
  return {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    node: spec.nodeName,
    hostIP,
    startTime: now,
    sandboxReadyAt: now + 600 + work.deps.context.random.int(800),
    sandboxReady: false,
    containers,
  };
}

function sandboxReady(work: PodWork): void {
  const record = work.record;
  record.sandboxReady = true;
  if (work.spec.hostNetwork) record.podIP = record.hostIP;
  else {
    const cidr = nodePodCidr(work.node);
    record.podIP = cidr ? allocatePodIP(work.deps.state, record.node, cidr) : undefined;
  }
}

function exitContainer(work: PodWork, container: ContainerRecord, at: number): void {
  const exitCode = container.exitCode ?? 0;
  container.exit = {
    containerID: container.containerID ?? '',
    startedAt: container.startedAt ?? at,
    finishedAt: at,
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
  };
  container.phase = 'exited';
  container.dueAt = undefined;
  container.next = undefined;
  afterExit(work, container, at);
}

function containerStep(work: PodWork, container: ContainerRecord): Step | undefined {
  const at = container.dueAt;
  if (at === undefined) return undefined;
  switch (container.phase) {
    case 'pulling':
      return { at, run: () => completePull(work, container, at) };
    case 'running':
    case 'stopping':
      return { at, run: () => exitContainer(work, container, at) };
    case 'exited':
      return container.next === 'restart' ? { at, run: () => decideRestart(work, container, at) } : undefined;
    case 'waiting':
      if (container.next === 'report-backoff') return { at, run: () => afterPullFailure(work, container, at) };
      if (container.next !== 'start') return undefined;
      return {
        at,
        run: () => (container.exit ? restartContainer(work, container, at) : beginStart(work, container, at)),
      };
  }
}

function probeSteps(work: PodWork, container: ContainerRecord): Step[] {
  if (container.phase !== 'running' || work.record.terminating) return [];
  const steps: Step[] = [];
  for (const kind of ['startup', 'readiness', 'liveness'] as ProbeKind[]) {
    const counters = container[kind];
    if (counters) steps.push({ at: counters.nextAt, run: () => tickProbe(work, container, kind, counters.nextAt) });
  }
  return steps;
}

function steps(work: PodWork): Step[] {
  const record = work.record;
  const all: Step[] = [];
  if (!record.sandboxReady && !record.terminating) {
    all.push({ at: record.sandboxReadyAt, run: () => sandboxReady(work) });
  }
  const resume = record.continueAt;
  if (resume !== undefined && !record.terminating) {
    all.push({
      at: resume,
      run: () => {
        record.continueAt = undefined;
      },
    });
  }
  for (const container of record.containers) {
    const step = containerStep(work, container);
    if (step) all.push(step);
    all.push(...probeSteps(work, container));
  }
  return all;
}

function earliest(work: PodWork): Step | undefined {
  return steps(work).reduce<Step | undefined>((best, step) => (!best || step.at < best.at ? step : best), undefined);
}

/** Runs every step due by `now`, each at its own time. */
export function advance(work: PodWork, now: number): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const step = earliest(work);
    if (!step || step.at > now) return;
    step.run();
    continueStarts(work, step.at);
  }
}

/** When the pod next needs the kubelet, if ever. */
export function nextStepAt(work: PodWork): number | undefined {
  return earliest(work)?.at;
}

/** Deletion: every running container is told to stop; what has not started never will. */
export function beginTermination(work: PodWork, at: number): void {
  const record = work.record;
  record.terminating = { since: at };
  record.continueAt = undefined;
  const graceSeconds = work.pod.metadata.deletionGracePeriodSeconds ?? work.spec.terminationGracePeriodSeconds;
  for (const container of record.containers) {
    if (container.phase === 'running') {
      containerEvent(work, container, 'Normal', 'Killing', `Stopping container ${container.name}`);
      stopContainer(work, container, at, graceSeconds * 1000);
    } else if (container.phase === 'pulling' || container.phase === 'waiting' || container.phase === 'exited') {
      if (container.phase === 'pulling') container.phase = 'waiting';
      container.dueAt = undefined;
      container.next = undefined;
    }
  }
}

/** Deletion finished: no container runs any more. */
export function terminationDone(record: PodRecord): boolean {
  return (
    record.terminating !== undefined &&
    record.containers.every((container) => container.phase !== 'running' && container.phase !== 'stopping')
  );
}
