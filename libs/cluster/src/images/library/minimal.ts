// The minimal shells: docker.io/library/busybox and docker.io/library/alpine.
// Both are a root filesystem with CMD a shell and nothing else, so run as a
// pod without a command their shell finds no input and exits at once (0):
// Completed, then CrashLoopBackOff under restartPolicy Always. As PID 1 that
// shell (and `sleep`) ignores SIGTERM, so deleting such a pod waits out the
// whole grace period.

import { resolveTag, type Release, type TagScheme } from '../tags';
import { DEFAULT_PATH, type ImageDefinition, type RepositoryDefinition, type ShellTools } from '../types';
import { alpineShell, busyboxShell } from './base-systems';

const LIBCS = ['glibc', 'uclibc', 'musl'];

// busybox releases published by docker-library/busybox, each as glibc (the default), uclibc and musl.
const BUSYBOX_VERSIONS = `
  1.26.2 1.27.0 1.27.1 1.27.2 1.28.0 1.28.1 1.28.2 1.28.3 1.28.4 1.29.1 1.29.2 1.29.3 1.30.0 1.30.1
  1.31.0 1.31.1 1.32.0 1.32.1 1.33.0 1.33.1 1.34.0 1.34.1 1.35.0 1.36.0 1.36.1 1.37.0
`;

// alpine releases: minor -> published patch levels (docker-library/official-images up to 2025-02-20).
const ALPINE_PATCHES: Record<string, string> = {
  '3.21': '0-3',
  '3.20': '0-6',
  '3.19': '0-7',
  '3.18': '0,2-12',
  '3.17': '0-10',
  '3.16': '0-9',
  '3.15': '0-11',
  '3.14': '0-10',
  '3.13': '0-12',
  '3.12': '0-12',
  '3.11': '3,5-13',
  '3.10': '3-9',
  '3.9': '4-6',
  '3.8': '4-5',
};

// Dated snapshots of alpine:edge; `edge` is the newest.
const ALPINE_EDGE = ['20250108', '20240923', '20240807', '20240606', '20240329', '20240315', '20231219', '20230901'];

const BUSYBOX_SCHEME: TagScheme = {
  releases: BUSYBOX_VERSIONS.trim()
    .split(/\s+/)
    .map((version) => ({ version, systems: { glibc: '', uclibc: '', musl: '' } })),
  defaultFlavour: 'glibc',
  channels: { latest: '', stable: '1.36', unstable: '1.37' },
  systemWord: (word) => (LIBCS.includes(word) ? { flavour: word } : undefined),
};

const ALPINE_SCHEME: TagScheme = {
  releases: Object.entries(ALPINE_PATCHES).flatMap(([minor, patches]) =>
    expandRanges(patches).map((patch): Release => ({ version: `${minor}.${patch}`, systems: { alpine: '' } })),
  ),
  defaultFlavour: 'alpine',
  channels: { latest: '' },
  systemWord: () => undefined,
};

function expandRanges(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [from = 0, to = from] = part.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

export const busyboxRepository: RepositoryDefinition = {
  name: 'docker.io/library/busybox',
  resolve(tag) {
    const resolved = resolveTag(BUSYBOX_SCHEME, tag);
    if (!resolved) return undefined;
    return shellImage('busybox', 'docker.io/library/busybox', resolved.release.version, resolved.canonicalTag, {
      cmd: ['sh'],
      shell: busyboxShell(),
      sizeBytes: resolved.flavour === 'musl' ? 852_917 : resolved.flavour === 'uclibc' ? 1_058_342 : 2_166_802,
    });
  },
};

export const alpineRepository: RepositoryDefinition = {
  name: 'docker.io/library/alpine',
  resolve(tag) {
    const edge = tag === 'edge' ? ALPINE_EDGE[0] : ALPINE_EDGE.find((date) => date === tag);
    const resolved = edge ? undefined : resolveTag(ALPINE_SCHEME, tag);
    const version = edge ?? resolved?.release.version;
    if (!version) return undefined;
    return shellImage('alpine', 'docker.io/library/alpine', version, version, {
      cmd: ['/bin/sh'],
      shell: alpineShell(),
      sizeBytes: 3_644_326,
    });
  },
};

function shellImage(
  kind: 'busybox' | 'alpine',
  repository: string,
  version: string,
  canonicalTag: string,
  facts: { cmd: string[]; shell: ShellTools; sizeBytes: number },
): ImageDefinition {
  return {
    kind,
    repository,
    canonicalTag,
    version,
    sizeBytes: facts.sizeBytes,
    entrypoint: [],
    cmd: facts.cmd,
    workingDir: '/',
    env: [['PATH', DEFAULT_PATH]],
    runsUntilStopped: false,
    exitCode: 0,
    stopSignal: 'SIGTERM',
    handlesSigterm: false,
    shell: facts.shell,
    httpServer: undefined,
    listeningPorts: () => [],
    start: () => ({ logs: [], running: false, exitCode: 0, listens: [] }),
  };
}
