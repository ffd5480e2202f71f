// The kubelet's prober for startup, readiness and liveness probes: each
// ticks every periodSeconds once initialDelaySeconds have passed (readiness
// runs at once when the container starts, as the prober manager triggers
// it); httpGet and tcpSocket succeed only if the process listens on the port
// (and the HTTP answer is 2xx/3xx), exec runs the command against the
// container's files. Failures give `Unhealthy` events with the kubelet's
// messages; a liveness (or startup) failure streak restarts the container.
import { bridgeAddress } from './ipam';
import { execInContainer } from './process-model';
import type { ContainerSpec, ProbeSpec } from './pod-spec';
import { nodePodCidr } from './pod-spec';
import { containerEvent, containerSpecOf, jitter, podHostname, runningProcess, type PodWork } from './pod-work';
import type { ContainerRecord, ProbeCounters } from './runtime-state';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

const KIND_WORD: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };
const PROBE_USER_AGENT = 'kube-probe/1.32';

interface ProbeResult {
  ok: boolean;
  output: string;
  /** The answer cannot change while the container runs (ports and HTTP answers are fixed). */
  steady: boolean;
}

function probeSpecOf(spec: ContainerSpec, kind: ProbeKind): ProbeSpec | undefined {
  return kind === 'startup' ? spec.startupProbe : kind === 'readiness' ? spec.readinessProbe : spec.livenessProbe;
}

/** Schedules the first tick of each probe the container has. */
export function initProbes(work: PodWork, container: ContainerRecord, spec: ContainerSpec, at: number): void {
  for (const kind of ['startup', 'readiness', 'liveness'] as const) {
    const probe = probeSpecOf(spec, kind);
    if (!probe) continue;
    const period = probe.periodSeconds * 1000;
    const offset =
      kind === 'readiness' && probe.initialDelaySeconds === 0 ? jitter(work, 100, 900) : jitter(work, 0, period - 1);
    const counters: ProbeCounters = {
      successes: 0,
      failures: 0,
      nextAt: at + probe.initialDelaySeconds * 1000 + offset,
    };
    container[kind] = counters;
  }
}

function resolvePort(port: number | string | undefined, spec: ContainerSpec): number | undefined {
  if (typeof port === 'number') return port;
  if (port !== undefined && /^\d+$/.test(port)) return Number(port);
  return spec.ports.find((candidate) => candidate.name === port)?.containerPort;
}

function podAddress(work: PodWork): string {
  return work.record.podIP ?? work.record.hostIP;
}

function evaluate(
  work: PodWork,
  container: ContainerRecord,
  spec: ContainerSpec,
  probe: ProbeSpec,
  at: number,
): ProbeResult {
  const process = runningProcess(work, container);
  const env = Object.fromEntries(process?.env ?? []);
  // Only the image's own program listens (a `sleep` handed to its entrypoint does not).
  const listening = process?.model.imageProcess ? process.image.listeningPorts(env, process.argv) : [];
  const check = probe.httpGet ?? probe.tcpSocket ?? probe.grpc;
  if (check) {
    const port = resolvePort(check.port, spec);
    if (port === undefined) return { ok: false, output: `couldn't find port: ${String(check.port)}`, steady: true };
    const host = ('host' in check && check.host) || podAddress(work);
    const hostPort = `${host}:${port}`;
    const refused = `dial tcp ${hostPort}: connect: connection refused`;
    const open = listening.some((entry) => entry.port === port && entry.protocol === 'TCP');
    if (!probe.httpGet)
      return open ? { ok: true, output: '', steady: true } : { ok: false, output: refused, steady: true };
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path || '/';
    if (!open) return { ok: false, output: `Get "${scheme}://${hostPort}${path}": ${refused}`, steady: true };
    const cidr = nodePodCidr(work.node);
    const response = process?.image.respond({
      method: 'GET',
      path,
      headers: [
        ['Host', hostPort],
        ['User-Agent', PROBE_USER_AGENT],
        ['Accept', '*/*'],
        ['Connection', 'close'],
      ],
      host: hostPort,
      clientIp: cidr ? bridgeAddress(cidr) : work.record.hostIP,
      serverIp: podAddress(work),
      podName: podHostname(work),
      now: at,
      env,
    });
    if (response && (response.status < 200 || response.status >= 400)) {
      return { ok: false, output: `HTTP probe failed with statuscode: ${response.status}`, steady: true };
    }
    return { ok: true, output: '', steady: true };
  }
  const command = probe.exec?.command ?? [];
  if (!process || container.startedAt === undefined) return { ok: false, output: '', steady: false };
  const files = process.model.filesAt(at - container.startedAt);
  const result = execInContainer(
    command,
    process.image.process,
    {
      env: process.env,
      hostname: podHostname(work),
      startedAt: at,
    },
    files,
  );
  return { ok: result.exitCode === 0, output: result.output, steady: false };
}

/** Kills a container whose liveness or startup probe failed too often; it restarts per restartPolicy. */
function killForProbe(work: PodWork, container: ContainerRecord, kind: ProbeKind, probe: ProbeSpec, at: number): void {
  containerEvent(
    work,
    container,
    'Normal',
    'Killing',
    `Container ${container.name} failed ${kind} probe, will be restarted`,
  );
  const grace = (probe as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds;
  stopContainer(work, container, at, (grace ?? work.spec.terminationGracePeriodSeconds) * 1000);
}

/** Sends SIGTERM: a process that handles it is gone within a second, others are killed when the grace period ends. */
export function stopContainer(work: PodWork, container: ContainerRecord, at: number, graceMs: number): void {
  const handles = container.handlesSigterm === true;
  const natural = container.dueAt;
  const stopAt = handles ? at + jitter(work, 100, 600) : at + graceMs;
  if (natural !== undefined && natural <= stopAt) {
    container.dueAt = natural;
  } else {
    container.dueAt = stopAt;
    container.exitCode = handles ? 0 : 137;
  }
  container.phase = 'stopping';
  container.readiness = container.liveness = container.startup = undefined;
}

/** One tick of one probe. */
export function tickProbe(work: PodWork, container: ContainerRecord, kind: ProbeKind, at: number): void {
  const spec = containerSpecOf(work, container);
  const counters = container[kind];
  const probe = spec ? probeSpecOf(spec, kind) : undefined;
  if (!spec || !counters || !probe || container.phase !== 'running') return;
  counters.nextAt += probe.periodSeconds * 1000;
  if (kind !== 'startup' && !container.started) return;
  const result = evaluate(work, container, spec, probe, at);
  if (result.ok) {
    counters.successes++;
    counters.failures = 0;
  } else {
    counters.failures++;
    counters.successes = 0;
    containerEvent(work, container, 'Warning', 'Unhealthy', `${KIND_WORD[kind]} probe failed: ${result.output}`);
  }
  if (kind === 'startup') {
    if (counters.successes >= probe.successThreshold) {
      container.started = true;
      container.startup = undefined;
      container.ready = !spec.readinessProbe;
    } else if (counters.failures >= probe.failureThreshold) killForProbe(work, container, kind, probe, at);
    return;
  }
  if (kind === 'readiness') {
    if (counters.successes >= probe.successThreshold) container.ready = true;
    if (counters.failures >= probe.failureThreshold) container.ready = false;
  } else if (counters.failures >= probe.failureThreshold) {
    killForProbe(work, container, kind, probe, at);
    return;
  }
  // A steady success changes nothing more: stop ticking to keep the cluster quiet.
  if (result.ok && result.steady && (kind === 'liveness' || container.ready)) container[kind] = undefined;
}
