import { RESOURCES } from '../../api/resource-refs';
import { kubeletTest, podBody, type KubeletTest } from './kubelet.testing';

function forgetRuntime(test: KubeletTest): void {
  for (const uid of Object.keys(test.kubelet.state.pods)) delete test.kubelet.state.pods[uid];
  for (const node of Object.keys(test.kubelet.state.lastPodIP)) delete test.kubelet.state.lastPodIP[node];
}

function containerStatus(test: KubeletTest, name: string): Record<string, unknown> {
  return (test.pod(name).status as { containerStatuses: Array<Record<string, unknown>> }).containerStatuses[0] ?? {};
}

describe('kubelet: starting without its runtime state', () => {
  it('picks running pods up from their status instead of starting them again', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx' }]));
    test.call(
      'create',
      RESOURCES.pods,
      podBody('short', [{ name: 'sleep', image: 'busybox', command: ['sleep', '20'] }], { restartPolicy: 'Never' }),
    );
    test.advance(8000);
    const before = containerStatus(test, 'web');
    const events = test.client.list(RESOURCES.events).length;
    forgetRuntime(test);
    test.advance(5000);
    expect(containerStatus(test, 'web')).toEqual(before);
    expect(test.client.list(RESOURCES.events)).toHaveLength(events);
    test.advance(10_000);
    expect(test.pod('short').status).toMatchObject({ phase: 'Succeeded' });
    test.call('create', RESOURCES.pods, podBody('next', [{ name: 'nginx', image: 'nginx' }]));
    test.advance(5000);
    const ips = ['web', 'short', 'next'].map((name) => (test.pod(name).status as { podIP: string }).podIP);
    expect(new Set(ips).size).toBe(3);
  });

  it('resumes a crash loop where it was', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('bb', [{ name: 'bb', image: 'busybox' }]));
    test.advance(16_000);
    expect(containerStatus(test, 'bb')).toMatchObject({
      restartCount: 2,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
    forgetRuntime(test);
    test.advance(1000);
    expect(containerStatus(test, 'bb')).toMatchObject({
      restartCount: 2,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
    test.advance(30_000);
    expect(containerStatus(test, 'bb')).toMatchObject({ restartCount: 3 });
  });
});
