import type { AdmissionPlugin } from '../api/admission/admission';
import { apiErrors } from '../api/errors';
import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { activePods, isRunning, workloadTest, type WorkloadTest } from './workloads/workloads.testing';

const { replicasets, pods } = RESOURCES;

function replicaSet(name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...extra,
    },
  };
}

function pod(name: string, labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  };
}

function status(test: WorkloadTest, name: string): unknown {
  return test.get(replicasets, name)?.status;
}

describe('the ReplicaSet controller', () => {
  it('creates <rs>-<5 characters> pods it controls, with events, and counts them', () => {
    const test = workloadTest();
    const rs = test.call('create', replicasets, replicaSet('web', 3));
    const created = activePods(test);
    expect(created).toHaveLength(3);
    for (const item of created) {
      expect(item.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(item.metadata.generateName).toBe('web-');
      expect(item.metadata.labels).toEqual({ app: 'web' });
      expect(item.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    const byMessage = (a: { message: string }, b: { message: string }) => a.message.localeCompare(b.message);
    expect(test.events().sort(byMessage)).toEqual(
      created
        .map((item) => ({
          reason: 'SuccessfulCreate',
          message: `Created pod: ${item.metadata.name ?? ''}`,
          component: 'replicaset-controller',
          object: 'web',
        }))
        .sort(byMessage),
    );
    expect(status(test, 'web')).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    test.readyAll();
    expect(status(test, 'web')).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('releases a relabelled pod and makes a replacement (it leaves the Service too)', () => {
    const test = workloadTest();
    test.call('create', replicasets, replicaSet('web', 2));
    const [first] = activePods(test);
    if (!first) throw new Error('no pod');
    test.call(
      'patch',
      pods,
      { metadata: { labels: { app: 'debug' } } },
      { name: first.metadata.name, patchType: 'merge' },
    );
    const released = test.get(pods, first.metadata.name ?? '') as KubeObject;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(activePods(test).filter((item) => item.metadata.labels?.app === 'web')).toHaveLength(2);
    expect(activePods(test)).toHaveLength(3);
    expect(status(test, 'web')).toMatchObject({ replicas: 2 });

    // Labelled back, it is adopted again and one pod too many goes.
    test.call(
      'patch',
      pods,
      { metadata: { labels: { app: 'web' } } },
      { name: first.metadata.name, patchType: 'merge' },
    );
    expect(activePods(test)).toHaveLength(2);
    expect(test.events().map((event) => event.reason)).toContain('SuccessfulDelete');
  });

  it('adopts matching orphan pods instead of creating new ones', () => {
    const test = workloadTest();
    test.call('create', pods, pod('loose', { app: 'web' }));
    const rs = test.call('create', replicasets, replicaSet('web', 2));
    expect(activePods(test)).toHaveLength(2);
    expect((test.get(pods, 'loose') as KubeObject).metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
  });

  it('deletes not-ready pods first when scaling down', () => {
    const test = workloadTest();
    test.call('create', replicasets, replicaSet('web', 3));
    const [a, b] = activePods(test);
    if (!a || !b) throw new Error('no pods');
    test.markReady(a);
    test.markReady(b);
    test.call('patch', replicasets, { spec: { replicas: 2 } }, { name: 'web', patchType: 'merge' });
    const left = activePods(test);
    expect(left.map((item) => item.metadata.name).sort()).toEqual([a.metadata.name, b.metadata.name].sort());
    expect(left.every(isRunning)).toBe(true);
    const deleted = test.events().filter((event) => event.reason === 'SuccessfulDelete');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.message).toMatch(/^Deleted pod: web-/);
  });

  it('does not count terminating pods and replaces them', () => {
    const test = workloadTest();
    test.call('create', replicasets, replicaSet('web', 1));
    const [only] = activePods(test);
    if (!only) throw new Error('no pod');
    // A finalizer keeps the pod around, terminating.
    test.call(
      'patch',
      pods,
      { metadata: { finalizers: ['example.com/hold'] } },
      { name: only.metadata.name, patchType: 'merge' },
    );
    test.call('delete', pods, undefined, { name: only.metadata.name });
    expect(test.get(pods, only.metadata.name ?? '')?.metadata.deletionTimestamp).toBeDefined();
    expect(activePods(test)).toHaveLength(1);
    expect(test.list(pods)).toHaveLength(2);
    expect(status(test, 'web')).toMatchObject({ replicas: 1 });
  });

  it('counts available pods only after minReadySeconds', () => {
    const test = workloadTest();
    test.call('create', replicasets, replicaSet('web', 1, { minReadySeconds: 10 }));
    test.readyAll();
    expect(status(test, 'web')).toMatchObject({ readyReplicas: 1 });
    expect(status(test, 'web')).not.toHaveProperty('availableReplicas');
    test.advance(10_000);
    expect(status(test, 'web')).not.toHaveProperty('availableReplicas');
    test.advance(1_000);
    expect(status(test, 'web')).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it('reports pods it cannot create (FailedCreate, ReplicaFailure) and retries', () => {
    let refuse = true;
    const quota: AdmissionPlugin = {
      name: 'TestQuota',
      validate(attributes) {
        if (!refuse || attributes.operation !== 'CREATE' || attributes.definition.resource !== 'pods') return;
        throw apiErrors.forbidden({ group: '', resource: 'pods' }, attributes.name, 'exceeded quota: pods');
      },
    };
    const test = workloadTest([quota]);
    test.call('create', replicasets, replicaSet('web', 2));
    expect(activePods(test)).toHaveLength(0);
    const failed = test.events().filter((event) => event.reason === 'FailedCreate');
    expect(failed[0]?.message).toMatch(/^Error creating: pods "web-\w{5}" is forbidden: exceeded quota: pods$/);
    expect(status(test, 'web')).toEqual({
      replicas: 0,
      observedGeneration: 1,
      conditions: [
        {
          type: 'ReplicaFailure',
          status: 'True',
          lastTransitionTime: expect.any(String),
          reason: 'FailedCreate',
          message: expect.stringMatching(/^pods "web-\w{5}" is forbidden: exceeded quota: pods$/),
        },
      ],
    });
    refuse = false;
    test.advance(1000);
    expect(activePods(test)).toHaveLength(2);
    expect(status(test, 'web')).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
  });

  it('stops managing pods once it is being deleted', () => {
    const test = workloadTest();
    test.call('create', replicasets, replicaSet('web', 2));
    test.call('delete', replicasets, undefined, { name: 'web', query: { propagationPolicy: 'Orphan' } });
    const [first] = activePods(test);
    test.call('delete', pods, undefined, { name: first?.metadata.name });
    expect(activePods(test)).toHaveLength(1);
  });
});
