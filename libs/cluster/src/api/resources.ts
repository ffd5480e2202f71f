// The resources the server serves: names, kinds, scope, verbs and the
// strategy behind each, as discovery describes them.
import type { KubeObject } from './objects';
import type { Strategy } from './strategy';

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export interface ScaleSubresource {
  /** `status.selector` of the Scale: the workload's label selector as a string. */
  selector(object: Readonly<KubeObject>): string;
}

export interface ResourceDefinition {
  group: string;
  version: string;
  /** Plural name: `pods`, `deployments`. */
  resource: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  categories: string[];
  strategy: Strategy;
  /** Subresources besides the object itself. */
  status: boolean;
  scale?: ScaleSubresource;
  /** Field-selector fields beyond metadata.name/metadata.namespace, read from an object. */
  fieldLabels?: (object: Readonly<KubeObject>) => Record<string, string>;
  /** PUT of a missing object creates it (Endpoints, Events). */
  allowCreateOnUpdate?: boolean;
  /** Spec changes raise metadata.generation. */
  generation: boolean;
}

export function groupVersion(definition: { group: string; version: string }): string {
  return definition.group ? `${definition.group}/${definition.version}` : definition.version;
}

/** The store's key for a resource: `pods`, `deployments.apps`. */
export function storageKey(definition: { group: string; resource: string }): string {
  return definition.group ? `${definition.resource}.${definition.group}` : definition.resource;
}

export class ResourceRegistry {
  private readonly byKey = new Map<string, ResourceDefinition>();
  private readonly byKind = new Map<string, ResourceDefinition>();

  register(definition: ResourceDefinition): void {
    this.byKey.set(`${definition.group}/${definition.version}/${definition.resource}`, definition);
    this.byKind.set(`${definition.group}/${definition.kind}`, definition);
  }

  find(group: string, version: string, resource: string): ResourceDefinition | undefined {
    return this.byKey.get(`${group}/${version}/${resource}`);
  }

  forKind(group: string, kind: string): ResourceDefinition | undefined {
    return this.byKind.get(`${group}/${kind}`);
  }

  all(): ResourceDefinition[] {
    return [...this.byKey.values()];
  }
}

export function fieldsOf(definition: ResourceDefinition, object: Readonly<KubeObject>): Record<string, string> {
  const fields: Record<string, string> = { 'metadata.name': object.metadata.name ?? '' };
  if (definition.namespaced) fields['metadata.namespace'] = object.metadata.namespace ?? '';
  return definition.fieldLabels ? { ...fields, ...definition.fieldLabels(object) } : fields;
}
