// `kubectl exec`: runs a command in a running container with the
// environment, hostname and files the container's process sees.
import type { KubeObject } from '../../api/objects';
import { podSpec, podStatus } from '../../registry/pod';
import { parseTimestamp } from '../../runtime/clock';
import type { LogSources } from './container-logs';
import { containerEnvironment } from './container-env';
import { expandCommandLine } from './expansion';
import { catalogueImages } from './images';
import { effectiveCommand, execInContainer, processModel, type ExecResult } from './process-model';
import { servicesAt } from './service-env';

export type ExecOutcome = ({ ok: true } & ExecResult) | { ok: false; message: string };

/**
 * The environment a container's process got when it started, for a container
 * that has run (running, or terminated: `kubectl run -it` attaching to a
 * program that already finished).
 */
export function containerProcessEnvironment(
  pod: Readonly<KubeObject>,
  name: string,
  sources: LogSources,
): { ok: true; env: Record<string, string> } | { ok: false; message: string } {
  const container = podSpec(pod).containers.find((candidate) => candidate.name === name);
  const state = podStatus(pod).containerStatuses.find((candidate) => candidate.name === name)?.state;
  const started = (state?.running ?? state?.terminated) as { startedAt?: string } | undefined;
  const startedAt = parseTimestamp(started?.startedAt);
  if (!container || startedAt === undefined) return { ok: false, message: `container not found ("${name}")` };
  const lookup = (sources.images ?? catalogueImages)(container.image);
  if (!lookup.ok) return { ok: false, message: `container not found ("${name}")` };
  const env = containerEnvironment(pod, container, servicesAt(sources.services, startedAt), lookup.image.env, sources);
  return env.ok
    ? { ok: true, env: Object.fromEntries(env.env) }
    : { ok: false, message: `container not found ("${name}")` };
}

export function execInPod(
  pod: Readonly<KubeObject>,
  name: string,
  command: readonly string[],
  now: number,
  sources: LogSources,
): ExecOutcome {
  const spec = podSpec(pod);
  const container = spec.containers.find((candidate) => candidate.name === name);
  const status = podStatus(pod).containerStatuses.find((candidate) => candidate.name === name);
  const running = status?.state.running as { startedAt?: string } | undefined;
  const startedAt = parseTimestamp(running?.startedAt);
  if (!container || startedAt === undefined) return { ok: false, message: `container not found ("${name}")` };
  const lookup = (sources.images ?? catalogueImages)(container.image);
  if (!lookup.ok) return { ok: false, message: `container not found ("${name}")` };
  const image = lookup.image;
  const env = containerEnvironment(pod, container, servicesAt(sources.services, startedAt), image.env, sources);
  if (!env.ok) return { ok: false, message: `container not found ("${name}")` };
  const hostname = (spec.hostname ?? pod.metadata.name ?? '').slice(0, 63);
  const argv = expandCommandLine(effectiveCommand(container, image.process), env.env);
  const files = processModel(argv, image.process, { env: env.env, hostname, startedAt }).filesAt(now - startedAt);
  return { ok: true, ...execInContainer(command, image.process, { env: env.env, hostname, startedAt: now }, files) };
}
