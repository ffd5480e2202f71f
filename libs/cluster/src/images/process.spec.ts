import { lookupImage } from './catalogue';
import { listeningPorts, processArgv, runsImageProgram } from './process';
import { type ImageBehaviour } from './types';

function image(ref: string): ImageBehaviour {
  const found = lookupImage(ref);
  if (!found) throw new Error(ref);
  return found;
}

describe('processArgv (containerd WithProcessArgs)', () => {
  const nginx = image('nginx');

  it('runs ENTRYPOINT + CMD by default', () => {
    expect(processArgv(nginx)).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
  });

  it('lets args replace CMD only', () => {
    expect(processArgv(nginx, undefined, ['nginx-debug', '-g', 'daemon off;'])).toEqual([
      '/docker-entrypoint.sh',
      'nginx-debug',
      '-g',
      'daemon off;',
    ]);
  });

  it('lets command replace ENTRYPOINT and drop CMD', () => {
    expect(processArgv(nginx, ['sleep', '3600'])).toEqual(['sleep', '3600']);
    expect(processArgv(image('busybox'), ['sh', '-c'], ['echo hi'])).toEqual(['sh', '-c', 'echo hi']);
  });
});

describe('listeningPorts', () => {
  it('comes from the image, not from the pod spec', () => {
    expect(listeningPorts(image('nginx'))).toEqual([{ port: 80, protocol: 'TCP', service: 'http' }]);
    expect(listeningPorts(image('busybox:1.36'))).toEqual([]);
    expect(listeningPorts(image('redis'))).toEqual([{ port: 6379, protocol: 'TCP', service: 'redis' }]);
  });

  it('is empty when the command replaces the image program', () => {
    const nginx = image('nginx');
    expect(runsImageProgram(nginx, ['sleep', '3600'])).toBe(false);
    expect(listeningPorts(nginx, {}, ['sleep', '3600'])).toEqual([]);
    expect(runsImageProgram(nginx, ['nginx', '-g', 'daemon off;'])).toBe(true);
  });

  it("treats a shell command in a shell image as the pod's own program", () => {
    const busybox = image('busybox');
    expect(runsImageProgram(busybox, ['sh'])).toBe(true);
    expect(runsImageProgram(busybox, ['sh', '-c', 'sleep 3600'])).toBe(false);
  });

  it('reads redis-server --port from the arguments', () => {
    const redis = image('redis:7');
    const argv = processArgv(redis, undefined, ['redis-server', '--port', '7000']);
    expect(listeningPorts(redis, {}, argv)).toEqual([{ port: 7000, protocol: 'TCP', service: 'redis' }]);
    const logs = redis.startupLogs({ now: 0, argv });
    expect(logs[2]).toBe('1:C 01 Jan 1970 00:00:00.000 * Configuration loaded');
    expect(logs).toContain('1:M 01 Jan 1970 00:00:00.001 * Running mode=standalone, port=7000.');
  });

  it('follows the generic web image PORT and whoami WHOAMI_PORT_NUMBER / --port', () => {
    const web = image('kubelab/web');
    expect(listeningPorts(web)).toEqual([{ port: 8080, protocol: 'TCP', service: 'http' }]);
    expect(listeningPorts(web, { PORT: '3000' })).toEqual([{ port: 3000, protocol: 'TCP', service: 'http' }]);
    expect(listeningPorts(web, { PORT: 'http' })).toEqual([]);
    const failed = web.start({ now: 0, env: { PORT: 'http' } });
    expect(failed).toMatchObject({ running: false, exitCode: 1 });
    const whoami = image('traefik/whoami');
    expect(listeningPorts(whoami, { WHOAMI_PORT_NUMBER: '8000' })).toEqual([
      { port: 8000, protocol: 'TCP', service: 'http' },
    ]);
    expect(listeningPorts(whoami, {}, processArgv(whoami, undefined, ['--port', '9090']))).toEqual([
      { port: 9090, protocol: 'TCP', service: 'http' },
    ]);
  });

  it('names the protocol each port speaks', () => {
    expect(listeningPorts(image('mysql:8')).map((listen) => listen.service)).toEqual(['mysql', 'raw']);
    expect(listeningPorts(image('postgres')).map((listen) => listen.service)).toEqual(['postgres']);
    expect(
      listeningPorts(image('registry.k8s.io/coredns/coredns:v1.11.3')).filter((listen) => listen.service === 'dns'),
    ).toEqual([
      { port: 53, protocol: 'UDP', service: 'dns' },
      { port: 53, protocol: 'TCP', service: 'dns' },
    ]);
  });
});
