// What the web and cache images print when they start, line for line as the
// real programs write them: nginx's docker-entrypoint.sh and notice-level
// error log, httpd's AH-numbered messages, redis' serverLog lines, Go's `log`
// package for traefik/whoami. Timestamps come from the start context.

import { type StartContext } from './types';
import { apacheErrorTime, redisLogTime, slashDateTime } from './time-format';

const DEFAULT_KERNEL = '6.8.0-52-generic';
const DEFAULT_NOFILE = '1048576:1048576';
const DEFAULT_CPUS = 2;
const DEFAULT_FIRST_CHILD_PID = 29;

export interface NginxBuild {
  readonly version: string;
  /** Scripts in /docker-entrypoint.d (none: the image has no entrypoint). */
  readonly entrypointScripts: readonly string[];
  /** `built by gcc ...` text (with gcc -v's trailing space) or undefined when not known. */
  readonly compiler: string | undefined;
}

/** The error log of nginx packages before 1.20 was at `warn` level: nothing printed at start. */
function nginxLogsNotices(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 1 || minor >= 20;
}

/** Lines of /docker-entrypoint.sh and of nginx's start-up, as `kubectl logs` shows them. */
export function nginxStartupLogs(build: NginxBuild, ctx: StartContext): string[] {
  const lines: string[] = [];
  const quiet = (ctx.env?.['NGINX_ENTRYPOINT_QUIET_LOGS'] ?? '') !== '';
  if (build.entrypointScripts.length > 0 && !quiet) lines.push(...nginxEntrypointLines(build.entrypointScripts));
  if (!nginxLogsNotices(build.version)) return lines;
  const stamp = `${slashDateTime(ctx.now)} [notice] 1#1: `;
  lines.push(`${stamp}using the "epoll" event method`, `${stamp}nginx/${build.version}`);
  if (build.compiler) lines.push(`${stamp}built by ${build.compiler}`);
  lines.push(
    `${stamp}OS: Linux ${ctx.kernelRelease ?? DEFAULT_KERNEL}`,
    `${stamp}getrlimit(RLIMIT_NOFILE): ${ctx.nofile ?? DEFAULT_NOFILE}`,
    `${stamp}start worker processes`,
  );
  const firstPid = ctx.pid ?? DEFAULT_FIRST_CHILD_PID;
  for (let i = 0; i < Math.max(1, ctx.cpus ?? DEFAULT_CPUS); i++)
    lines.push(`${stamp}start worker process ${firstPid + i}`);
  return lines;
}

// docker-entrypoint.sh and the scripts it runs. The `info:` prefix of
// 10-listen-on-ipv6-by-default.sh came with the images that also ship
// 30-tune-worker-processes.sh (December 2020 onwards).
function nginxEntrypointLines(scripts: readonly string[]): string[] {
  const me = '/docker-entrypoint.sh';
  const info = scripts.includes('30-tune-worker-processes.sh') ? 'info: ' : '';
  const conf = 'etc/nginx/conf.d/default.conf';
  const lines = [
    `${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${me}: Looking for shell scripts in /docker-entrypoint.d/`,
  ];
  for (const script of scripts) {
    if (script.endsWith('.envsh')) {
      lines.push(`${me}: Sourcing /docker-entrypoint.d/${script}`);
      continue;
    }
    lines.push(`${me}: Launching /docker-entrypoint.d/${script}`);
    if (script === '10-listen-on-ipv6-by-default.sh') {
      lines.push(
        `${script}: ${info}Getting the checksum of /${conf}`,
        `${script}: ${info}Enabled listen on IPv6 in /${conf}`,
      );
    }
  }
  lines.push(`${me}: Configuration complete; ready for start up`);
  return lines;
}

/** httpd-foreground's start: AH00558 twice (config test, then start), then the mpm and core notices. */
export function httpdStartupLogs(version: string, ctx: StartContext): string[] {
  const fqdnWarning =
    `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ` +
    `${ctx.podIp ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message`;
  const tid = apacheThreadId(ctx.hostname ?? '');
  return [
    fqdnWarning,
    fqdnWarning,
    `[${apacheErrorTime(ctx.now, 407)}] [mpm_event:notice] [pid 1:tid ${tid}] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    `[${apacheErrorTime(ctx.now, 666)}] [core:notice] [pid 1:tid ${tid}] AH00094: Command line: 'httpd -D FOREGROUND'`,
  ];
}

// glibc's pthread_t is an address in the 0x7f... range; derive one per pod so
// it looks like a real thread id and stays stable.
function apacheThreadId(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return String(139_600_000_000_000 + (hash % 1_000_000) * 64);
}

/**
 * redis-server started by docker-entrypoint.sh (as PID 1 after gosu);
 * `configured` when it was given arguments (a config file or options).
 */
export function redisStartupLogs(version: string, port: number, configured: boolean, ctx: StartContext): string[] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  // 7.2 lowered the start-up banner to notice level and named the listener type.
  const modern = major > 7 || (major === 7 && minor >= 2);
  const banner = modern ? '*' : '#';
  const child = (level: string, text: string) => `1:C ${redisLogTime(ctx.now)} ${level} ${text}`;
  const master = (level: string, text: string) => `1:M ${redisLogTime(ctx.now + 1)} ${level} ${text}`;
  const lines = [
    child(banner, 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    child(banner, `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
    configured
      ? child(banner, 'Configuration loaded')
      : child(
          '#',
          'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        ),
  ];
  if (major > 6 || minor >= 2) lines.push(master('*', 'monotonic clock: POSIX clock_gettime'));
  lines.push(
    master('*', `Running mode=standalone, port=${port}.`),
    master(banner, 'Server initialized'),
    master('*', modern ? 'Ready to accept connections tcp' : 'Ready to accept connections'),
  );
  return lines;
}

/** traefik/whoami: `log.Printf("Starting up on port %s", port)` with Go's standard flags. */
export function whoamiStartupLogs(port: string, ctx: StartContext): string[] {
  return [`${slashDateTime(ctx.now)} Starting up on port ${port}`];
}
