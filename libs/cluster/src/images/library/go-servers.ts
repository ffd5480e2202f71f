// Two small Go web servers: traefik/whoami (FROM scratch, ENTRYPOINT
// ["/whoami"]) and the lab's own docker.io/kubelab/web.
//
// kubelab/web, the configurable generic web image, is defined here:
//   - tags: latest (= 2.0.0), 1.0.0, 1.1.0, 2.0.0 and their prefixes (1, 1.0, 2, 2.0), plus v-prefixed forms;
//   - alpine-based (sh, wget, nslookup, nc, ping, curl), ENTRYPOINT ["/usr/local/bin/web"], no CMD;
//   - listens on TCP $PORT (default 8080); a PORT that is not a number in 1-65535 makes it exit 1;
//   - GET / answers `$MESSAGE` (default "Hello from kubelab/web"), then `version: <v>` and
//     `hostname: <pod name>` lines; /healthz and /readyz answer `ok` (500 `unhealthy` when HEALTHY=false);
//     /version answers the version; anything else is Go's `404 page not found`;
//   - logs `<date> kubelab/web <v> listening on :<port>` at start and one common-log line per request;
//   - stops promptly on SIGTERM.

import { whoamiStartupLogs } from '../logs';
import { compareVersions } from '../tags';
import { slashDateTime } from '../time-format';
import { DEFAULT_PATH, envValue, type ImageDefinition, type ListenSpec, type RepositoryDefinition } from '../types';
import { alpineShell, noShell } from './base-systems';

// Releases of traefik/whoami; goreleaser also pushes vMAJOR.MINOR from v1.6 on.
const WHOAMI_VERSIONS = [
  '1.11.0',
  '1.10.4',
  '1.10.3',
  '1.10.2',
  '1.10.1',
  '1.10.0',
  '1.9.0',
  '1.8.7',
  '1.8.6',
  '1.8.5',
  '1.8.4',
  '1.8.3',
  '1.8.2',
  '1.8.1',
  '1.8.0',
  '1.7.1',
  '1.7.0',
  '1.6.1',
  '1.6.0',
  '1.5.0',
  '1.4.0',
  '1.3.0',
  '1.2.0',
];

export const whoamiRepository: RepositoryDefinition = {
  name: 'docker.io/traefik/whoami',
  resolve(tag) {
    const version = tag === 'latest' ? WHOAMI_VERSIONS[0] : whoamiVersion(tag);
    if (!version) return undefined;
    const image: ImageDefinition = {
      kind: 'whoami',
      repository: 'docker.io/traefik/whoami',
      canonicalTag: `v${version}`,
      version,
      sizeBytes: 2_656_104,
      entrypoint: ['/whoami'],
      cmd: [],
      workingDir: '/',
      env: [['PATH', DEFAULT_PATH]],
      runsUntilStopped: true,
      exitCode: 0,
      // Go's runtime turns an unhandled SIGTERM into an exit even as PID 1.
      stopSignal: 'SIGTERM',
      handlesSigterm: true,
      shell: noShell(['whoami']),
      httpServer: { kind: 'whoami' },
      listeningPorts: (env, argv) => [httpPort(whoamiPort(image, env, argv))],
      start: (ctx) => {
        const port = whoamiPort(image, ctx.env, ctx.argv);
        return { logs: whoamiStartupLogs(port, ctx), running: true, exitCode: undefined, listens: [httpPort(port)] };
      },
    };
    return image;
  },
};

function whoamiVersion(tag: string): string | undefined {
  const match = /^v(\d+\.\d+(?:\.\d+)?)$/.exec(tag);
  if (!match?.[1]) return undefined;
  const wanted = match[1];
  if (wanted.split('.').length === 3) return WHOAMI_VERSIONS.find((version) => version === wanted);
  if (compareVersions(wanted, '1.6') < 0) return undefined;
  return WHOAMI_VERSIONS.find((version) => version.startsWith(`${wanted}.`));
}

// flag.StringVar(&port, "port", getEnv("WHOAMI_PORT_NUMBER", "80"), ...): a --port argument wins over the env.
function whoamiPort(image: ImageDefinition, env?: Readonly<Record<string, string>>, argv?: readonly string[]): string {
  const args = argv ?? [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const inline = /^--?port=(.*)$/.exec(arg);
    if (inline) return inline[1] ?? '';
    if ((arg === '--port' || arg === '-port') && args[i + 1] !== undefined) return args[i + 1] ?? '';
  }
  const fromEnv = envValue(image, env, 'WHOAMI_PORT_NUMBER');
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : '80';
}

function httpPort(port: string): ListenSpec {
  return { port: Number(port), protocol: 'TCP', service: 'http' };
}

const KUBELAB_VERSIONS = ['2.0.0', '1.1.0', '1.0.0'];

export const kubelabWebRepository: RepositoryDefinition = {
  name: 'docker.io/kubelab/web',
  resolve(tag) {
    const wanted = tag.replace(/^v/, '');
    const version =
      tag === 'latest'
        ? KUBELAB_VERSIONS[0]
        : KUBELAB_VERSIONS.find((candidate) => candidate === wanted || candidate.startsWith(`${wanted}.`));
    if (!version || !/^\d+(\.\d+){0,2}$/.test(wanted === 'latest' ? '0' : wanted)) return undefined;
    const image: ImageDefinition = {
      kind: 'kubelab-web',
      repository: 'docker.io/kubelab/web',
      canonicalTag: version,
      version,
      sizeBytes: 9_437_184,
      entrypoint: ['/usr/local/bin/web'],
      cmd: [],
      workingDir: '/',
      env: [
        ['PATH', DEFAULT_PATH],
        ['PORT', '8080'],
        ['WEB_VERSION', version],
      ],
      runsUntilStopped: true,
      exitCode: 0,
      stopSignal: 'SIGTERM',
      handlesSigterm: true,
      shell: alpineShell(['curl', 'web']),
      httpServer: { kind: 'kubelab-web', version },
      listeningPorts: (env) => {
        const port = kubelabPort(image, env);
        return port === undefined ? [] : [httpPort(String(port))];
      },
      start: (ctx) => {
        const raw = envValue(image, ctx.env, 'PORT') ?? '';
        const port = kubelabPort(image, ctx.env);
        const stamp = slashDateTime(ctx.now);
        if (port === undefined) {
          return {
            logs: [`${stamp} invalid PORT "${raw}": want a number from 1 to 65535`],
            running: false,
            exitCode: 1,
            listens: [],
          };
        }
        const logs = [`${stamp} kubelab/web ${version} listening on :${port}`];
        return { logs, running: true, exitCode: undefined, listens: [httpPort(String(port))] };
      },
    };
    return image;
  },
};

function kubelabPort(image: ImageDefinition, env?: Readonly<Record<string, string>>): number | undefined {
  const raw = envValue(image, env, 'PORT') ?? '8080';
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  return port >= 1 && port <= 65535 ? port : undefined;
}
