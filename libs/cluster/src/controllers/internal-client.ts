// How controllers inside the cluster talk to the API server: reads straight
// from the store (read-only views), writes through the full pipeline so
// defaulting, validation and watch events apply to them as to any client.
import type { ApiServer } from '../api/api-server';
import { create, update } from '../api/handlers/write';
import { remove } from '../api/handlers/delete';
import { cloneJson, type KubeObject } from '../api/objects';
import { keyOf, type ResourceRef } from '../api/resource-refs';
import type { RequestQuery } from '../api/request';
import type { ResourceDefinition } from '../api/resources';
import { apiErrors } from '../api/errors';

export class InternalClient {
  constructor(private readonly server: ApiServer) {}

  get(ref: ResourceRef, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined {
    return this.server.store.get(keyOf(ref), namespace, name);
  }

  list(ref: ResourceRef, namespace?: string): readonly KubeObject[] {
    return this.server.store.list(keyOf(ref), namespace);
  }

  /** Every resource the server serves: for the controllers that handle all kinds (garbage collector, namespaces). */
  resources(): readonly ResourceDefinition[] {
    return this.server.registry.all();
  }

  /** A copy to change and write back. */
  copy<T extends KubeObject>(object: Readonly<T>): T {
    return cloneJson(object);
  }

  create(ref: ResourceRef, object: KubeObject): KubeObject {
    const definition = this.definition(ref);
    if (!object.apiVersion) object.apiVersion = definition.group ? `${definition.group}/${definition.version}` : 'v1';
    if (!object.kind) object.kind = definition.kind;
    return create(this.server, definition, object, false);
  }

  update(ref: ResourceRef, object: KubeObject): KubeObject {
    return this.write(ref, object);
  }

  updateStatus(ref: ResourceRef, object: KubeObject): KubeObject {
    return this.write(ref, object, 'status');
  }

  delete(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    options: { gracePeriodSeconds?: number; propagationPolicy?: RequestQuery['propagationPolicy'] } = {},
  ): void {
    const definition = this.definition(ref);
    if (!this.server.store.get(keyOf(ref), namespace, name)) return;
    remove(this.server, definition, namespace, name, { ...options, dryRun: false });
  }

  private write(ref: ResourceRef, object: KubeObject, subresource?: 'status'): KubeObject {
    const definition = this.definition(ref);
    const old = this.server.store.get(keyOf(ref), object.metadata.namespace, object.metadata.name ?? '');
    if (!old) throw apiErrors.notFound(definition, object.metadata.name ?? '');
    return update(this.server, definition, object, old, false, subresource ? { subresource } : {});
  }

  private definition(ref: ResourceRef): ResourceDefinition {
    const definition = this.server.registry.find(ref.group, ref.version, ref.resource);
    if (!definition) throw apiErrors.resourceNotFound();
    return definition;
  }
}
