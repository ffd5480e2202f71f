// One kubelet sync of one pod: the pod as stored, its node, what the node's
// runtime remembers of it, and the helpers every step uses (events with the
// kubelet's source and field paths, jittered delays, the running process).
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { ControllerContext } from '../controller';
import { containerEnvironment, type EnvSources } from './container-env';
import { expandCommandLine } from './expansion';
import type { ImageCatalogue, KubeletImage } from './images';
import type { ContainerLogBuffer } from './logs';
import { nodeAllocatable, podSpec, type ContainerSpec, type PodSpecView } from './pod-spec';
import { effectiveCommand, processModel, type ProcessModel } from './process-model';
import type { ContainerRecord, KubeletState, PodRecord } from './runtime-state';
import { servicesAt } from './service-env';

export interface KubeletDeps {
  context: ControllerContext;
  state: KubeletState;
  images: ImageCatalogue;
  logs: ContainerLogBuffer;
}

export interface RunningProcess {
  image: KubeletImage;
  env: Array<[string, string]>;
  /** The command line the runtime started (after `$(VAR)` expansion). */
  argv: string[];
  model: ProcessModel;
}

export interface PodWork {
  deps: KubeletDeps;
  pod: Readonly<KubeObject>;
  spec: PodSpecView;
  record: PodRecord;
  node: Readonly<KubeObject>;
  /** Images the node pulled during this sync (to add to its status). */
  pulled: KubeletImage[];
  processes: Map<string, RunningProcess | undefined>;
}

/** kubelet's MaxContainerBackOff and the initial back-off of image pulls and restarts. */
export const MAX_BACKOFF_MS = 300_000;
export const INITIAL_BACKOFF_MS = 10_000;

export function newWork(
  deps: KubeletDeps,
  pod: Readonly<KubeObject>,
  record: PodRecord,
  node: Readonly<KubeObject>,
): PodWork {
  return { deps, pod, spec: podSpec(pod), record, node, pulled: [], processes: new Map() };
}

/** A delay in [min, max] ms, drawn from the cluster's seeded randomness. */
export function jitter(work: PodWork, min: number, max: number): number {
  return min + work.deps.context.random.int(max - min + 1);
}

/** When the kubelet next looks at the pod after something changed in it (PLEG relist, status sync). */
export function nextSync(work: PodWork, at: number): number {
  return at + jitter(work, 400, 1000);
}

export function containerSpecOf(work: PodWork, container: ContainerRecord): ContainerSpec | undefined {
  const list = container.init ? work.spec.initContainers : work.spec.containers;
  return list.find((candidate) => candidate.name === container.name);
}

export function podEvent(work: PodWork, type: 'Normal' | 'Warning', reason: string, message: string): void {
  work.deps.context.events.record(work.pod, type, reason, message, { component: 'kubelet', host: work.record.node });
}

export function containerEvent(
  work: PodWork,
  container: ContainerRecord,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  const fieldPath = `spec.${container.init ? 'initContainers' : 'containers'}{${container.name}}`;
  work.deps.context.events.record(
    work.pod,
    type,
    reason,
    message,
    { component: 'kubelet', host: work.record.node },
    fieldPath,
  );
}

/** format.Pod: `name_namespace(uid)`. */
export function podDescription(work: PodWork): string {
  return `${work.record.name}_${work.record.namespace}(${work.record.uid})`;
}

/** ConfigMaps, Secrets and node allocatable for the container environment. */
export function envSources(work: PodWork): EnvSources {
  const { client } = work.deps.context;
  const namespace = work.record.namespace;
  return {
    configMap: (name) => client.get(RESOURCES.configmaps, namespace, name),
    secret: (name) => client.get(RESOURCES.secrets, namespace, name),
    nodeAllocatable: nodeAllocatable(work.node),
  };
}

export function podHostname(work: PodWork): string {
  return (work.spec.hostname ?? work.record.name).slice(0, 63);
}

/** The environment and behaviour of a container's process started at `startedAt`. */
export function processFor(
  work: PodWork,
  spec: ContainerSpec,
  image: KubeletImage,
  startedAt: number,
): { ok: true; process: RunningProcess } | { ok: false; message: string } {
  const services = servicesAt(work.deps.context.client.list(RESOURCES.services), startedAt);
  const environment = containerEnvironment(work.pod, spec, services, image.env, envSources(work));
  if (!environment.ok) return environment;
  const argv = expandCommandLine(effectiveCommand(spec, image.process), environment.env);
  const model = processModel(argv, image.process, {
    env: environment.env,
    hostname: podHostname(work),
    startedAt,
    stdin: spec.stdin,
  });
  return { ok: true, process: { image, env: environment.env, argv, model } };
}

/** The process a running container has (recomputed: it is a pure function of the pod, image and start). */
export function runningProcess(work: PodWork, container: ContainerRecord): RunningProcess | undefined {
  const key = `${container.init}/${container.name}`;
  if (work.processes.has(key)) return work.processes.get(key);
  const spec = containerSpecOf(work, container);
  const lookup = spec ? work.deps.images(spec.image) : undefined;
  let process: RunningProcess | undefined;
  if (spec && lookup?.ok && container.startedAt !== undefined) {
    const result = processFor(work, spec, lookup.image, container.startedAt);
    if (result.ok) process = result.process;
  }
  work.processes.set(key, process);
  return process;
}

/** Go's time.Duration.String() of a duration truncated to milliseconds: `564ms`, `2.1s`, `1m5.2s`. */
export function goDuration(ms: number): string {
  const whole = Math.floor(ms);
  if (whole < 1000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const hours = Math.floor(minutes / 60);
  const seconds = ((whole % 60_000) / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  if (hours > 0) return `${hours}h${minutes % 60}m${seconds}s`;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
