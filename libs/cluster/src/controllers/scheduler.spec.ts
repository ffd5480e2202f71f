import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { workloadDefinitions } from '../registry/workloads';
import { kubeletTest, podBody, type KubeletTest } from './kubelet/kubelet.testing';

const THREE_NODES = [
  { name: 'controlplane', controlPlane: true },
  { name: 'node01', controlPlane: false },
  { name: 'node02', controlPlane: false },
];

function nodeOf(test: KubeletTest, name: string): string | undefined {
  return (test.pod(name).spec as { nodeName?: string }).nodeName;
}

function scheduledCondition(pod: KubeObject): Record<string, unknown> | undefined {
  const conditions = (pod.status as { conditions?: Array<Record<string, unknown>> }).conditions ?? [];
  return conditions.find((condition) => condition.type === 'PodScheduled');
}

function changeNode(test: KubeletTest, name: string, change: (node: KubeObject) => void): void {
  const node = test.client.copy(test.get(RESOURCES.nodes, name) as KubeObject);
  change(node);
  test.client.update(RESOURCES.nodes, node);
  test.runtime.drain();
}

describe('default-scheduler', () => {
  it('binds ordinary pods to workers, not the tainted control plane', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('web-1', [{ name: 'nginx', image: 'nginx' }]));
    expect(nodeOf(test, 'web-1')).toBe('node01');
    expect(scheduledCondition(test.pod('web-1'))).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2026-11-22T10:00:00Z',
      status: 'True',
      type: 'PodScheduled',
    });
    const scheduled = test.client.list(RESOURCES.events).find((event) => event.reason === 'Scheduled');
    expect(scheduled).toMatchObject({
      type: 'Normal',
      message: 'Successfully assigned default/web-1 to node01',
      source: { component: 'default-scheduler' },
      reportingComponent: 'default-scheduler',
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
    });
  });

  it('explains why no node fits, with the FitError and preemption verdict of 1.32', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('ssd', [{ name: 'nginx', image: 'nginx' }], { nodeSelector: { disktype: 'ssd' } }),
    );
    const message =
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
    expect(nodeOf(test, 'ssd')).toBeUndefined();
    expect(scheduledCondition(test.pod('ssd'))).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2026-11-22T10:00:00Z',
      message,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    });
    expect(test.events('ssd')).toEqual([{ reason: 'FailedScheduling', message, type: 'Warning', count: 1 }]);
    // A node change that makes it fit gets it scheduled.
    test.advance(5000);
    changeNode(test, 'node01', (node) => {
      node.metadata.labels = { ...node.metadata.labels, disktype: 'ssd' };
    });
    expect(nodeOf(test, 'ssd')).toBe('node01');
    expect(scheduledCondition(test.pod('ssd'))).toMatchObject({
      status: 'True',
      lastTransitionTime: '2026-11-22T10:00:05Z',
    });
  });

  it('retries an unschedulable pod every five minutes, counting the event up', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('ssd', [{ name: 'nginx', image: 'nginx' }], { nodeSelector: { disktype: 'ssd' } }),
    );
    test.advance(5 * 60 * 1000);
    expect(test.events('ssd')).toEqual([expect.objectContaining({ reason: 'FailedScheduling', count: 2 })]);
  });

  it('places pods tolerating the control-plane taint there when they ask for it', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('cp', [{ name: 'nginx', image: 'nginx' }], {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    );
    expect(nodeOf(test, 'cp')).toBe('controlplane');
  });

  it('reports cordoned nodes and untolerated taints', () => {
    const test = kubeletTest();
    changeNode(test, 'node01', (node) => {
      (node.spec as Record<string, unknown>).unschedulable = true;
    });
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx' }]));
    expect(scheduledCondition(test.pod('web'))?.message).toBe(
      '0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    changeNode(test, 'node01', (node) => {
      delete (node.spec as Record<string, unknown>).unschedulable;
      (node.spec as Record<string, unknown>).taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }];
    });
    expect(scheduledCondition(test.pod('web'))?.message).toBe(
      '0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('matches node affinity expressions and fields', () => {
    const test = kubeletTest(THREE_NODES);
    const affinity = (terms: unknown[]) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
    });
    test.call(
      'create',
      RESOURCES.pods,
      podBody(
        'by-name',
        [{ name: 'nginx', image: 'nginx' }],
        affinity([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node02'] }] }]),
      ),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody(
        'not-in',
        [{ name: 'nginx', image: 'nginx' }],
        affinity([{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['node02'] }] }]),
      ),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody(
        'exists',
        [{ name: 'nginx', image: 'nginx' }],
        affinity([{ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }]),
      ),
    );
    expect(nodeOf(test, 'by-name')).toBe('node02');
    expect(nodeOf(test, 'not-in')).toBe('node01');
    expect(nodeOf(test, 'exists')).toBeUndefined();
  });

  it('spreads the pods of one Service across nodes, then fills the emptiest node', () => {
    const test = kubeletTest(THREE_NODES);
    test.call('create', RESOURCES.services, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    for (let i = 1; i <= 4; i++) {
      const body = podBody(`web-${i}`, [{ name: 'nginx', image: 'nginx' }]);
      body.metadata.labels = { app: 'web' };
      test.call('create', RESOURCES.pods, body);
    }
    const placement = [1, 2, 3, 4].map((i) => nodeOf(test, `web-${i}`));
    expect(placement.filter((node) => node === 'node01')).toHaveLength(2);
    expect(placement.filter((node) => node === 'node02')).toHaveLength(2);
    test.call('create', RESOURCES.pods, podBody('other', [{ name: 'nginx', image: 'nginx' }]));
    test.call('create', RESOURCES.pods, podBody('another', [{ name: 'nginx', image: 'nginx' }]));
    expect([nodeOf(test, 'other'), nodeOf(test, 'another')].sort()).toEqual(['node01', 'node02']);
  });

  it("spreads a ReplicaSet's pods by its selector", () => {
    const test = kubeletTest(THREE_NODES, { definitions: workloadDefinitions() });
    const template = {
      metadata: { labels: { app: 'api' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    };
    const replicaSet = test.call('create', RESOURCES.replicasets, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'api-1' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'api' } }, template },
    });
    // Unrelated pods make node02 the busier node; the ReplicaSet's pods still alternate.
    test.call(
      'create',
      RESOURCES.pods,
      podBody('other-1', [{ name: 'nginx', image: 'nginx' }], { nodeName: 'node02' }),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody('other-2', [{ name: 'nginx', image: 'nginx' }], { nodeName: 'node02' }),
    );
    for (let i = 1; i <= 4; i++) {
      const body = podBody(`api-1-${i}`, [{ name: 'nginx', image: 'nginx' }]);
      body.metadata.labels = { app: 'api' };
      body.metadata.ownerReferences = [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'api-1',
          uid: replicaSet.metadata.uid ?? '',
          controller: true,
        },
      ];
      test.call('create', RESOURCES.pods, body);
    }
    expect([1, 2, 3, 4].map((i) => nodeOf(test, `api-1-${i}`))).toEqual(['node01', 'node02', 'node01', 'node02']);
  });

  it('keeps host ports apart and counts requests against allocatable', () => {
    const test = kubeletTest();
    const hostPort = [
      { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] },
    ];
    test.call('create', RESOURCES.pods, podBody('first', hostPort));
    test.call('create', RESOURCES.pods, podBody('second', hostPort));
    expect(nodeOf(test, 'first')).toBe('node01');
    expect(scheduledCondition(test.pod('second'))?.message).toBe(
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
    const big = [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '3', memory: '8Gi' } } }];
    test.call('create', RESOURCES.pods, podBody('big', big));
    expect(scheduledCondition(test.pod('big'))?.message).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
    // The first pod's deletion frees the port.
    test.call('delete', RESOURCES.pods, undefined, { name: 'first' });
    test.advance(2000);
    expect(nodeOf(test, 'second')).toBe('node01');
  });

  it('leaves pods with a node name, another scheduler or scheduling gates alone', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('other-scheduler', [{ name: 'nginx', image: 'nginx' }], { schedulerName: 'my-scheduler' }),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody('gated', [{ name: 'nginx', image: 'nginx' }], { schedulingGates: [{ name: 'wait' }] }),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody('pinned', [{ name: 'nginx', image: 'nginx' }], { nodeName: 'controlplane' }),
    );
    expect(nodeOf(test, 'other-scheduler')).toBeUndefined();
    expect(nodeOf(test, 'gated')).toBeUndefined();
    expect(nodeOf(test, 'pinned')).toBe('controlplane');
    expect(test.events('other-scheduler')).toEqual([]);
    expect(test.events('pinned').map((event) => event.reason)).not.toContain('Scheduled');
  });
});
