// Images of the cluster's own add-ons on registry.k8s.io: CoreDNS, kube-proxy
// and the pause container. Distroless: no shell inside.

import { DEFAULT_PATH, type ImageDefinition, type ListenSpec, type RepositoryDefinition } from '../types';
import { noShell } from './base-systems';

// CoreDNS builds: `linux/amd64, <go>, <commit>` as the binary prints it (observed in real pod logs).
const COREDNS_BUILDS: Record<string, string> = {
  '1.11.3': 'go1.21.11, a6338e9',
  '1.11.1': 'go1.20.7, ae2bbc2',
};

// The SHA512 the reload plugin reports for kubeadm's default Corefile.
const KUBEADM_COREFILE_SHA512 =
  '591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908';

// With kubeadm's Corefile: dns on 53, health on 8080, ready on 8181, prometheus on 9153.
const COREDNS_LISTENS: ListenSpec[] = [
  { port: 53, protocol: 'UDP', service: 'dns' },
  { port: 53, protocol: 'TCP', service: 'dns' },
  { port: 8080, protocol: 'TCP', service: 'http' },
  { port: 8181, protocol: 'TCP', service: 'http' },
  { port: 9153, protocol: 'TCP', service: 'metrics' },
];

export const corednsRepository: RepositoryDefinition = {
  name: 'registry.k8s.io/coredns/coredns',
  resolve(tag) {
    const version = tag.replace(/^v/, '');
    const build = tag.startsWith('v') ? COREDNS_BUILDS[version] : undefined;
    if (!build) return undefined;
    return addonImage('coredns', 'registry.k8s.io/coredns/coredns', tag, version, {
      sizeBytes: 18_562_039,
      entrypoint: ['/coredns'],
      listens: COREDNS_LISTENS,
      logs: () => [
        '.:53',
        `[INFO] plugin/reload: Running configuration SHA512 = ${KUBEADM_COREFILE_SHA512}`,
        `CoreDNS-${version}`,
        `linux/amd64, ${build}`,
      ],
    });
  },
};

// kube-proxy: the releases of the 1.29 to 1.32 lines published by 2025-02-20.
const KUBE_PROXY_PATCHES: Record<string, number> = { '1.29': 14, '1.30': 10, '1.31': 6, '1.32': 2 };

export const kubeProxyRepository: RepositoryDefinition = {
  name: 'registry.k8s.io/kube-proxy',
  resolve(tag) {
    const match = /^v(1\.\d+)\.(\d+)$/.exec(tag);
    const newest = match ? KUBE_PROXY_PATCHES[match[1] ?? ''] : undefined;
    if (!match || newest === undefined || Number(match[2]) > newest) return undefined;
    return addonImage('kube-proxy', 'registry.k8s.io/kube-proxy', tag, tag.slice(1), {
      sizeBytes: 30_907_488,
      entrypoint: ['/usr/local/bin/kube-proxy'],
      listens: [
        { port: 10249, protocol: 'TCP', service: 'metrics' },
        { port: 10256, protocol: 'TCP', service: 'http' },
      ],
      logs: () => [],
    });
  },
};

const PAUSE_VERSIONS = ['3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.4.1', '3.2', '3.1'];

export const pauseRepository: RepositoryDefinition = {
  name: 'registry.k8s.io/pause',
  resolve(tag) {
    if (!PAUSE_VERSIONS.includes(tag)) return undefined;
    return addonImage('pause', 'registry.k8s.io/pause', tag, tag, {
      sizeBytes: 320_368,
      entrypoint: ['/pause'],
      listens: [],
      logs: () => [],
    });
  },
};

function addonImage(
  kind: 'coredns' | 'kube-proxy' | 'pause',
  repository: string,
  tag: string,
  version: string,
  facts: { sizeBytes: number; entrypoint: string[]; listens: ListenSpec[]; logs: () => string[] },
): ImageDefinition {
  return {
    kind,
    repository,
    canonicalTag: tag,
    version,
    sizeBytes: facts.sizeBytes,
    entrypoint: facts.entrypoint,
    cmd: [],
    workingDir: '/',
    env: [['PATH', DEFAULT_PATH]],
    runsUntilStopped: true,
    exitCode: 0,
    stopSignal: 'SIGTERM',
    handlesSigterm: true,
    shell: noShell(),
    httpServer: undefined,
    listeningPorts: () => [...facts.listens],
    start: () => ({ logs: facts.logs(), running: true, exitCode: undefined, listens: facts.listens }),
  };
}
