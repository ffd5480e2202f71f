// Reading the cluster the way a controller does: through its API.
import type { ApiResource, Cluster, KubeList, KubeObject } from '@kubelab/cluster';
import type { ObjectSelector, PodSelector } from '@kubelab/labs';

export interface ResolvedKind {
  group: string;
  version: string;
  resource: ApiResource;
}

function groupVersions(cluster: Cluster): Array<[string, string]> {
  const groups = cluster.apiGroups() as { groups?: Array<{ name: string; preferredVersion?: { version: string } }> };
  return [
    ['', 'v1'],
    ...(groups.groups ?? []).map((group): [string, string] => [group.name, group.preferredVersion?.version ?? 'v1']),
  ];
}

/** The resource behind a kind as an author writes it (`Service`, `service`, `svc`, `deployments`). */
export function resolveKind(cluster: Cluster, kind: string, apiVersion?: string): ResolvedKind | undefined {
  const wanted = kind.toLowerCase();
  const candidates: Array<[string, string]> = apiVersion
    ? [apiVersion.includes('/') ? (apiVersion.split('/', 2) as [string, string]) : ['', apiVersion]]
    : groupVersions(cluster);
  for (const [group, version] of candidates) {
    const resource = cluster
      .apiResources(group, version)
      ?.resources.find(
        (candidate) =>
          !candidate.name.includes('/') &&
          (candidate.kind.toLowerCase() === wanted ||
            candidate.name === wanted ||
            candidate.singularName === wanted ||
            (candidate.shortNames ?? []).includes(wanted)),
      );
    if (resource) return { group, version, resource };
  }
  return undefined;
}

/** As a namespace option: every namespace (`-A`). */
export const ALL_NAMESPACES = '*';

export function listObjects(
  cluster: Cluster,
  kind: ResolvedKind,
  options: { namespace?: string | undefined; labelSelector?: string | undefined } = {},
): KubeObject[] | { error: string } {
  const response = cluster.request({
    verb: 'list',
    group: kind.group,
    version: kind.version,
    resource: kind.resource.name,
    ...(kind.resource.namespaced && options.namespace !== ALL_NAMESPACES
      ? { namespace: options.namespace ?? 'default' }
      : {}),
    ...(options.labelSelector ? { query: { labelSelector: options.labelSelector } } : {}),
  });
  if (response.status >= 300) {
    return { error: (response.body as { message?: string }).message ?? `status ${response.status}` };
  }
  return (response.body as KubeList).items;
}

/** Objects a check's selector names, or why it cannot name any. */
export function selectObjects(
  cluster: Cluster,
  selector: ObjectSelector,
): { kind: ResolvedKind; all: KubeObject[]; selected: KubeObject[] } | { error: string } {
  const kind = resolveKind(cluster, selector.kind, selector.apiVersion);
  if (!kind) return { error: `the cluster has no kind "${selector.kind}"` };
  const all = listObjects(cluster, kind, { namespace: selector.namespace, labelSelector: selector.labelSelector });
  if ('error' in all) return all;
  const selected = selector.name === undefined ? all : all.filter((object) => object.metadata.name === selector.name);
  return { kind, all, selected };
}

export const PODS: ResolvedKind = {
  group: '',
  version: 'v1',
  resource: { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: [] },
};

export function listPods(cluster: Cluster, namespace: string): KubeObject[] {
  const pods = listObjects(cluster, PODS, { namespace });
  return 'error' in pods ? [] : pods;
}

export function hasLabels(object: KubeObject, labels: Record<string, string> | undefined): boolean {
  return Object.entries(labels ?? {}).every(([key, value]) => object.metadata.labels?.[key] === value);
}

export function podsMatching(cluster: Cluster, selector: PodSelector): KubeObject[] {
  return listPods(cluster, selector.namespace ?? 'default').filter(
    (pod) => (selector.name === undefined || pod.metadata.name === selector.name) && hasLabels(pod, selector.labels),
  );
}

export function isReady(pod: KubeObject): boolean {
  const status = pod['status'] as { conditions?: Array<{ type: string; status: string }> } | undefined;
  return status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
}

export function describePodSelector(selector: PodSelector): string {
  const where = selector.namespace && selector.namespace !== 'default' ? ` in namespace ${selector.namespace}` : '';
  if (selector.name) return `pod ${selector.name}${where}`;
  const labels = Object.entries(selector.labels ?? {}).map(([key, value]) => `${key}=${value}`);
  return `a pod with labels ${labels.join(',') || '<any>'}${where}`;
}

/** "there is no pod web", "no pod has labels app=web". */
export function missingPod(selector: PodSelector): string {
  const where = selector.namespace && selector.namespace !== 'default' ? ` in namespace ${selector.namespace}` : '';
  if (selector.name) return `there is no pod ${selector.name}${where}`;
  const labels = Object.entries(selector.labels ?? {}).map(([key, value]) => `${key}=${value}`);
  return `no pod has labels ${labels.join(',') || '<any>'}${where}`;
}
