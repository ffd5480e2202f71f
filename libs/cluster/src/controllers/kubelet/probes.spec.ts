import { RESOURCES } from '../../api/resource-refs';
import { kubeletTest, podBody, type KubeletTest } from './kubelet.testing';

type Container = {
  ready: boolean;
  started: boolean;
  restartCount: number;
  lastState: Record<string, Record<string, unknown>>;
};

function container(test: KubeletTest, name: string): Container {
  return (test.pod(name).status as { containerStatuses: Container[] }).containerStatuses[0] as Container;
}

function condition(test: KubeletTest, name: string, type: string): Record<string, unknown> | undefined {
  return (test.pod(name).status as { conditions: Array<Record<string, unknown>> }).conditions.find(
    (c) => c.type === type,
  );
}

describe('kubelet: probes', () => {
  it('keeps a pod unready while its readiness probe finds no listener', () => {
    const test = kubeletTest();
    const readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 10 };
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx', readinessProbe }]));
    test.advance(35_000);
    expect(container(test, 'web')).toMatchObject({ ready: false, started: true });
    expect(condition(test, 'web', 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [nginx]',
    });
    const ip = (test.pod('web').status as { podIP: string }).podIP;
    const unhealthy = test.events('web').find((event) => event.reason === 'Unhealthy');
    expect(unhealthy).toMatchObject({
      type: 'Warning',
      message: `Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`,
      fieldPath: 'spec.containers{nginx}',
    });
    expect(unhealthy?.count).toBeGreaterThanOrEqual(3);
  });

  it('becomes ready once the readiness probe succeeds, and reports HTTP errors', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('ok', [{ name: 'nginx', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }]),
    );
    test.call(
      'create',
      RESOURCES.pods,
      podBody('missing', [
        { name: 'nginx', image: 'nginx', readinessProbe: { httpGet: { path: '/healthz', port: 80 } } },
      ]),
    );
    test.advance(10_000);
    expect(container(test, 'ok').ready).toBe(true);
    expect(condition(test, 'ok', 'Ready')?.status).toBe('True');
    expect(container(test, 'missing').ready).toBe(false);
    expect(test.events('missing').find((event) => event.reason === 'Unhealthy')?.message).toBe(
      'Readiness probe failed: HTTP probe failed with statuscode: 404',
    );
  });

  it('restarts a container whose liveness probe fails three times (the docs exec example)', () => {
    const test = kubeletTest();
    const livenessProbe = { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 };
    const args = ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'];
    test.call(
      'create',
      RESOURCES.pods,
      podBody('liveness-exec', [{ name: 'liveness', image: 'busybox', args, livenessProbe }]),
    );
    test.advance(30_000);
    expect(test.events('liveness-exec').map((event) => event.reason)).not.toContain('Unhealthy');
    test.advance(20_000);
    const events = test.events('liveness-exec');
    expect(events.find((event) => event.reason === 'Unhealthy')).toMatchObject({
      message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
      count: 3,
    });
    expect(events.find((event) => event.reason === 'Killing')?.message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    );
    // sh as PID 1 ignores SIGTERM: killed when the 30s grace period ends, then restarted at once.
    test.advance(35_000);
    expect(container(test, 'liveness-exec')).toMatchObject({
      restartCount: 1,
      ready: true,
      lastState: { terminated: { exitCode: 137, reason: 'Error' } },
    });
  });

  it('holds readiness and liveness until the startup probe passes', () => {
    const test = kubeletTest();
    const startupProbe = { tcpSocket: { port: 80 }, periodSeconds: 2, failureThreshold: 30 };
    test.call('create', RESOURCES.pods, podBody('slow', [{ name: 'nginx', image: 'nginx', startupProbe }]));
    test.advance(3000);
    expect(container(test, 'slow')).toMatchObject({ started: false, ready: false });
    test.advance(5000);
    expect(container(test, 'slow')).toMatchObject({ started: true, ready: true });
  });
});
