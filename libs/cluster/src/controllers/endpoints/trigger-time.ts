// endpointsliceutil.TriggerTimeTracker: the value of the
// `endpoints.kubernetes.io/last-change-trigger-time` annotation. It is the
// earliest pod Ready transition (or Service creation) that changed since the
// Service's previous sync; zero (no annotation) when nothing did, and the
// Service's creationTimestamp the first time a Service is seen.
import type { KubeObject } from '../../api/objects';
import { parseTimestamp } from '../../runtime/clock';
import type { PodView } from './pod-view';

interface ServiceState {
  lastServiceTriggerTime: number | undefined;
  lastPodTriggerTimes: Map<string, number>;
}

function earliest(current: number | undefined, candidate: number): number {
  return current === undefined || candidate < current ? candidate : current;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /**
   * The trigger time for this sync, undefined when the annotation should be
   * cleared. `alreadySynced` tells a tracker that lost its memory (a restored
   * cluster) that an earlier instance synced this Service: it then assumes
   * everything before `now` was seen, instead of reporting the Service's
   * creation as a controller restart would.
   */
  compute(
    service: Readonly<KubeObject>,
    pods: readonly PodView[],
    context: { now: number; alreadySynced: boolean },
  ): number | undefined {
    const key = `${service.metadata.namespace ?? ''}/${service.metadata.name ?? ''}`;
    const serviceTime = parseTimestamp(service.metadata.creationTimestamp);
    let state = this.states.get(key);
    const wasKnown = state !== undefined || context.alreadySynced;
    state ??= context.alreadySynced ? seededState(serviceTime, pods, context.now) : emptyState();

    let changed: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const podTime = pod.readyTransitionTime;
      if (podTime === undefined) continue;
      podTimes.set(pod.name, podTime);
      if (podTime > (state.lastPodTriggerTimes.get(pod.name) ?? -Infinity)) changed = earliest(changed, podTime);
    }
    if (serviceTime !== undefined && serviceTime > (state.lastServiceTriggerTime ?? -Infinity)) {
      changed = earliest(changed, serviceTime);
    }
    this.states.set(key, { lastServiceTriggerTime: serviceTime, lastPodTriggerTimes: podTimes });

    if (!wasKnown) return serviceTime;
    return changed;
  }

  deleteService(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

function emptyState(): ServiceState {
  return { lastServiceTriggerTime: undefined, lastPodTriggerTimes: new Map() };
}

function seededState(serviceTime: number | undefined, pods: readonly PodView[], now: number): ServiceState {
  const lastPodTriggerTimes = new Map<string, number>();
  for (const pod of pods) {
    if (pod.readyTransitionTime !== undefined && pod.readyTransitionTime < now) {
      lastPodTriggerTimes.set(pod.name, pod.readyTransitionTime);
    }
  }
  return { lastServiceTriggerTime: serviceTime, lastPodTriggerTimes };
}
