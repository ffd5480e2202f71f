// The documents kube-apiserver serves outside the resource paths: /version
// (the control plane's build, the same release as the nodes' kubelets), and
// the single-group document /apis/<group>.
import type { Cluster } from '../cluster';
import type { KubeList } from '../api/objects';

/** Build facts of the released kube-apiserver binaries, by version. */
const BUILDS: Record<string, { gitCommit: string; buildDate: string; goVersion: string }> = {
  'v1.32.0': {
    gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
    buildDate: '2024-12-11T17:59:15Z',
    goVersion: 'go1.23.3',
  },
};

const DEFAULT_VERSION = 'v1.32.0';

export function versionInfo(cluster: Cluster): Record<string, string> {
  const gitVersion = controlPlaneVersion(cluster);
  const [, major = '1', minor = '32'] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  const build = BUILDS[gitVersion] ?? BUILDS[DEFAULT_VERSION];
  return {
    major,
    minor,
    gitVersion,
    gitCommit: build?.gitCommit ?? '',
    gitTreeState: 'clean',
    buildDate: build?.buildDate ?? '',
    goVersion: build?.goVersion ?? '',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** kubeadm runs the control plane at the kubelets' release: read it from the first node. */
function controlPlaneVersion(cluster: Cluster): string {
  const response = cluster.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes' });
  const list = response.body as Partial<KubeList>;
  const node = list.items?.[0] as { status?: { nodeInfo?: { kubeletVersion?: string } } } | undefined;
  return node?.status?.nodeInfo?.kubeletVersion ?? DEFAULT_VERSION;
}

export function apiGroupDocument(cluster: Cluster, name: string): Record<string, unknown> | undefined {
  const list = cluster.apiGroups() as { groups?: Array<Record<string, unknown>> };
  const group = list.groups?.find((candidate) => candidate['name'] === name);
  return group ? { kind: 'APIGroup', apiVersion: 'v1', ...group } : undefined;
}
