// kube-apiserver in miniature: routes a request to its resource, runs the
// generic registry (decode, default, admit, validate, store) with the
// resource's strategy, and turns every failure into a Status.
import type { ClusterConfig } from '../config';
import type { SimulatedClock } from '../runtime/clock';
import type { SeededRandom } from '../runtime/random';
import type { ObjectStore } from '../store/object-store';
import type { AdmissionAttributes, AdmissionPlugin } from './admission/admission';
import { ApiError, apiErrors } from './errors';
import { deleteCollection, deleteObject } from './handlers/delete';
import { getObject, listObjects } from './handlers/read';
import { getSubresource, updateSubresource } from './handlers/subresources';
import { createObject, patchObject, updateObject } from './handlers/write';
import type { ApiRequest, ApiResponse } from './request';
import type { ResourceDefinition, ResourceRegistry } from './resources';
import type { StrategyContext } from './strategy';

export interface ApiServerParts {
  store: ObjectStore;
  registry: ResourceRegistry;
  clock: SimulatedClock;
  random: SeededRandom;
  config: ClusterConfig;
  admission: AdmissionPlugin[];
}

export class ApiServer {
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  readonly clock: SimulatedClock;
  readonly random: SeededRandom;
  readonly config: ClusterConfig;
  private readonly admission: AdmissionPlugin[];

  constructor(parts: ApiServerParts) {
    this.store = parts.store;
    this.registry = parts.registry;
    this.clock = parts.clock;
    this.random = parts.random;
    this.config = parts.config;
    this.admission = parts.admission;
  }

  /** Serves one request; failures come back as Status bodies, never as exceptions. */
  handle(request: ApiRequest): ApiResponse {
    try {
      return this.dispatch(request);
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status.code, body: error.status };
      const message = error instanceof Error ? error.message : String(error);
      const failure = apiErrors.internal(message);
      return { status: 500, body: failure.status };
    }
  }

  private dispatch(request: ApiRequest): ApiResponse {
    const definition = this.resolve(request);
    if (request.subresource) {
      if (request.verb === 'get') return getSubresource(this, definition, request);
      if (request.verb === 'update' || request.verb === 'patch') return updateSubresource(this, definition, request);
      throw apiErrors.methodNotSupported(definition, request.verb);
    }
    switch (request.verb) {
      case 'get':
        return getObject(this, definition, request);
      case 'list':
        return listObjects(this, definition, request);
      case 'create':
        return createObject(this, definition, request);
      case 'update':
        return updateObject(this, definition, request);
      case 'patch':
        return patchObject(this, definition, request);
      case 'delete':
        return deleteObject(this, definition, request);
      case 'deletecollection':
        return deleteCollection(this, definition, request);
    }
  }

  resolve(
    request: Pick<ApiRequest, 'group' | 'version' | 'resource' | 'namespace' | 'verb' | 'name'>,
  ): ResourceDefinition {
    const definition = this.registry.find(request.group, request.version, request.resource);
    if (!definition) throw apiErrors.resourceNotFound();
    if (!definition.verbs.includes(request.verb === 'list' && request.name ? 'get' : request.verb)) {
      throw apiErrors.methodNotSupported(definition, request.verb);
    }
    if (!definition.namespaced && request.namespace) throw apiErrors.resourceNotFound();
    return definition;
  }

  context(dryRun: boolean): StrategyContext {
    return { now: this.clock.now(), store: this.store, config: this.config, random: this.random, dryRun };
  }

  admit(attributes: AdmissionAttributes, context: StrategyContext): void {
    for (const plugin of this.admission) plugin.admit?.(attributes, context);
  }

  validateAdmission(attributes: AdmissionAttributes, context: StrategyContext): void {
    for (const plugin of this.admission) plugin.validate?.(attributes, context);
  }
}
