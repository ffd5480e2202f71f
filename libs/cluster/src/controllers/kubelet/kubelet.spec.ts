import { RESOURCES } from '../../api/resource-refs';
import { TEST_START } from '../../testing/test-server.testing';
import { kubeletTest, podBody } from './kubelet.testing';

describe('kubelet: a pod from binding to Running', () => {
  it('goes Pending/ContainerCreating, pulls, then runs with an IP from the node CIDR', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('web-1', [{ name: 'nginx', image: 'nginx' }]));
    const pending = test.pod('web-1');
    expect((pending.spec as { nodeName?: string }).nodeName).toBe('node01');
    expect(pending.status).toMatchObject({
      phase: 'Pending',
      hostIP: '192.168.1.3',
      hostIPs: [{ ip: '192.168.1.3' }],
      startTime: '2026-11-22T10:00:00Z',
      containerStatuses: [
        {
          image: 'nginx',
          imageID: '',
          lastState: {},
          name: 'nginx',
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    });
    const conditions = (pending.status as { conditions: Array<{ type: string; status: string }> }).conditions;
    expect(conditions.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    test.advance(10_000);
    const running = test.pod('web-1');
    expect(running.status).toMatchObject({
      phase: 'Running',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          image: 'docker.io/library/nginx:latest',
          imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
          containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: expect.any(String) } },
        },
      ],
    });
    const after = (running.status as { conditions: Array<{ type: string; status: string }> }).conditions;
    expect(after.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(test.events('web-1').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Normal Scheduled Successfully assigned default/web-1 to node01',
      'Normal Pulling Pulling image "nginx"',
      expect.stringMatching(
        /^Normal Pulled Successfully pulled image "nginx" in (\d+\.\d+s|\d+ms) \(\1 including waiting\)\. Image size: 72404038 bytes\.$/,
      ),
      'Normal Created Created container: nginx',
      'Normal Started Started container nginx',
    ]);
    expect(TEST_START).toBeGreaterThan(0);
  });
});

function podIP(test: ReturnType<typeof kubeletTest>, name: string): string | undefined {
  return (test.pod(name).status as { podIP?: string }).podIP;
}

describe('kubelet: pod IPs (host-local IPAM)', () => {
  it('hands out addresses in turn from .2, never reusing one in use, continuing after the last', () => {
    const test = kubeletTest();
    for (const name of ['a', 'b', 'c']) {
      test.call('create', RESOURCES.pods, podBody(name, [{ name: 'nginx', image: 'nginx' }]));
      test.advance(5000);
    }
    expect(['a', 'b', 'c'].map((name) => podIP(test, name))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    test.call('delete', RESOURCES.pods, undefined, { name: 'b' });
    test.advance(5000);
    test.call('create', RESOURCES.pods, podBody('d', [{ name: 'nginx', image: 'nginx' }]));
    test.advance(5000);
    expect(podIP(test, 'd')).toBe('10.244.1.5');
    expect(test.kubelet.state.lastPodIP).toEqual({ node01: '10.244.1.5' });
  });

  it('gives host-network pods the node address', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('host', [{ name: 'nginx', image: 'nginx' }], { hostNetwork: true }));
    test.advance(5000);
    expect(test.pod('host').status).toMatchObject({ podIP: '192.168.1.3', podIPs: [{ ip: '192.168.1.3' }] });
  });
});

describe('kubelet: images on the node', () => {
  it('pulls once per node; IfNotPresent finds it there, Always pulls again', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('first', [{ name: 'nginx', image: 'nginx:1.25' }]));
    test.advance(5000);
    const images = (test.get(RESOURCES.nodes, 'node01')?.status as { images: Array<{ names: string[] }> }).images;
    expect(images[0]?.names).toEqual([
      expect.stringMatching(/^docker\.io\/library\/nginx@sha256:/),
      'docker.io/library/nginx:1.25',
    ]);
    test.call('create', RESOURCES.pods, podBody('second', [{ name: 'nginx', image: 'nginx:1.25' }]));
    test.call(
      'create',
      RESOURCES.pods,
      podBody('always', [{ name: 'nginx', image: 'nginx:1.25', imagePullPolicy: 'Always' }]),
    );
    test.advance(5000);
    expect(test.events('second').map((event) => event.message)).toContain(
      'Container image "nginx:1.25" already present on machine',
    );
    expect(test.events('always').map((event) => event.reason)).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
    expect(test.pod('second').status).toMatchObject({
      containerStatuses: [
        {
          image: 'docker.io/library/nginx:1.25',
          imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:/),
        },
      ],
    });
  });
});

describe('kubelet: init containers', () => {
  it('runs them one by one before the app containers', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('init', [{ name: 'app', image: 'nginx' }], {
        initContainers: [
          { name: 'wait', image: 'busybox', command: ['sh', '-c', 'sleep 5'], imagePullPolicy: 'IfNotPresent' },
        ],
      }),
    );
    test.advance(3000);
    const initializing = test.pod('init').status as Record<string, unknown>;
    expect(initializing).toMatchObject({
      phase: 'Pending',
      initContainerStatuses: [{ name: 'wait', ready: false, state: { running: {} } }],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
    });
    expect(initializing.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Initialized',
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [wait]',
      }),
    );
    test.advance(10_000);
    expect(test.pod('init').status).toMatchObject({
      phase: 'Running',
      initContainerStatuses: [
        { name: 'wait', ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
      containerStatuses: [{ name: 'app', ready: true, state: { running: {} } }],
    });
  });
});

describe('kubelet: system pods', () => {
  it('runs a kube-proxy DaemonSet pod on the control plane from the image already there', () => {
    const test = kubeletTest();
    const body = podBody(
      'kube-proxy-abcde',
      [
        {
          name: 'kube-proxy',
          image: 'registry.k8s.io/kube-proxy:v1.32.0',
          command: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            '--hostname-override=$(NODE_NAME)',
          ],
          env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
        },
      ],
      {
        hostNetwork: true,
        tolerations: [{ operator: 'Exists' }],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['controlplane'] }] },
              ],
            },
          },
        },
      },
    );
    test.call('create', RESOURCES.pods, body);
    test.advance(5000);
    expect(test.pod('kube-proxy-abcde').status).toMatchObject({
      phase: 'Running',
      podIP: '192.168.1.2',
      containerStatuses: [{ image: 'registry.k8s.io/kube-proxy:v1.32.0', ready: true, state: { running: {} } }],
    });
    expect(test.events('kube-proxy-abcde').map((event) => event.message)).toContain(
      'Container image "registry.k8s.io/kube-proxy:v1.32.0" already present on machine',
    );
  });
});
