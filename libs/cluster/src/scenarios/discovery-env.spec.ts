// "Pods will not have environment variables for Services created after the
// Pod": Docker-links variables, seen with `kubectl exec ... -- env`.
import type { ExecResponse } from '../cluster';
import { pod, Scenario, service } from '../testing/scenario.testing';

function env(lab: Scenario, name: string): Record<string, string> {
  const result = lab.cluster.exec({ namespace: 'default', name, command: ['env'] }) as ExecResponse;
  expect(result.exitCode).toBe(0);
  return Object.fromEntries(
    result.output
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('environment-variable discovery', () => {
  it('gives pods created after a Service its variables, and not the ones created before', () => {
    const lab = new Scenario();
    lab.create(pod('early', 'nginx'));
    lab.wait(10);
    const redis = lab.create(
      service('redis-master', { selector: { app: 'redis' }, ports: [{ port: 6379, targetPort: 6379 }] }),
    );
    const ip = (redis.spec as { clusterIP: string }).clusterIP;
    lab.create(pod('late', 'nginx'));
    lab.wait(10);

    const late = env(lab, 'late');
    expect(late).toMatchObject({
      REDIS_MASTER_SERVICE_HOST: ip,
      REDIS_MASTER_SERVICE_PORT: '6379',
      REDIS_MASTER_PORT: `tcp://${ip}:6379`,
      REDIS_MASTER_PORT_6379_TCP: `tcp://${ip}:6379`,
      REDIS_MASTER_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_MASTER_PORT_6379_TCP_PORT: '6379',
      REDIS_MASTER_PORT_6379_TCP_ADDR: ip,
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
    });
    const early = env(lab, 'early');
    expect(early.REDIS_MASTER_SERVICE_HOST).toBeUndefined();
    expect(early.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });

  it('leaves the variables out when enableServiceLinks is false, except the kubernetes service', () => {
    const lab = new Scenario();
    lab.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const manifest = pod('quiet', 'nginx');
    (manifest.spec as Record<string, unknown>).enableServiceLinks = false;
    lab.create(manifest);
    lab.wait(10);
    const vars = env(lab, 'quiet');
    expect(vars.WEB_SERVICE_HOST).toBeUndefined();
    expect(vars.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });

  it('refuses to exec into a container that is not running', () => {
    const lab = new Scenario();
    lab.create(pod('web', 'nginx'));
    expect(lab.cluster.exec({ namespace: 'default', name: 'web', command: ['env'] })).toMatchObject({
      kind: 'Status',
      code: 400,
      message: 'container not found ("web")',
    });
  });
});
