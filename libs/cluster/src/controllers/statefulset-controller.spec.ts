import { isRecord, type KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { controllerTest, podTemplate, type ControllerTest } from './cluster-controllers.testing';
import { StatefulSetController } from './statefulset-controller';

function statefulSet(replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  const template = podTemplate({ app: 'nginx' });
  // Pods on a node shut down gracefully, as they do when the kubelet runs them.
  (template.spec as Record<string, unknown>).nodeName = 'node01';
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: { serviceName: 'nginx', replicas, selector: { matchLabels: { app: 'nginx' } }, template, ...extra },
  };
}

function cluster(): ControllerTest {
  return controllerTest([new StatefulSetController()]);
}

function names(test: ControllerTest): string[] {
  return test
    .list(RESOURCES.pods)
    .map((pod) => `${pod.metadata.name ?? ''}${pod.metadata.deletionTimestamp ? ' (terminating)' : ''}`);
}

function spec(object: Readonly<KubeObject> | undefined): Record<string, unknown> {
  return object && isRecord(object.spec) ? object.spec : {};
}

function imageOf(pod: Readonly<KubeObject>): unknown {
  return (spec(pod).containers as Array<{ image: string }>)[0]?.image;
}

/** Pods become ready one by one, as the kubelet would start them. */
function settle(test: ControllerTest): void {
  for (let round = 0; round < 10; round++) {
    test.finishTerminating();
    test.readyAll();
  }
}

function scale(test: ControllerTest, replicas: number, extra: Record<string, unknown> = {}): void {
  const set = test.get(RESOURCES.statefulsets, 'web') as KubeObject;
  test.call('update', RESOURCES.statefulsets, { ...set, spec: { ...spec(set), replicas, ...extra } }, { name: 'web' });
}

describe('StatefulSetController', () => {
  it('creates web-0, web-1, web-2 in order, each once the previous is Running and Ready', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(3));
    expect(names(test)).toEqual(['web-0']);
    test.markReady(test.get(RESOURCES.pods, 'web-0') as KubeObject);
    expect(names(test)).toEqual(['web-0', 'web-1']);
    test.markReady(test.get(RESOURCES.pods, 'web-1') as KubeObject);
    expect(names(test)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(test.events().map((event) => `${event.reason} ${event.message}`)).toEqual([
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('gives each pod its identity: hostname, subdomain of the headless Service, labels', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(1));
    const pod = test.get(RESOURCES.pods, 'web-0') as KubeObject;
    const revision = test.list(RESOURCES.controllerrevisions)[0] as KubeObject;
    expect(pod.metadata.generateName).toBe('web-');
    expect(pod.metadata.labels).toEqual({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': revision.metadata.name,
      'statefulset.kubernetes.io/pod-name': 'web-0',
    });
    expect(spec(pod)).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(pod.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'StatefulSet', name: 'web', controller: true, blockOwnerDeletion: true }),
    ]);
    expect(revision.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(revision.metadata.labels).toEqual({
      app: 'nginx',
      'controller.kubernetes.io/hash': revision.metadata.name?.slice('web-'.length),
    });
    expect(revision.revision).toBe(1);
  });

  it('creates all pods at once with the Parallel policy', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(3, { podManagementPolicy: 'Parallel' }));
    expect(names(test)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('reports the status kubectl shows', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(2));
    settle(test);
    const revision = test.list(RESOURCES.controllerrevisions)[0]?.metadata.name;
    expect(test.get(RESOURCES.statefulsets, 'web')?.status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: 2,
    });
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(3));
    settle(test);
    scale(test, 1);
    expect(names(test)).toEqual(['web-0', 'web-1', 'web-2 (terminating)']);
    test.finishTerminating();
    expect(names(test)).toEqual(['web-0', 'web-1 (terminating)']);
    test.finishTerminating();
    expect(names(test)).toEqual(['web-0']);
    expect(
      test
        .events()
        .filter((event) => event.reason === 'SuccessfulDelete')
        .map((event) => event.message),
    ).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
  });

  it('rolls a new template out from the highest ordinal down', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(3));
    settle(test);
    const template = podTemplate({ app: 'nginx' }, 'nginx:1.28');
    (template.spec as Record<string, unknown>).nodeName = 'node01';
    scale(test, 3, { template });
    expect(names(test)).toEqual(['web-0', 'web-1', 'web-2 (terminating)']);
    test.finishTerminating();
    expect(imageOf(test.get(RESOURCES.pods, 'web-2') as KubeObject)).toBe('nginx:1.28');
    expect(names(test)).toEqual(['web-0', 'web-1', 'web-2']);
    settle(test);
    expect(test.list(RESOURCES.pods).map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
    const status = test.get(RESOURCES.statefulsets, 'web')?.status as Record<string, unknown>;
    expect(status.currentRevision).toBe(status.updateRevision);
    expect(status).toMatchObject({ currentReplicas: 3, updatedReplicas: 3, observedGeneration: 2 });
    expect(
      test
        .list(RESOURCES.controllerrevisions)
        .map((revision) => revision.revision)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('updates only the ordinals at or above the partition', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(3));
    settle(test);
    const template = podTemplate({ app: 'nginx' }, 'nginx:1.28');
    (template.spec as Record<string, unknown>).nodeName = 'node01';
    scale(test, 3, { template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    settle(test);
    expect(test.list(RESOURCES.pods).map(imageOf)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.28']);
    const status = test.get(RESOURCES.statefulsets, 'web')?.status as Record<string, unknown>;
    expect(status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    expect(status.currentRevision).not.toBe(status.updateRevision);
  });

  it('recreates a deleted pod under the same name', () => {
    const test = cluster();
    test.call('create', RESOURCES.statefulsets, statefulSet(2));
    settle(test);
    const before = test.get(RESOURCES.pods, 'web-0')?.metadata.uid;
    test.call('delete', RESOURCES.pods, undefined, { name: 'web-0', query: { gracePeriodSeconds: 0 } });
    const after = test.get(RESOURCES.pods, 'web-0');
    expect(after).toBeDefined();
    expect(after?.metadata.uid).not.toBe(before);
  });

  it('mounts the claim of each volumeClaimTemplate (the claims themselves are not served) and keeps the templates', () => {
    const test = cluster();
    const set = statefulSet(1, {
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    });
    const template = set.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } };
    const container = template.template.spec.containers[0] as Record<string, unknown>;
    container.volumeMounts = [{ name: 'www', mountPath: '/usr/share/nginx/html' }];
    test.call('create', RESOURCES.statefulsets, set);
    expect(spec(test.get(RESOURCES.pods, 'web-0')).volumes).toEqual([
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
    ]);
    expect(spec(test.get(RESOURCES.statefulsets, 'web')).volumeClaimTemplates).toEqual([
      expect.objectContaining({ metadata: expect.objectContaining({ name: 'www' }) }),
    ]);
  });
});
