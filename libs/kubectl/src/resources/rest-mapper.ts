// What kubectl's discovery-backed RESTMapper does: turns what a learner types
// (`svc`, `services`, `Service`, `deploy.apps`, `deployments.v1.apps`) into
// the resource the server serves, from the cluster's discovery documents.
import type { ApiGroup, ApiResource, Cluster } from '@kubelab/cluster';
import { KubectlError } from '../cli/errors';

export interface ResourceMapping {
  group: string;
  version: string;
  /** Plural resource name (`services`). */
  resource: string;
  kind: string;
  namespaced: boolean;
  singular: string;
  shortNames: string[];
  verbs: string[];
  categories: string[];
}

/** `deployment.apps`, `service`: what kubectl prints before `/name`. */
export function kindAndGroup(mapping: Pick<ResourceMapping, 'kind' | 'group'>): string {
  const kind = mapping.kind.toLowerCase();
  return mapping.group ? `${kind}.${mapping.group}` : kind;
}

/** `deployments.apps`, `services`: how the server names a resource in its errors. */
export function resourceAndGroup(mapping: Pick<ResourceMapping, 'resource' | 'group'>): string {
  return mapping.group ? `${mapping.resource}.${mapping.group}` : mapping.resource;
}

/** Discovery never changes for a cluster (the kinds are built in), so its mapper is built once. */
const MAPPERS = new WeakMap<Cluster, RestMapper>();

export class RestMapper {
  private readonly mappings: ResourceMapping[];

  static of(cluster: Cluster): RestMapper {
    let mapper = MAPPERS.get(cluster);
    if (!mapper) {
      mapper = new RestMapper(cluster);
      MAPPERS.set(cluster, mapper);
    }
    return mapper;
  }

  constructor(cluster: Cluster) {
    this.mappings = [];
    const groupVersions: Array<[string, string]> = [['', 'v1']];
    const groups = (cluster.apiGroups() as { groups?: ApiGroup[] }).groups ?? [];
    for (const group of groups) {
      for (const version of group.versions) groupVersions.push([group.name, version.version]);
    }
    for (const [group, version] of groupVersions) {
      const list = cluster.apiResources(group, version);
      for (const entry of list?.resources ?? []) {
        if (entry.name.includes('/')) continue;
        this.mappings.push(toMapping(group, version, entry));
      }
    }
  }

  all(): readonly ResourceMapping[] {
    return this.mappings;
  }

  /** The resource a typed name means, or undefined. */
  find(typed: string): ResourceMapping | undefined {
    const parts = typed.split('.');
    const name = parts[0] ?? '';
    // `resource.version.group` first, then `resource.group`, then a bare name.
    const candidates: Array<{ name: string; group?: string; version?: string }> = [];
    if (parts.length >= 3) candidates.push({ name, version: parts[1] ?? '', group: parts.slice(2).join('.') });
    if (parts.length >= 2) candidates.push({ name, group: parts.slice(1).join('.') });
    candidates.push({ name: typed });
    for (const candidate of candidates) {
      const found = this.match(candidate.name, candidate.group, candidate.version);
      if (found) return found;
    }
    return undefined;
  }

  /** `find`, failing as kubectl does: `the server doesn't have a resource type "foo"`. */
  require(typed: string): ResourceMapping {
    const found = this.find(typed);
    if (!found) throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`);
    return found;
  }

  /** The mapping of a manifest's apiVersion and kind. */
  forKind(apiVersion: string, kind: string): ResourceMapping | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.mappings.find(
      (mapping) => mapping.group === group && mapping.version === version && mapping.kind === kind,
    );
  }

  private match(name: string, group: string | undefined, version: string | undefined): ResourceMapping | undefined {
    const lower = name.toLowerCase();
    const inScope = this.mappings.filter(
      (mapping) =>
        (group === undefined || mapping.group === group) && (version === undefined || mapping.version === version),
    );
    return (
      inScope.find((mapping) => mapping.resource === lower) ??
      inScope.find((mapping) => mapping.singular === lower) ??
      inScope.find((mapping) => mapping.shortNames.includes(lower)) ??
      inScope.find((mapping) => mapping.kind.toLowerCase() === lower)
    );
  }
}

function toMapping(group: string, version: string, entry: ApiResource): ResourceMapping {
  return {
    group,
    version,
    resource: entry.name,
    kind: entry.kind,
    namespaced: entry.namespaced,
    singular: entry.singularName || entry.kind.toLowerCase(),
    shortNames: entry.shortNames ?? [],
    verbs: entry.verbs,
    categories: entry.categories ?? [],
  };
}
