import { RESOURCES } from '../../api/resource-refs';
import { kubeletTest, podBody, type KubeletTest } from './kubelet.testing';

function logs(test: KubeletTest, name: string, container: string, previous = false) {
  return test.kubelet.containerLogs(test.pod(name), container, test.now(), test.client, { previous });
}

function texts(test: KubeletTest, name: string, container: string, previous = false): string[] {
  const result = logs(test, name, container, previous);
  return result.ok ? result.lines.map((line) => line.text) : [`error: ${result.message}`];
}

describe('container logs', () => {
  it('refuses containers that have not run, as the kubelet does', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx' }]));
    test.call('create', RESOURCES.pods, podBody('typo', [{ name: 'web', image: 'nginxx' }]));
    expect(logs(test, 'web', 'nginx')).toEqual({
      ok: false,
      message: 'container "nginx" in pod "web" is waiting to start: ContainerCreating',
    });
    expect(logs(test, 'web', 'other')).toEqual({
      ok: false,
      message: 'container "other" in pod "web" is not available',
    });
    test.advance(5000);
    expect(logs(test, 'typo', 'web')).toEqual({
      ok: false,
      message: 'container "web" in pod "typo" is waiting to start: trying and failing to pull image',
    });
    expect(logs(test, 'web', 'nginx', true)).toEqual({
      ok: false,
      message: 'previous terminated container "nginx" in pod "web" not found',
    });
  });

  it("shows the image program's start-up logs and lines appended by the network", () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx' }]));
    test.advance(5000);
    const startup = texts(test, 'web', 'nginx');
    expect(startup[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(startup.some((line) => line.includes('[notice] 1#1: start worker processes'))).toBe(true);
    const line = '10.244.1.1 - - [22/Nov/2026:10:00:06 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"';
    test.advance(1000);
    test.kubelet.logs.appendToPod(test.pod('web'), 'nginx', test.now(), line);
    expect(texts(test, 'web', 'nginx').pop()).toBe(line);
  });

  it('prints what a looping script writes over time, and the previous run after a crash', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('ticker', [
        {
          name: 'tick',
          image: 'busybox',
          command: ['sh', '-c', 'while true; do echo "tick $(date +%T)"; sleep 10; done'],
        },
      ]),
    );
    test.advance(32_000);
    expect(texts(test, 'ticker', 'tick')).toHaveLength(4);
    expect(texts(test, 'ticker', 'tick')[0]).toMatch(/^tick 10:00:0\d$/);
    test.call(
      'create',
      RESOURCES.pods,
      podBody('crash', [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo starting; exit 2'] }]),
    );
    test.advance(20_000);
    expect(texts(test, 'crash', 'app')).toEqual(['starting']);
    expect(texts(test, 'crash', 'app', true)).toEqual(['starting']);
  });
});
