// Discovery documents as kube-apiserver serves them at /api, /apis and
// /api/v1, /apis/<group>/<version>: what clients read to map kinds, short
// names and verbs to resources.
import { base64Encode } from '../runtime/bytes';
import { sha256Hex } from '../runtime/sha256';
import { groupVersion, type ResourceDefinition, type ResourceRegistry } from './resources';

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

export interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface ApiResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: ApiResource[];
}

export interface ApiGroup {
  name: string;
  versions: Array<{ groupVersion: string; version: string }>;
  preferredVersion: { groupVersion: string; version: string };
}

export function coreVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = new Map<string, ApiGroup>();
  for (const definition of registry.all()) {
    if (!definition.group || groups.has(definition.group)) continue;
    const version = { groupVersion: groupVersion(definition), version: definition.version };
    groups.set(definition.group, { name: definition.group, versions: [version], preferredVersion: version });
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups.values()] };
}

/** The resource list of one group version, or undefined when it is not served. */
export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): ApiResourceList | undefined {
  const definitions = registry
    .all()
    .filter((definition) => definition.group === group && definition.version === version)
    .sort((a, b) => (a.resource < b.resource ? -1 : 1));
  if (!definitions.length) return undefined;
  const resources: ApiResource[] = [];
  for (const definition of definitions) {
    resources.push(resourceEntry(definition));
    if (definition.scale) {
      resources.push({
        name: `${definition.resource}/scale`,
        singularName: '',
        namespaced: definition.namespaced,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: SUBRESOURCE_VERBS,
      });
    }
    if (definition.status) {
      resources.push({
        name: `${definition.resource}/status`,
        singularName: '',
        namespaced: definition.namespaced,
        kind: definition.kind,
        verbs: SUBRESOURCE_VERBS,
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

function resourceEntry(definition: ResourceDefinition): ApiResource {
  const entry: ApiResource = {
    name: definition.resource,
    singularName: definition.singularName,
    namespaced: definition.namespaced,
    kind: definition.kind,
    verbs: [...definition.verbs].sort(),
  };
  if (definition.shortNames.length) entry.shortNames = [...definition.shortNames];
  if (definition.categories.length) entry.categories = [...definition.categories];
  entry.storageVersionHash = storageVersionHash(definition.group, definition.version, definition.kind);
  return entry;
}

/** discovery.StorageVersionHash: the first 8 bytes of sha256("<group>/<version>/<kind>"), base64. */
export function storageVersionHash(group: string, version: string, kind: string): string {
  const hex = sha256Hex(`${group}/${version}/${kind}`).slice(0, 16);
  const bytes = Array.from({ length: 8 }, (_, index) => parseInt(hex.slice(index * 2, index * 2 + 2), 16));
  return base64Encode(bytes);
}
