// The lines containers write besides what their command line makes them
// print: requests their servers log as traffic reaches them (appended by
// the network model), kept per pod, container and attempt (restartCount) as
// the runtime keeps one log file per attempt. An append-only, plain-JSON
// buffer: the Cluster owns it and snapshots it with the kubelet's state.
import type { KubeObject } from '../../api/objects';
import { cloneJson, isRecord } from '../../api/objects';

export interface LogEntry {
  /** Epoch ms. */
  at: number;
  text: string;
}

/** pod uid -> container name -> attempt (restartCount) -> entries. */
export interface ContainerLogState {
  pods: Record<string, Record<string, Record<string, LogEntry[]>>>;
}

/** Lines kept per container attempt; older ones are dropped as the runtime rotates its files. */
export const MAX_LINES_PER_ATTEMPT = 5000;

export class ContainerLogBuffer {
  constructor(private readonly state: ContainerLogState = { pods: {} }) {}

  /** Appends a line to a container's current attempt (the one `restartCount` names). */
  append(podUid: string, container: string, attempt: number, at: number, text: string): void {
    const containers = (this.state.pods[podUid] ??= {});
    const attempts = (containers[container] ??= {});
    const entries = (attempts[String(attempt)] ??= []);
    entries.push({ at, text });
    if (entries.length > MAX_LINES_PER_ATTEMPT) entries.splice(0, entries.length - MAX_LINES_PER_ATTEMPT);
  }

  /** Appends to whatever attempt of the container is current in the pod's status. */
  appendToPod(pod: Readonly<KubeObject>, container: string, at: number, text: string): void {
    this.append(pod.metadata.uid ?? '', container, currentAttempt(pod, container), at, text);
  }

  entries(podUid: string, container: string, attempt: number): readonly LogEntry[] {
    return this.state.pods[podUid]?.[container]?.[String(attempt)] ?? [];
  }

  /** Drops attempts older than the previous one: `kubectl logs --previous` reaches back one. */
  keepRecent(podUid: string, container: string, attempt: number): void {
    const attempts = this.state.pods[podUid]?.[container];
    if (!attempts) return;
    for (const key of Object.keys(attempts)) if (Number(key) < attempt - 1) delete attempts[key];
  }

  /** The pod is gone: its logs go with it. */
  forgetPod(podUid: string): void {
    delete this.state.pods[podUid];
  }

  /** The serializable state, for a snapshot. */
  snapshot(): ContainerLogState {
    return cloneJson(this.state);
  }
}

/** The restartCount of a container in the pod's status (0 when unknown). */
export function currentAttempt(pod: Readonly<KubeObject>, container: string): number {
  const status = isRecord(pod.status) ? pod.status : {};
  for (const key of ['containerStatuses', 'initContainerStatuses']) {
    const statuses = Array.isArray(status[key]) ? status[key] : [];
    for (const entry of statuses) {
      if (isRecord(entry) && entry.name === container && typeof entry.restartCount === 'number')
        return entry.restartCount;
    }
  }
  return 0;
}
