import { isRecord, type KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { controllerTest, podTemplate, type ControllerTest } from './cluster-controllers.testing';
import { DaemonSetController } from './daemonset-controller';
import { REVISION_HASH_LABEL } from './daemonset/daemon-pods';

function daemonSet(
  name: string,
  extra: Record<string, unknown> = {},
  template = podTemplate({ app: name }),
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template, ...extra },
  };
}

function cluster(): ControllerTest {
  const test = controllerTest([new DaemonSetController()]);
  test.addNode('controlplane', { controlPlane: true });
  test.addNode('node01');
  test.addNode('node02');
  return test;
}

function spec(object: Readonly<KubeObject>): Record<string, unknown> {
  return isRecord(object.spec) ? object.spec : {};
}

function targetNode(pod: Readonly<KubeObject>): unknown {
  return JSON.parse(JSON.stringify(spec(pod).affinity)).nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
    .nodeSelectorTerms[0].matchFields[0].values[0];
}

function livePods(test: ControllerTest): KubeObject[] {
  return test.list(RESOURCES.pods).filter((pod) => !pod.metadata.deletionTimestamp);
}

function imageOf(pod: Readonly<KubeObject>): unknown {
  return (spec(pod).containers as Array<{ image: string }>)[0]?.image;
}

describe('DaemonSetController', () => {
  it('runs one pod per untainted node, pinned to it by node affinity', () => {
    const test = cluster();
    test.call('create', RESOURCES.daemonsets, daemonSet('logger'));
    const pods = test.list(RESOURCES.pods);
    expect(pods.map(targetNode).sort()).toEqual(['node01', 'node02']);
    const pod = pods[0] as KubeObject;
    expect(pod.metadata.name).toMatch(/^logger-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.generateName).toBe('logger-');
    expect(pod.metadata.ownerReferences).toEqual([
      expect.objectContaining({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'logger', controller: true }),
    ]);
    const hash = pod.metadata.labels?.[REVISION_HASH_LABEL];
    expect(pod.metadata.labels).toEqual({
      app: 'logger',
      'controller-revision-hash': hash,
      'pod-template-generation': '1',
    });
    expect(spec(pod).affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [targetNode(pod)] }] }],
        },
      },
    });
    expect(spec(pod).tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const created = test.events().filter((event) => event.reason === 'SuccessfulCreate');
    expect(created.map((event) => event.message).sort()).toEqual(
      pods.map((each) => `Created pod: ${each.metadata.name ?? ''}`).sort(),
    );
    expect(created[0]).toMatchObject({ type: 'Normal', object: 'logger' });
  });

  it('runs on the control plane too when the template tolerates its taint, and hostNetwork pods tolerate network-unavailable', () => {
    const test = cluster();
    const template = podTemplate({ app: 'proxy' });
    Object.assign(template.spec as Record<string, unknown>, {
      hostNetwork: true,
      tolerations: [{ operator: 'Exists' }],
    });
    test.call('create', RESOURCES.daemonsets, daemonSet('proxy', {}, template));
    const pods = test.list(RESOURCES.pods);
    expect(pods.map(targetNode).sort()).toEqual(['controlplane', 'node01', 'node02']);
    const tolerations = spec(pods[0] as KubeObject).tolerations as unknown[];
    expect(tolerations[0]).toEqual({ operator: 'Exists' });
    expect(tolerations).toContainEqual({
      key: 'node.kubernetes.io/network-unavailable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  });

  it('reports the status kubectl shows and keeps a ControllerRevision of the template', () => {
    const test = cluster();
    test.call('create', RESOURCES.daemonsets, daemonSet('logger'));
    expect(test.get(RESOURCES.daemonsets, 'logger')?.status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 0,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberUnavailable: 2,
    });
    test.readyAll();
    expect(test.get(RESOURCES.daemonsets, 'logger')?.status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
    const [revision] = test.list(RESOURCES.controllerrevisions);
    const hash = test.list(RESOURCES.pods)[0]?.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
    expect(revision?.metadata.name).toBe(`logger-${hash}`);
    expect(revision?.revision).toBe(1);
    expect(revision?.metadata.labels).toEqual({ app: 'logger', 'controller-revision-hash': hash });
    expect(revision?.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    const data = revision?.data as { spec: { template: Record<string, unknown> } };
    expect(data.spec.template.$patch).toBe('replace');
    expect((data.spec.template.spec as { containers: unknown[] }).containers).toHaveLength(1);
  });

  it('follows nodes: a node joining gets a pod, a node no longer selected loses it', () => {
    const test = cluster();
    test.call(
      'create',
      RESOURCES.daemonsets,
      daemonSet('ssd', {
        template: {
          ...podTemplate({ app: 'ssd' }),
          spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        },
      }),
    );
    expect(test.list(RESOURCES.pods)).toHaveLength(0);
    test.addNode('node03', { labels: { disk: 'ssd' } });
    expect(test.list(RESOURCES.pods).map(targetNode)).toEqual(['node03']);
    const node = test.get(RESOURCES.nodes, 'node03') as KubeObject;
    test.call(
      'update',
      RESOURCES.nodes,
      { ...node, metadata: { ...node.metadata, labels: { 'kubernetes.io/hostname': 'node03' } } },
      { name: 'node03' },
    );
    expect(livePods(test)).toHaveLength(0);
    expect(test.events().map((event) => event.reason)).toEqual(['SuccessfulCreate', 'SuccessfulDelete']);
  });

  it('replaces pods one node at a time on a template change (RollingUpdate, maxUnavailable 1)', () => {
    const test = cluster();
    test.call('create', RESOURCES.daemonsets, daemonSet('logger'));
    test.readyAll();
    const ds = test.get(RESOURCES.daemonsets, 'logger') as KubeObject;
    const template = podTemplate({ app: 'logger' }, 'nginx:1.28');
    test.call('update', RESOURCES.daemonsets, { ...ds, spec: { ...spec(ds), template } }, { name: 'logger' });
    // One old pod goes, its replacement comes; the other waits for it to be available.
    const images = livePods(test).map(imageOf).sort();
    expect(images).toEqual(['nginx:1.27', 'nginx:1.28']);
    const updated = livePods(test).find((pod) => imageOf(pod) === 'nginx:1.28') as KubeObject;
    expect(updated.metadata.labels?.['pod-template-generation']).toBe('2');
    test.readyAll();
    expect(livePods(test).map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28']);
    test.readyAll();
    const status = test.get(RESOURCES.daemonsets, 'logger')?.status as Record<string, unknown>;
    expect(status).toMatchObject({ observedGeneration: 2, updatedNumberScheduled: 2, numberAvailable: 2 });
    expect(
      test
        .list(RESOURCES.controllerrevisions)
        .map((revision) => revision.revision)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('leaves pods alone on a template change with OnDelete, until one is deleted', () => {
    const test = cluster();
    test.call('create', RESOURCES.daemonsets, daemonSet('logger', { updateStrategy: { type: 'OnDelete' } }));
    test.readyAll();
    const ds = test.get(RESOURCES.daemonsets, 'logger') as KubeObject;
    const template = podTemplate({ app: 'logger' }, 'nginx:1.28');
    test.call('update', RESOURCES.daemonsets, { ...ds, spec: { ...spec(ds), template } }, { name: 'logger' });
    expect(livePods(test).map(imageOf)).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(test.get(RESOURCES.daemonsets, 'logger')?.status).not.toHaveProperty('updatedNumberScheduled');
    test.call('delete', RESOURCES.pods, undefined, { name: livePods(test)[0]?.metadata.name });
    expect(livePods(test).map(imageOf).sort()).toEqual(['nginx:1.27', 'nginx:1.28']);
  });

  it('replaces a pod deleted by hand', () => {
    const test = cluster();
    test.call('create', RESOURCES.daemonsets, daemonSet('logger'));
    const [first] = test.list(RESOURCES.pods);
    test.call('delete', RESOURCES.pods, undefined, { name: first?.metadata.name });
    const pods = test.list(RESOURCES.pods);
    expect(pods).toHaveLength(2);
    expect(pods.map(targetNode).sort()).toEqual(['node01', 'node02']);
    expect(pods.map((pod) => pod.metadata.name)).not.toContain(first?.metadata.name);
  });

  it('with maxSurge starts the new pod beside the old one and deletes the old one once the new is available', () => {
    const test = cluster();
    const rollingUpdate = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    test.call('create', RESOURCES.daemonsets, daemonSet('logger', { updateStrategy: rollingUpdate }));
    test.readyAll();
    const ds = test.get(RESOURCES.daemonsets, 'logger') as KubeObject;
    const template = podTemplate({ app: 'logger' }, 'nginx:1.28');
    test.call('update', RESOURCES.daemonsets, { ...ds, spec: { ...spec(ds), template } }, { name: 'logger' });
    expect(livePods(test).map(imageOf).sort()).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.28']);
    test.readyAll();
    expect(livePods(test).map(imageOf).sort()).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.28']);
    test.readyAll();
    expect(livePods(test).map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28']);
  });
});
