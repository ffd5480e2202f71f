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
