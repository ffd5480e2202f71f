import { lookupImage } from './catalogue';
import { type ImageBehaviour, type StartContext } from './types';

const NOW = Date.UTC(2026, 10, 22, 5, 45, 51);
const CTX: StartContext = { now: NOW, podIp: '10.244.1.5', hostname: 'web-1' };

function image(ref: string): ImageBehaviour {
  const found = lookupImage(ref);
  if (!found) throw new Error(ref);
  return found;
}

describe('nginx start-up', () => {
  it('prints the entrypoint lines and the notice-level start of nginx 1.27', () => {
    expect(image('nginx:1.27').startupLogs({ ...CTX, cpus: 2, pid: 29, kernelRelease: '6.8.0-1021-gcp' })).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2026/11/22 05:45:51 [notice] 1#1: using the "epoll" event method',
      '2026/11/22 05:45:51 [notice] 1#1: nginx/1.27.4',
      '2026/11/22 05:45:51 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '2026/11/22 05:45:51 [notice] 1#1: OS: Linux 6.8.0-1021-gcp',
      '2026/11/22 05:45:51 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2026/11/22 05:45:51 [notice] 1#1: start worker processes',
      '2026/11/22 05:45:51 [notice] 1#1: start worker process 29',
      '2026/11/22 05:45:51 [notice] 1#1: start worker process 30',
    ]);
  });

  it('names the Alpine compiler on alpine variants', () => {
    expect(image('nginx:1.27-alpine').startupLogs(CTX)).toContain(
      '2026/11/22 05:45:51 [notice] 1#1: built by gcc 14.2.0 (Alpine 14.2.0) ',
    );
    expect(image('nginx:1.25-alpine').startupLogs(CTX)).toContain(
      '2026/11/22 05:45:51 [notice] 1#1: built by gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ',
    );
  });

  it('follows the history of the image: no entrypoint and a warn-level log before 1.19', () => {
    expect(image('nginx:1.14.2').startupLogs(CTX)).toEqual([]);
    const early = image('nginx:1.19.0').startupLogs(CTX);
    expect(early).toContain('10-listen-on-ipv6-by-default.sh: Getting the checksum of /etc/nginx/conf.d/default.conf');
    expect(early.some((line) => line.includes('[notice]'))).toBe(false);
  });

  it('keeps the entrypoint quiet with NGINX_ENTRYPOINT_QUIET_LOGS', () => {
    const logs = image('nginx').startupLogs({ ...CTX, env: { NGINX_ENTRYPOINT_QUIET_LOGS: '1' } });
    expect(logs[0]).toBe('2026/11/22 05:45:51 [notice] 1#1: using the "epoll" event method');
  });
});

it('httpd prints AH00558 twice, then its notices', () => {
  const logs = image('httpd:2.4.63').startupLogs(CTX);
  const warning =
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. " +
    "Set the 'ServerName' directive globally to suppress this message";
  expect(logs.slice(0, 2)).toEqual([warning, warning]);
  expect(logs[2]).toMatch(
    /^\[Sun Nov 22 05:45:51\.\d{6} 2026\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache\/2\.4\.63 \(Unix\) configured -- resuming normal operations$/,
  );
  expect(logs[3]).toMatch(/\[core:notice\] \[pid 1:tid \d+\] AH00094: Command line: 'httpd -D FOREGROUND'$/);
});

it('redis 7.4 and 6.2 print their own banners', () => {
  expect(image('redis:7.4').startupLogs(CTX)).toEqual([
    '1:C 22 Nov 2026 05:45:51.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
    '1:C 22 Nov 2026 05:45:51.000 * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started',
    '1:C 22 Nov 2026 05:45:51.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
    '1:M 22 Nov 2026 05:45:51.001 * monotonic clock: POSIX clock_gettime',
    '1:M 22 Nov 2026 05:45:51.001 * Running mode=standalone, port=6379.',
    '1:M 22 Nov 2026 05:45:51.001 * Server initialized',
    '1:M 22 Nov 2026 05:45:51.001 * Ready to accept connections tcp',
  ]);
  const six = image('redis:6.2').startupLogs(CTX);
  expect(six[0]).toBe('1:C 22 Nov 2026 05:45:51.000 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  expect(six[six.length - 1]).toBe('1:M 22 Nov 2026 05:45:51.001 * Ready to accept connections');
});

it('whoami logs its port from WHOAMI_PORT_NUMBER or --port', () => {
  const whoami = image('traefik/whoami');
  expect(whoami.startupLogs(CTX)).toEqual(['2026/11/22 05:45:51 Starting up on port 80']);
  expect(whoami.start({ ...CTX, env: { WHOAMI_PORT_NUMBER: '8080' } }).listens).toEqual([
    { port: 8080, protocol: 'TCP', service: 'http' },
  ]);
  expect(whoami.startupLogs({ ...CTX, argv: ['/whoami', '--port', '9000'] })).toEqual([
    '2026/11/22 05:45:51 Starting up on port 9000',
  ]);
});

it('CoreDNS prints its server block, config hash and build', () => {
  expect(image('registry.k8s.io/coredns/coredns:v1.11.3').startupLogs(CTX)).toEqual([
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.21.11, a6338e9',
  ]);
});

describe('databases', () => {
  it('mysql without a root password stops in the entrypoint with exit 1', () => {
    const outcome = image('mysql:8.4').start(CTX);
    expect(outcome).toMatchObject({ running: false, exitCode: 1, listens: [] });
    expect(outcome.logs).toEqual([
      '2026-11-22 05:45:51+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.4-1.el9 started.',
      "2026-11-22 05:45:51+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '2026-11-22 05:45:51+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.4-1.el9 started.',
      '2026-11-22 05:45:51+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ]);
  });

  it('mysql with a password initialises and reports ready', () => {
    const outcome = image('mysql:8.4').start({
      ...CTX,
      env: { MYSQL_ROOT_PASSWORD: 's3cret', MYSQL_DATABASE: 'shop' },
    });
    expect(outcome.running).toBe(true);
    expect(outcome.logs).toContain('2026-11-22 05:45:51+00:00 [Note] [Entrypoint]: Creating database shop');
    expect(outcome.logs[outcome.logs.length - 1]).toContain("ready for connections. Version: '8.4.4'");
    expect(outcome.listens.map((listen) => listen.port)).toEqual([3306, 33060]);
  });

  it('postgres requires POSTGRES_PASSWORD (or trust)', () => {
    const failed = image('postgres:16').start(CTX);
    expect(failed).toMatchObject({ running: false, exitCode: 1 });
    expect(failed.logs[0]).toBe('Error: Database is uninitialized and superuser password is not specified.');
    const started = image('postgres:16').start({ ...CTX, env: { POSTGRES_PASSWORD: 'pw' } });
    expect(started.running).toBe(true);
    expect(started.logs).toContain(
      '2026-11-22 05:45:54.000 UTC [1] LOG:  starting PostgreSQL 16.7 (Debian 16.7-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
    );
    expect(started.logs[started.logs.length - 1]).toBe(
      '2026-11-22 05:45:54.016 UTC [1] LOG:  database system is ready to accept connections',
    );
  });
});

it('busybox and alpine print nothing and exit 0', () => {
  expect(image('busybox:1.36').start(CTX)).toEqual({ logs: [], running: false, exitCode: 0, listens: [] });
  expect(image('alpine').start(CTX)).toEqual({ logs: [], running: false, exitCode: 0, listens: [] });
});
