import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { formatTimestamp } from '../runtime/clock';
import { TEST_START } from '../testing/test-server.testing';
import {
  activePods,
  deploymentBody,
  isRunning,
  readyPods,
  workloadTest,
  type WorkloadTest,
} from './workloads/workloads.testing';

const { deployments, replicasets, pods } = RESOURCES;

function replicaSetsOf(test: WorkloadTest): KubeObject[] {
  return test.list(replicasets);
}

function onlyReplicaSet(test: WorkloadTest): KubeObject {
  const [rs, ...others] = replicaSetsOf(test);
  expect(others).toEqual([]);
  if (!rs) throw new Error('no ReplicaSet');
  return rs;
}

function setImage(test: WorkloadTest, name: string, image: string): void {
  const d = test.client.copy(test.get(deployments, name) as KubeObject);
  const spec = d.spec as { template: { spec: { containers: Array<{ image: string }> } } };
  const container = spec.template.spec.containers[0];
  if (container) container.image = image;
  test.call('update', deployments, d, { name });
}

function scalingEvents(test: WorkloadTest): string[] {
  return test
    .events()
    .filter((event) => event.reason === 'ScalingReplicaSet')
    .map((event) => event.message);
}

describe('the Deployment controller', () => {
  it('creates web-<hash> with the stored fields and annotations of a real cluster (transcript c)', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2));
    const rs = onlyReplicaSet(test);
    const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{9,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    const d = test.get(deployments, 'web') as KubeObject;
    expect(rs.metadata).toMatchObject({
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '2',
        'deployment.kubernetes.io/max-replicas': '3',
        'deployment.kubernetes.io/revision': '1',
      },
      generation: 1,
      labels: { app: 'web', 'pod-template-hash': hash },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'Deployment',
          name: 'web',
          uid: d.metadata.uid,
        },
      ],
    });
    expect(rs.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { metadata: { creationTimestamp: null, labels: { app: 'web', 'pod-template-hash': hash } } },
    });
    expect(activePods(test).map((pod) => pod.metadata.name)).toEqual([
      expect.stringMatching(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`)),
      expect.stringMatching(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`)),
    ]);
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.metadata.generation).toBe(1);

    test.advance(1000);
    test.readyAll();
    const ready = formatTimestamp(TEST_START + 1000);
    const created = formatTimestamp(TEST_START);
    expect((test.get(deployments, 'web') as KubeObject).status).toEqual({
      availableReplicas: 2,
      conditions: [
        {
          lastTransitionTime: ready,
          lastUpdateTime: ready,
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: created,
          lastUpdateTime: ready,
          message: `ReplicaSet "web-${hash}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: 1,
      readyReplicas: 2,
      replicas: 2,
      updatedReplicas: 2,
    });
    expect(onlyReplicaSet(test).status).toEqual({
      availableReplicas: 2,
      fullyLabeledReplicas: 2,
      observedGeneration: 1,
      readyReplicas: 2,
      replicas: 2,
    });
    expect(scalingEvents(test)).toEqual([`Scaled up replica set web-${hash} to 2`]);
    const podEvents = test.events().filter((event) => event.reason === 'SuccessfulCreate');
    expect(podEvents.map((event) => event.message).sort()).toEqual(
      activePods(test)
        .map((pod) => `Created pod: ${pod.metadata.name ?? ''}`)
        .sort(),
    );
    expect(new Set(podEvents.map((event) => `${event.component} ${event.object}`))).toEqual(
      new Set([`replicaset-controller web-${hash}`]),
    );
  });

  it('gives the same template the same hash, and another template another', () => {
    const first = workloadTest();
    const second = workloadTest();
    first.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2));
    second.call('create', deployments, deploymentBody('web', 'nginx:1.25', 1));
    expect(onlyReplicaSet(first).metadata.name).toBe(onlyReplicaSet(second).metadata.name);
    setImage(second, 'web', 'nginx:1.27');
    expect(replicaSetsOf(second).map((rs) => rs.metadata.name)).toContain(onlyReplicaSet(first).metadata.name);
    expect(new Set(replicaSetsOf(second).map((rs) => rs.metadata.name)).size).toBe(2);
  });

  it('rolls out a new image never exceeding maxSurge nor maxUnavailable, then undoes to revision 3', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 4));
    test.readyAll();
    const first = onlyReplicaSet(test);
    setImage(test, 'web', 'nginx:1.27');
    // 4 replicas at 25%: at most 5 pods, at least 3 available, at every step.
    const oldPod = (pod: KubeObject) => (pod.metadata.name ?? '').startsWith(`${first.metadata.name}-`);
    const done = () => readyPods(test).length === 4 && activePods(test).every((pod) => !oldPod(pod));
    for (let step = 0; step < 20 && !done(); step++) {
      expect(activePods(test).length).toBeLessThanOrEqual(5);
      expect(readyPods(test).length).toBeGreaterThanOrEqual(3);
      test.advance(1000);
      // One pod at a time becomes ready, as a slow kubelet would make them.
      const pending = activePods(test).find((pod) => !isRunning(pod));
      if (pending) test.markReady(pending);
    }
    expect(done()).toBe(true);
    const second = replicaSetsOf(test).find((rs) => rs.metadata.uid !== first.metadata.uid) as KubeObject;
    expect(activePods(test).every((pod) => pod.metadata.name?.startsWith(`${second.metadata.name}-`))).toBe(true);
    expect(second.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(
      (test.get(deployments, 'web') as KubeObject).metadata.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('2');
    expect((test.get(replicasets, first.metadata.name ?? '') as KubeObject).spec).toMatchObject({ replicas: 0 });
    expect(scalingEvents(test)).toEqual([
      `Scaled up replica set ${first.metadata.name} to 4`,
      `Scaled up replica set ${second.metadata.name} to 1`,
      `Scaled down replica set ${first.metadata.name} to 3 from 4`,
      `Scaled up replica set ${second.metadata.name} to 2 from 1`,
      `Scaled down replica set ${first.metadata.name} to 2 from 3`,
      `Scaled up replica set ${second.metadata.name} to 3 from 2`,
      `Scaled down replica set ${first.metadata.name} to 1 from 2`,
      `Scaled up replica set ${second.metadata.name} to 4 from 3`,
      `Scaled down replica set ${first.metadata.name} to 0 from 1`,
    ]);

    // kubectl rollout undo: the old ReplicaSet's template (without its hash) and annotations, patched in.
    const d = test.client.copy(test.get(deployments, 'web') as KubeObject);
    const oldTemplate = test.client.copy(first).spec as { template: { metadata: { labels: Record<string, string> } } };
    delete oldTemplate.template.metadata.labels['pod-template-hash'];
    (d.spec as Record<string, unknown>).template = oldTemplate.template;
    test.call('update', deployments, d, { name: 'web' });
    const reused = test.get(replicasets, first.metadata.name ?? '') as KubeObject;
    expect(reused.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(replicaSetsOf(test)).toHaveLength(2);
    expect(
      (test.get(deployments, 'web') as KubeObject).metadata.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('3');
    const revisions = replicaSetsOf(test).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
    expect(revisions.sort()).toEqual(['2', '3']);
  });

  it('scales the only ReplicaSet with the desired and max annotations', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2));
    const rs = onlyReplicaSet(test);
    test.call('patch', deployments, { spec: { replicas: 5 } }, { name: 'web', patchType: 'merge' });
    expect(onlyReplicaSet(test).spec).toMatchObject({ replicas: 5 });
    expect(onlyReplicaSet(test).metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '5',
      'deployment.kubernetes.io/max-replicas': '7',
    });
    expect(activePods(test)).toHaveLength(5);
    test.call('patch', deployments, { spec: { replicas: 1 } }, { name: 'web', patchType: 'merge' });
    expect(activePods(test)).toHaveLength(1);
    expect(scalingEvents(test)).toEqual([
      `Scaled up replica set ${rs.metadata.name} to 2`,
      `Scaled up replica set ${rs.metadata.name} to 5 from 2`,
      `Scaled down replica set ${rs.metadata.name} to 1 from 5`,
    ]);
  });

  it('recreates: every old pod is gone before the new ReplicaSet gets any', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 3, { strategy: { type: 'Recreate' } }));
    test.readyAll();
    const old = onlyReplicaSet(test);
    setImage(test, 'web', 'nginx:1.27');
    const names = activePods(test).map((pod) => pod.metadata.name ?? '');
    expect(names.every((name) => !name.startsWith(`${old.metadata.name}-`))).toBe(true);
    expect(names).toHaveLength(3);
    const events = scalingEvents(test);
    expect(events[1]).toBe(`Scaled down replica set ${old.metadata.name} to 0 from 3`);
    expect(events[2]).toMatch(/^Scaled up replica set web-\w+ to 3$/);
  });

  it('does not roll out while paused, and reports it', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2));
    test.call('patch', deployments, { spec: { paused: true } }, { name: 'web', patchType: 'merge' });
    setImage(test, 'web', 'nginx:1.27');
    expect(replicaSetsOf(test)).toHaveLength(1);
    const conditions = ((test.get(deployments, 'web') as KubeObject).status as { conditions: unknown[] }).conditions;
    expect(conditions).toContainEqual(
      expect.objectContaining({
        type: 'Progressing',
        status: 'Unknown',
        reason: 'DeploymentPaused',
        message: 'Deployment is paused',
      }),
    );
    test.call('patch', deployments, { spec: { paused: false } }, { name: 'web', patchType: 'merge' });
    expect(replicaSetsOf(test)).toHaveLength(2);
  });

  it('marks a stuck rollout ProgressDeadlineExceeded after progressDeadlineSeconds', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2, { progressDeadlineSeconds: 60 }));
    const rs = onlyReplicaSet(test);
    test.advance(59_000);
    const progressing = () =>
      ((test.get(deployments, 'web') as KubeObject).status as { conditions: Array<{ type: string }> }).conditions.find(
        (condition) => condition.type === 'Progressing',
      );
    expect(progressing()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    test.advance(3_000);
    expect(progressing()).toEqual({
      type: 'Progressing',
      status: 'False',
      lastUpdateTime: formatTimestamp(TEST_START + 61_000),
      lastTransitionTime: formatTimestamp(TEST_START + 61_000),
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 1, { revisionHistoryLimit: 1 }));
    for (const image of ['nginx:1.26', 'nginx:1.27', 'nginx:1.28']) {
      setImage(test, 'web', image);
      test.readyAll();
      test.readyAll();
    }
    expect(replicaSetsOf(test)).toHaveLength(2);
  });

  it('leaves its ReplicaSets alone when deleted (Orphan or Background: the garbage collector acts)', () => {
    const test = workloadTest();
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2));
    const rs = onlyReplicaSet(test);
    test.call('delete', deployments, undefined, { name: 'web', query: { propagationPolicy: 'Orphan' } });
    const deleting = test.get(deployments, 'web') as KubeObject;
    expect(deleting.metadata.finalizers).toEqual(['orphan']);
    expect(onlyReplicaSet(test).spec).toMatchObject({ replicas: 2 });

    // The garbage collector's part, done by hand: orphan the ReplicaSet, drop the finalizer.
    const orphaned = test.client.copy(rs);
    delete orphaned.metadata.ownerReferences;
    test.client.update(replicasets, orphaned);
    const finished = test.client.copy(deleting);
    finished.metadata.finalizers = [];
    test.client.update(deployments, finished);
    expect(test.get(deployments, 'web')).toBeUndefined();

    // A Deployment with the same template adopts it instead of creating another.
    test.call('create', deployments, deploymentBody('web', 'nginx:1.25', 2));
    const adopted = onlyReplicaSet(test);
    expect(adopted.metadata.name).toBe(rs.metadata.name);
    expect(adopted.metadata.ownerReferences?.[0]?.uid).toBe(test.get(deployments, 'web')?.metadata.uid);
    expect(activePods(test)).toHaveLength(2);

    test.call('delete', deployments, undefined, { name: 'web', query: { propagationPolicy: 'Background' } });
    expect(test.get(deployments, 'web')).toBeUndefined();
    expect(onlyReplicaSet(test).spec).toMatchObject({ replicas: 2 });
    expect(test.list(pods)).toHaveLength(2);
  });
});
