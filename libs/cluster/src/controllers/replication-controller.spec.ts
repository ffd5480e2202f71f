import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { activePods, workloadTest } from './workloads/workloads.testing';

const { replicationcontrollers, pods } = RESOURCES;

function replicationController(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name },
    spec: {
      replicas,
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

describe('the ReplicationController controller', () => {
  it('keeps spec.replicas pods of its map selector, with events from replication-controller', () => {
    const test = workloadTest();
    const rc = test.call('create', replicationcontrollers, replicationController('web', 2));
    expect(rc.spec).toMatchObject({ selector: { app: 'web' } });
    expect(rc.metadata.labels).toEqual({ app: 'web' });
    const created = activePods(test);
    expect(created).toHaveLength(2);
    expect(created[0]?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        name: 'web',
        uid: rc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(new Set(test.events().map((event) => `${event.component} ${event.reason}`))).toEqual(
      new Set(['replication-controller SuccessfulCreate']),
    );
    test.readyAll();
    expect(test.get(replicationcontrollers, 'web')?.status).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    });

    const scale = test.call('get', replicationcontrollers, undefined, { name: 'web', subresource: 'scale' });
    expect(scale.status).toEqual({ replicas: 2, selector: 'app=web' });
    test.call('patch', replicationcontrollers, { spec: { replicas: 0 } }, { name: 'web', patchType: 'merge' });
    expect(activePods(test)).toHaveLength(0);
    expect(test.list(pods)).toHaveLength(0);
  });

  it('releases a pod whose labels stop matching', () => {
    const test = workloadTest();
    test.call('create', replicationcontrollers, replicationController('web', 1));
    const [first] = activePods(test);
    test.call(
      'patch',
      pods,
      { metadata: { labels: { app: 'other' } } },
      { name: first?.metadata.name, patchType: 'merge' },
    );
    expect(test.get(pods, first?.metadata.name ?? '')?.metadata.ownerReferences).toBeUndefined();
    expect(activePods(test)).toHaveLength(2);
  });
});
