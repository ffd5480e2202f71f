import type { KubeObject } from '../../api/objects';
import { formatTimestamp, parseTimestamp } from '../../runtime/clock';
import type { PodView } from './pod-view';
import { TriggerTimeTracker } from './trigger-time';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'api', namespace: 'default', creationTimestamp: formatTimestamp(T0) },
};

function pod(name: string, readyAt: number | undefined): PodView {
  return {
    name,
    namespace: 'default',
    uid: name,
    labels: {},
    nodeName: 'node01',
    hostname: '',
    subdomain: '',
    phase: 'Running',
    podIPs: ['10.244.1.2'],
    hasPodIP: true,
    ready: readyAt !== undefined,
    readyTransitionTime: readyAt,
    terminating: false,
  };
}

describe('TriggerTimeTracker', () => {
  it('reports the Service creation first, then the earliest Ready transition not seen yet', () => {
    const tracker = new TriggerTimeTracker();
    const now = T0 + 60000;
    expect(tracker.compute(service, [pod('a', T0 + 1000)], { now, alreadySynced: false })).toBe(T0);
    expect(tracker.compute(service, [pod('a', T0 + 1000)], { now, alreadySynced: true })).toBeUndefined();
    const pods = [pod('a', T0 + 1000), pod('b', T0 + 5000), pod('c', T0 + 3000)];
    expect(tracker.compute(service, pods, { now, alreadySynced: true })).toBe(T0 + 3000);
    expect(tracker.compute(service, pods, { now, alreadySynced: true })).toBeUndefined();
  });

  it('starts over for a Service deleted and created again', () => {
    const tracker = new TriggerTimeTracker();
    tracker.compute(service, [], { now: T0, alreadySynced: false });
    tracker.deleteService('default', 'api');
    const again = { ...service, metadata: { ...service.metadata, creationTimestamp: formatTimestamp(T0 + 9000) } };
    expect(tracker.compute(again, [], { now: T0 + 9000, alreadySynced: false })).toBe(T0 + 9000);
  });

  it('after a restore, takes what happened before now as seen', () => {
    const tracker = new TriggerTimeTracker();
    const now = parseTimestamp('2026-11-22T10:05:00Z') ?? 0;
    const pods = [pod('a', T0 + 1000), pod('b', now)];
    expect(tracker.compute(service, pods, { now, alreadySynced: true })).toBe(now);
  });
});
