// docker.io/library/nginx: every release the official image published from
// 1.10.1 to 1.27.4 (the catalogue's snapshot is the registry of 2025-02-20:
// latest = mainline = 1.27.4, stable = 1.26.3), on Debian and Alpine, with the
// perl, alpine-slim and otel variants.

import { nginxStartupLogs } from '../logs';
import { compareVersions, debianOrAlpine, resolveTag, type Release, type TagScheme } from '../tags';
import { DEFAULT_PATH, type ImageDefinition, type RepositoryDefinition, type StopSignal } from '../types';
import { alpineShell, debianShell } from './base-systems';
import { NGINX_RELEASE_LINES } from './nginx-releases';

const REPOSITORY = 'docker.io/library/nginx';
const ENTRYPOINT_SCRIPTS = [
  '10-listen-on-ipv6-by-default.sh',
  '15-local-resolvers.envsh',
  '20-envsubst-on-templates.sh',
  '30-tune-worker-processes.sh',
];
const SCRIPT_SETS: Record<string, string[]> = {
  '0': [],
  '2': [ENTRYPOINT_SCRIPTS[0] ?? '', ENTRYPOINT_SCRIPTS[2] ?? ''],
  '3': [ENTRYPOINT_SCRIPTS[0] ?? '', ENTRYPOINT_SCRIPTS[2] ?? '', ENTRYPOINT_SCRIPTS[3] ?? ''],
  '4': ENTRYPOINT_SCRIPTS,
};

// `gcc -v`'s version text (trailing space included) of each base system, as
// nginx prints it in "built by gcc ..."; observed in real container logs.
const COMPILERS: Record<string, string> = {
  buster: 'gcc 8.3.0 (Debian 8.3.0-6) ',
  bullseye: 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ',
  bookworm: 'gcc 12.2.0 (Debian 12.2.0-14) ',
  '3.14': 'gcc 10.3.1 20210424 (Alpine 10.3.1_git20210424) ',
  '3.15': 'gcc 10.3.1 20211027 (Alpine 10.3.1_git20211027) ',
  '3.16': 'gcc 11.2.1 20220219 (Alpine 11.2.1_git20220219) ',
  '3.17': 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r4) ',
  '3.18': 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10) ',
  '3.19': 'gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ',
  '3.20': 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ',
  '3.21': 'gcc 14.2.0 (Alpine 14.2.0) ',
};

// Compressed sizes the kubelet reports after a pull (approximate, amd64).
const SIZES: Record<string, number> = { debian: 72_404_038, alpine: 20_506_582, perl: 85_370_118, slim: 5_314_432 };

interface NginxVariant {
  readonly system: string;
  readonly stopSignal: StopSignal;
  readonly scripts: readonly string[];
  /** mtime of /usr/share/nginx/html/index.html, epoch seconds. */
  readonly indexMtime: number;
  readonly env: ReadonlyArray<readonly [string, string]>;
}

const VARIANTS = new Map<string, NginxVariant>();
const RELEASES: Release[] = [];

for (const line of NGINX_RELEASE_LINES.trim().split('\n')) {
  const [version = '', flavour = '', system = '', code = 'T0', mtime = '0', ...env] = line.split(' ');
  VARIANTS.set(`${version} ${flavour}`, {
    system,
    stopSignal: code.startsWith('Q') ? 'SIGQUIT' : 'SIGTERM',
    scripts: SCRIPT_SETS[code.slice(1)] ?? [],
    indexMtime: parseInt(mtime, 16),
    env: env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const),
  });
  const release = RELEASES.find((candidate) => candidate.version === version);
  if (release)
    RELEASES.splice(RELEASES.indexOf(release), 1, { version, systems: { ...release.systems, [flavour]: system } });
  else RELEASES.push({ version, systems: { [flavour]: system } });
}

const SCHEME: TagScheme = {
  releases: RELEASES,
  defaultFlavour: 'debian',
  channels: { latest: '', mainline: '1.27', stable: '1.26' },
  systemWord: debianOrAlpine(['jessie', 'stretch', 'buster', 'bullseye', 'bookworm']),
  extras: {
    perl: () => true,
    slim: (release, flavour) => flavour === 'alpine' && compareVersions(release.version, '1.22.1') >= 0,
    otel: (release) => compareVersions(release.version, '1.25.4') >= 0,
  },
};

export const nginxRepository: RepositoryDefinition = {
  name: REPOSITORY,
  resolve(tag) {
    const resolved = resolveTag(SCHEME, tag);
    if (!resolved) return undefined;
    const version = resolved.release.version;
    const variant = VARIANTS.get(`${version} ${resolved.flavour}`);
    if (!variant) return undefined;
    return nginxImage(version, resolved.flavour, resolved.extra, variant, resolved.canonicalTag);
  },
};

function nginxImage(
  version: string,
  flavour: string,
  extra: string | undefined,
  variant: NginxVariant,
  canonicalTag: string,
): ImageDefinition {
  const hasCurl = extra !== 'slim' && compareVersions(version, '1.19.5') >= 0;
  const tools = ['nginx', 'nginx-debug', ...(variant.scripts.length ? ['envsubst'] : []), ...(hasCurl ? ['curl'] : [])];
  const listens = [{ port: 80, protocol: 'TCP' as const, service: 'http' as const }];
  const definition: ImageDefinition = {
    kind: 'nginx',
    repository: REPOSITORY,
    canonicalTag,
    version,
    sizeBytes: extra ? (SIZES[extra] ?? SIZES['debian'] ?? 0) : (SIZES[flavour] ?? 0),
    entrypoint: variant.scripts.length ? ['/docker-entrypoint.sh'] : [],
    cmd: ['nginx', '-g', 'daemon off;'],
    workingDir: '/',
    env: [['PATH', DEFAULT_PATH], ...variant.env],
    runsUntilStopped: true,
    exitCode: 0,
    stopSignal: variant.stopSignal,
    handlesSigterm: true,
    shell: flavour === 'alpine' ? alpineShell(tools) : debianShell(tools),
    httpServer: { kind: 'nginx', version, indexMtime: variant.indexMtime },
    listeningPorts: () => [...listens],
    start: (ctx) => ({
      logs: nginxStartupLogs({ version, entrypointScripts: variant.scripts, compiler: COMPILERS[variant.system] }, ctx),
      running: true,
      exitCode: undefined,
      listens,
    }),
  };
  return definition;
}
