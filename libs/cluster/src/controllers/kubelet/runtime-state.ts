// What the nodes remember outside the API, as containerd, the CNI plugin and
// the kubelet's own back-off tables do on a real node: each pod's sandbox
// and containers, the last pod IP handed out per node, and container logs
// appended from outside. Plain JSON, so a cluster snapshot can carry it.
import type { ContainerLogState } from './logs';

export interface TerminatedRun {
  containerID: string;
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  reason: string;
  message?: string;
  /** A container that never started (StartError) reports startedAt as the zero time. */
  neverStarted?: boolean;
}

export interface ProbeCounters {
  successes: number;
  failures: number;
  /** The next tick of this probe, epoch ms. */
  nextAt: number;
}

export type ContainerPhase =
  /** Not started yet, or between attempts: `reason` says why (ContainerCreating, CrashLoopBackOff...). */
  | 'waiting'
  | 'pulling'
  | 'running'
  /** Asked to stop (liveness failure or pod deletion); `dueAt` is when it is gone. */
  | 'stopping'
  | 'exited';

export interface ContainerRecord {
  name: string;
  init: boolean;
  phase: ContainerPhase;
  /** When the current phase ends by itself (pull done, process exit, back-off over, next sync). */
  dueAt?: number;
  /** What happens at `dueAt` while waiting or exited: try to start, report the pull back-off, or decide on a restart. */
  next?: 'start' | 'report-backoff' | 'restart';
  /** The kubelet has tried to start it at least once. */
  attempted?: boolean;
  reason?: string;
  message?: string;
  restartCount: number;
  /** The image as the runtime names it (`docker.io/library/nginx:1.25`) and its digest ID, once pulled. */
  image?: string;
  imageID?: string;
  /** The current run (running/stopping/exited). */
  containerID?: string;
  startedAt?: number;
  exit?: TerminatedRun;
  last?: TerminatedRun;
  /** The exit code the running process ends with: its own at `dueAt`, or the one a stop gives it. */
  exitCode?: number;
  /** PID 1 stops promptly on SIGTERM (else it is killed when the grace period ends). */
  handlesSigterm?: boolean;
  /** When the current pull began. */
  pullStartedAt?: number;
  /** kubelet image back-off: last failure and current back-off. */
  pullFailedAt?: number;
  pullBackoffMs?: number;
  /** kubelet container restart back-off (flowcontrol.Backoff entry). */
  crashBackoffMs?: number;
  crashBackoffUpdatedAt?: number;
  ready: boolean;
  started: boolean;
  readiness?: ProbeCounters;
  liveness?: ProbeCounters;
  startup?: ProbeCounters;
  /** Init containers: finished with exit code 0. */
  done?: boolean;
}

export interface PodRecord {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  hostIP: string;
  startTime: number;
  /** When the sandbox (pause container and network) is ready. */
  sandboxReadyAt: number;
  sandboxReady: boolean;
  /** The sandbox was torn down once every container finished for good. */
  sandboxGone?: boolean;
  podIP?: string;
  containers: ContainerRecord[];
  /** The next container start the kubelet's next sync makes (after an init container finished). */
  continueAt?: number;
  /** Deletion in progress: containers were signalled at `since`. */
  terminating?: { since: number };
}

export interface KubeletState {
  pods: Record<string, PodRecord>;
  /** host-local IPAM's last_reserved_ip, per node. */
  lastPodIP: Record<string, string>;
  logs: ContainerLogState;
}

export function emptyKubeletState(): KubeletState {
  return { pods: {}, lastPodIP: {}, logs: { pods: {} } };
}
