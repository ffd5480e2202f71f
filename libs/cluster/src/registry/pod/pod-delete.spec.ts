import type { KubeObject, Status } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { formatTimestamp } from '../../runtime/clock';
import { bindPod } from './binding';
import { podServer, simplePod } from './pod.testing';

describe('binding and deleting pods', () => {
  it('binds a pod as pods/binding does, once', () => {
    const api = podServer();
    const pod = api.create(simplePod('p')).body as KubeObject;
    api.advance(2000);
    const bound = bindPod(api.client, pod, 'node01');
    expect((bound.spec as { nodeName: string }).nodeName).toBe('node01');
    expect(bound.status).toEqual({
      conditions: [
        { lastProbeTime: null, lastTransitionTime: formatTimestamp(api.now()), status: 'True', type: 'PodScheduled' },
      ],
      phase: 'Pending',
      qosClass: 'BestEffort',
    });
    expect(() => bindPod(api.client, pod, 'node02')).toThrow(
      'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node01"',
    );
  });

  it('refuses nodeName changes from anyone else', () => {
    const api = podServer();
    const pod = api.create(simplePod('p')).body as KubeObject;
    const copy = api.client.copy(pod);
    (copy.spec as Record<string, unknown>).nodeName = 'node01';
    const response = api.update(copy);
    expect(api.message(response)).toContain('spec: Forbidden: pod updates may not change fields other than');
    expect(api.message(response)).toContain(
      '- \tNodeName:                     "",\n+ \tNodeName:                     "node01",',
    );
  });

  it('deletes unscheduled pods at once', () => {
    const api = podServer();
    api.create(simplePod('p'));
    const response = api.remove('p');
    expect((response.body as Status).status).toBe('Success');
    expect(api.client.get(RESOURCES.pods, 'default', 'p')).toBeUndefined();
  });

  it('gives scheduled pods their termination grace period', () => {
    const api = podServer();
    const pod = api.create(simplePod('p', { terminationGracePeriodSeconds: 45 })).body as KubeObject;
    bindPod(api.client, pod, 'node01');
    const response = api.remove('p');
    const deleting = response.body as KubeObject;
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(45);
    expect(deleting.metadata.deletionTimestamp).toBe(formatTimestamp(api.now() + 45000));
    const requested = api.create(simplePod('q')).body as KubeObject;
    bindPod(api.client, requested, 'node01');
    expect((api.remove('q', { gracePeriodSeconds: 5 }).body as KubeObject).metadata.deletionGracePeriodSeconds).toBe(5);
    const forced = api.create(simplePod('r')).body as KubeObject;
    bindPod(api.client, forced, 'node01');
    expect((api.remove('r', { gracePeriodSeconds: 0 }).body as Status).status).toBe('Success');
  });

  it('deletes finished pods at once', () => {
    const api = podServer();
    const pod = bindPod(api.client, api.create(simplePod('p')).body as KubeObject, 'node01');
    const finished = api.client.copy(pod);
    finished.status = { ...(finished.status as object), phase: 'Succeeded' };
    api.client.updateStatus(RESOURCES.pods, finished);
    expect((api.remove('p').body as Status).status).toBe('Success');
  });
});
