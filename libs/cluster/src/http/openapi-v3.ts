// A minimal OpenAPI v3 for kubectl: the index of group versions and, per
// group version, the create and patch operations of each resource with their
// query parameters and x-kubernetes-group-version-kind. kubectl reads them to
// learn that the server validates fields itself (fieldValidation), so
// `create -f`/`apply -f` send `fieldValidation=Strict` instead of downloading
// schemas to validate client-side. No schemas are served (`kubectl explain`
// has nothing to read).
import type { Cluster } from '../cluster';
import { sha256Hex } from '../runtime/sha256';

const WRITE_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
}));

function groupVersions(cluster: Cluster): Array<{ group: string; version: string; key: string }> {
  const result = [{ group: '', version: 'v1', key: 'api/v1' }];
  const groups = (cluster.apiGroups() as { groups?: Array<{ name: string; versions: Array<{ version: string }> }> })
    .groups;
  for (const group of groups ?? []) {
    for (const { version } of group.versions)
      result.push({ group: group.name, version, key: `apis/${group.name}/${version}` });
  }
  return result;
}

/** `/openapi/v3`: where each group version's document is. */
export function openApiIndex(cluster: Cluster): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  // Go writes map keys sorted.
  const sorted = groupVersions(cluster).sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const { group, version, key } of sorted) {
    const document = openApiDocument(cluster, group, version);
    const hash = sha256Hex(JSON.stringify(document)).slice(0, 128).toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}

/** `/openapi/v3/api/v1`, `/openapi/v3/apis/<group>/<version>`, or undefined when not served. */
export function openApiDocumentAt(cluster: Cluster, path: string): Record<string, unknown> | undefined {
  const match = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!match) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3] ?? '';
  return cluster.apiResources(group, version) ? openApiDocument(cluster, group, version) : undefined;
}

function openApiDocument(cluster: Cluster, group: string, version: string): Record<string, unknown> {
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const paths: Record<string, unknown> = {};
  for (const resource of cluster.apiResources(group, version)?.resources ?? []) {
    if (resource.name.includes('/')) continue;
    const gvk = { group, version, kind: resource.kind };
    const collection = resource.namespaced
      ? `${prefix}/namespaces/{namespace}/${resource.name}`
      : `${prefix}/${resource.name}`;
    const operation = (verb: string): Record<string, unknown> => ({
      operationId: `${verb}${resource.kind}`,
      parameters: WRITE_PARAMETERS,
      'x-kubernetes-action': verb,
      'x-kubernetes-group-version-kind': gvk,
    });
    paths[collection] = { post: operation('post') };
    paths[`${collection}/{name}`] = { put: operation('put'), patch: operation('patch') };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas: {} } };
}
