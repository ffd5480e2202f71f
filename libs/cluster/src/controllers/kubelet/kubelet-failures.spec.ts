import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { kubeletTest, podBody, type KubeletTest } from './kubelet.testing';

type Status = {
  phase: string;
  containerStatuses: Array<{
    restartCount: number;
    ready: boolean;
    state: Record<string, Record<string, unknown>>;
    lastState: Record<string, Record<string, unknown>>;
  }>;
};

function status(test: KubeletTest, name: string): Status {
  return test.pod(name).status as Status;
}

/** The printer's view of the first container: its state and reason. */
function shown(test: KubeletTest, name: string): string {
  const container = status(test, name).containerStatuses[0];
  const [state = '', detail = {}] = Object.entries(container?.state ?? {})[0] ?? [];
  return `${state}:${typeof detail.reason === 'string' ? detail.reason : ''}`;
}

/** Advances in steps of 100ms, recording each change of what the printer would show and when (ms). */
function timeline(test: KubeletTest, name: string, seconds: number): Array<[number, string]> {
  const changes: Array<[number, string]> = [];
  let last = '';
  for (let step = 0; step <= seconds * 10; step++) {
    const now = `${shown(test, name)} restarts=${status(test, name).containerStatuses[0]?.restartCount}`;
    if (now !== last) changes.push([step * 100, now]);
    last = now;
    test.advance(100);
  }
  return changes;
}

/** The states in order, and the time between the starts of each pair of consecutive `marker` states. */
function rhythm(changes: Array<[number, string]>, marker: string): { states: string[]; gaps: number[] } {
  const times = changes.filter(([, state]) => state.startsWith(marker)).map(([at]) => at);
  return {
    states: changes.map(([, state]) => state),
    gaps: times.slice(1).map((at, index) => at - (times[index] ?? 0)),
  };
}

describe('kubelet: image pull failures', () => {
  it('goes ErrImagePull, then ImagePullBackOff, retrying after 10s, 20s, 40s', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('typo', [{ name: 'web', image: 'nginxx' }]));
    const changes = timeline(test, 'typo', 80);
    const { states, gaps } = rhythm(changes, 'waiting:ErrImagePull');
    expect(states).toEqual([
      'waiting:ContainerCreating restarts=0',
      ...Array.from({ length: 4 }, () => [
        'waiting:ErrImagePull restarts=0',
        'waiting:ImagePullBackOff restarts=0',
      ]).flat(),
    ]);
    // The first pull fails within a few seconds; each retry waits out a doubled back-off.
    expect(changes[1]?.[0]).toBeLessThan(3500);
    expect(gaps.map((gap) => Math.round(gap / 10_000) * 10)).toEqual([10, 20, 40]);
    const message =
      'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(status(test, 'typo')).toMatchObject({
      phase: 'Pending',
      containerStatuses: [
        {
          image: 'nginxx',
          imageID: '',
          state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginxx"' } },
        },
      ],
    });
    expect(
      test.events('typo').map(({ type, reason, message: text, count }) => ({ type, reason, text, count })),
    ).toEqual([
      { type: 'Normal', reason: 'Scheduled', text: 'Successfully assigned default/typo to node01', count: 1 },
      { type: 'Normal', reason: 'Pulling', text: 'Pulling image "nginxx"', count: 4 },
      { type: 'Warning', reason: 'Failed', text: `Failed to pull image "nginxx": ${message}`, count: 4 },
      { type: 'Warning', reason: 'Failed', text: 'Error: ErrImagePull', count: 4 },
      { type: 'Normal', reason: 'BackOff', text: 'Back-off pulling image "nginxx"', count: 4 },
      { type: 'Warning', reason: 'Failed', text: 'Error: ImagePullBackOff', count: 4 },
    ]);
  });

  it('refuses a reference it cannot parse with InvalidImageName', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('upper', [{ name: 'web', image: 'Nginx' }]));
    test.advance(3000);
    const message =
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase';
    expect(status(test, 'upper').containerStatuses[0]?.state).toEqual({
      waiting: { message, reason: 'InvalidImageName' },
    });
    expect(test.events('upper').slice(1)).toEqual([
      {
        reason: 'InspectFailed',
        message,
        type: 'Warning',
        count: 1,
        fieldPath: 'spec.containers{web}',
        host: 'node01',
      },
      {
        reason: 'Failed',
        message: 'Error: InvalidImageName',
        type: 'Warning',
        count: 1,
        fieldPath: 'spec.containers{web}',
        host: 'node01',
      },
    ]);
  });
});

describe('kubelet: containers that exit', () => {
  it('restarts busybox without a command with the CrashLoopBackOff back-off (10s, 20s, 40s, 1m20s)', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('bb', [{ name: 'bb', image: 'busybox' }]));
    const { states, gaps } = rhythm(timeline(test, 'bb', 75), 'terminated:Completed');
    expect(states).toEqual([
      'waiting:ContainerCreating restarts=0',
      'terminated:Completed restarts=0',
      'terminated:Completed restarts=1',
      'waiting:CrashLoopBackOff restarts=1',
      'terminated:Completed restarts=2',
      'waiting:CrashLoopBackOff restarts=2',
      'terminated:Completed restarts=3',
      'waiting:CrashLoopBackOff restarts=3',
      'terminated:Completed restarts=4',
      'waiting:CrashLoopBackOff restarts=4',
    ]);
    // The first restart comes at once, then after 10s, 20s, 40s of back-off.
    expect(gaps.map((gap) => Math.round(gap / 1000))).toEqual([1, 10, 20, 40]);
    const pod = status(test, 'bb');
    expect(pod.phase).toBe('Running');
    expect(pod.containerStatuses[0]).toMatchObject({
      ready: false,
      restartCount: 4,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: expect.stringMatching(
            /^back-off 1m20s restarting failed container=bb pod=bb_default\([0-9a-f-]{36}\)$/,
          ),
        },
      },
      lastState: {
        terminated: { exitCode: 0, reason: 'Completed', containerID: expect.stringMatching(/^containerd:\/\//) },
      },
    });
    const backOff = test.events('bb').find((event) => event.reason === 'BackOff');
    expect(backOff).toMatchObject({
      type: 'Warning',
      message: expect.stringMatching(/^Back-off restarting failed container bb in pod bb_default\(/),
    });
  });

  it('completes a pod that may not restart: Succeeded or Failed', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('job', [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'echo done; sleep 5'] }], {
        restartPolicy: 'Never',
      }),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody('bad', [{ name: 'bad', image: 'busybox', command: ['sh', '-c', 'exit 3'] }], { restartPolicy: 'Never' }),
    );
    test.advance(3000);
    expect(status(test, 'job').phase).toBe('Running');
    test.advance(10_000);
    const job = test.pod('job').status as Status & { conditions: Array<Record<string, unknown>> };
    expect(job.phase).toBe('Succeeded');
    expect(job.containerStatuses[0]?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(job.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', undefined],
    ]);
    const bad = test.pod('bad').status as Status & { conditions: Array<Record<string, unknown>> };
    expect(bad.phase).toBe('Failed');
    expect(bad.containerStatuses[0]?.state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(bad.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  it('reports a command the image does not have as StartError', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('typo', [{ name: 'app', image: 'busybox', command: ['slep', '10'] }]));
    test.advance(3000);
    const message =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "slep": executable file not found in $PATH: unknown';
    const container = status(test, 'typo').containerStatuses[0];
    expect(container?.lastState.terminated ?? container?.state.terminated).toMatchObject({
      exitCode: 128,
      reason: 'StartError',
      message,
      startedAt: '1970-01-01T00:00:00Z',
    });
    expect(test.events('typo').map((event) => event.message)).toContain(`Error: ${message}`);
  });

  it('waits for a missing ConfigMap with CreateContainerConfigError, then starts', () => {
    const test = kubeletTest();
    const env = [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }];
    test.call('create', RESOURCES.pods, podBody('cfg', [{ name: 'app', image: 'nginx', env }]));
    test.advance(5000);
    expect(status(test, 'cfg')).toMatchObject({
      phase: 'Pending',
      containerStatuses: [
        { state: { waiting: { reason: 'CreateContainerConfigError', message: 'configmap "settings" not found' } } },
      ],
    });
    expect(test.events('cfg').map((event) => event.message)).toContain('Error: configmap "settings" not found');
    const configMap: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings' },
      data: { other: 'x' },
    };
    test.call('create', RESOURCES.configmaps, configMap);
    test.advance(1000);
    expect(status(test, 'cfg').containerStatuses[0]?.state.waiting?.message).toBe(
      "couldn't find key mode in ConfigMap default/settings",
    );
    test.call('update', RESOURCES.configmaps, { ...configMap, data: { mode: 'fast' } }, { name: 'settings' });
    test.advance(1000);
    expect(status(test, 'cfg')).toMatchObject({
      phase: 'Running',
      containerStatuses: [{ ready: true, state: { running: {} } }],
    });
  });
});
