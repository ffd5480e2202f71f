// `kubectl logs` as the kubelet answers it (GetContainerLogs and
// validateContainerLogStatus): which run of the container is meant (current,
// or `--previous`), the refusals for containers that have no logs yet, and
// the lines of that run: the image program's start-up logs, what the command
// line prints over time (process-model), and lines appended to the log
// buffer (the network model's access logs), in time order.
import type { KubeObject } from '../../api/objects';
import { isRecord } from '../../api/objects';
import { parseTimestamp } from '../../runtime/clock';
import { containerEnvironment, type EnvSources } from './container-env';
import { expandCommandLine } from './expansion';
import { catalogueImages, type ImageCatalogue } from './images';
import type { ContainerLogBuffer, LogEntry } from './logs';
import { podSpec, podStatus } from './pod-spec';
import { effectiveCommand, processModel } from './process-model';
import { servicesAt } from './service-env';

export interface LogSources extends EnvSources {
  /** Every Service of the cluster (those created by a run's start count for its environment). */
  services: readonly Readonly<KubeObject>[];
  buffer?: ContainerLogBuffer;
  images?: ImageCatalogue;
}

export type LogResult = { ok: true; lines: LogEntry[] } | { ok: false; message: string };

interface Run {
  attempt: number;
  startedAt: number;
  /** Undefined while it runs. */
  finishedAt: number | undefined;
}

function statusOf(pod: Readonly<KubeObject>, container: string): Record<string, unknown> | undefined {
  const status = podStatus(pod);
  for (const key of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    const list = Array.isArray(status[key]) ? status[key].filter(isRecord) : [];
    const found = list.find((entry) => entry.name === container);
    if (found) return found;
  }
  return undefined;
}

function terminatedRun(value: unknown, attempt: number): Run | undefined {
  const state = isRecord(value) && isRecord(value.terminated) ? value.terminated : undefined;
  if (!state || !state.containerID) return undefined;
  return {
    attempt,
    startedAt: parseTimestamp(state.startedAt) ?? 0,
    finishedAt: parseTimestamp(state.finishedAt),
  };
}

/** Which run `kubectl logs [--previous]` reads, or the kubelet's refusal. */
function pickRun(pod: Readonly<KubeObject>, container: string, previous: boolean): Run | string {
  const podName = pod.metadata.name ?? '';
  const status = statusOf(pod, container);
  if (!status) return `container "${container}" in pod "${podName}" is not available`;
  const restarts = typeof status.restartCount === 'number' ? status.restartCount : 0;
  const state = isRecord(status.state) ? status.state : {};
  const waiting = isRecord(state.waiting) ? state.waiting : undefined;
  // While waiting to restart, the last state is the latest run (attempt `restartCount`).
  const lastAttempt = waiting ? restarts : restarts - 1;
  const last = terminatedRun(status.lastState, lastAttempt);
  if (previous) return last ?? `previous terminated container "${container}" in pod "${podName}" not found`;
  if (isRecord(state.running)) {
    return { attempt: restarts, startedAt: parseTimestamp(state.running.startedAt) ?? 0, finishedAt: undefined };
  }
  if (state.terminated) {
    return terminatedRun(state, restarts) ?? last ?? `container "${container}" in pod "${podName}" is terminated`;
  }
  if (last) return last;
  const reason = waiting && typeof waiting.reason === 'string' ? waiting.reason : undefined;
  if (reason === 'ErrImagePull')
    return `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`;
  if (reason === 'ImagePullBackOff') {
    return `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`;
  }
  if (reason !== undefined) return `container "${container}" in pod "${podName}" is waiting to start: ${reason}`;
  return `container "${container}" in pod "${podName}" is waiting to start - no logs yet`;
}

/** The lines one run of a container wrote up to `now`. */
function runLines(pod: Readonly<KubeObject>, name: string, run: Run, now: number, sources: LogSources): LogEntry[] {
  const spec = podSpec(pod);
  const container = [...spec.containers, ...spec.initContainers].find((candidate) => candidate.name === name);
  const lookup = container ? (sources.images ?? catalogueImages)(container.image) : undefined;
  const until = Math.min(now, run.finishedAt ?? now);
  const lines: LogEntry[] = [];
  if (container && lookup?.ok) {
    const image = lookup.image;
    const env = containerEnvironment(pod, container, servicesAt(sources.services, run.startedAt), image.env, sources);
    if (env.ok) {
      const argv = expandCommandLine(effectiveCommand(container, image.process), env.env);
      const hostname = (spec.hostname ?? pod.metadata.name ?? '').slice(0, 63);
      const model = processModel(argv, image.process, { env: env.env, hostname, startedAt: run.startedAt });
      if (model.imageProcess) {
        const status = podStatus(pod);
        const podIp = typeof status.podIP === 'string' ? status.podIP : undefined;
        const start = { now: run.startedAt, env: Object.fromEntries(env.env), hostname, ...(podIp ? { podIp } : {}) };
        for (const text of image.startupLogs(start)) lines.push({ at: run.startedAt, text });
      }
      for (const line of model.output(until - run.startedAt))
        lines.push({ at: run.startedAt + line.atMs, text: line.text });
    }
  }
  for (const entry of sources.buffer?.entries(pod.metadata.uid ?? '', name, run.attempt) ?? []) {
    if (entry.at <= until) lines.push(entry);
  }
  // Stable: start-up lines stay ahead of what follows at the same moment.
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.at - b.line.at || a.index - b.index)
    .map(({ line }) => line);
}

/**
 * The log lines of a container of `pod` as `kubectl logs` would show them at
 * `now`, or the kubelet's message when it has none to give (the API server
 * returns it as a 400 BadRequest).
 */
export function containerLogs(
  pod: Readonly<KubeObject>,
  container: string,
  now: number,
  sources: LogSources,
  options: { previous?: boolean } = {},
): LogResult {
  const run = pickRun(pod, container, options.previous === true);
  if (typeof run === 'string') return { ok: false, message: run };
  return { ok: true, lines: runLines(pod, container, run, now, sources) };
}
