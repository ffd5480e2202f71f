// The status and scale subresources: status writes change only status;
// scale reads and writes spec.replicas through an autoscaling/v1 Scale.
import type { ApiServer } from '../api-server';
import { apiErrors } from '../errors';
import { cloneJson, isRecord, type KubeObject } from '../objects';
import { applyPatch } from '../patch/apply-patch';
import type { ApiRequest, ApiResponse } from '../request';
import { storageKey, type ResourceDefinition } from '../resources';
import { decodeObject, served } from './decode';
import { update } from './write';

export function getSubresource(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const object = existing(server, definition, request);
  if (request.subresource === 'status' && definition.status) return { status: 200, body: served(definition, object) };
  if (request.subresource === 'scale' && definition.scale) return { status: 200, body: scaleOf(definition, object) };
  throw apiErrors.resourceNotFound();
}

export function updateSubresource(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const old = existing(server, definition, request);
  const dryRun = request.query?.dryRun === 'All';
  if (request.subresource === 'status' && definition.status) {
    const body =
      request.verb === 'patch'
        ? applyPatch(definition.kind, request.patchType ?? 'strategic', old, request.body)
        : request.body;
    const object = decodeObject(definition, { ...request, body });
    const stored = update(server, definition, object, old, dryRun, { subresource: 'status' });
    return { status: 200, body: served(definition, stored) };
  }
  if (request.subresource === 'scale' && definition.scale) {
    const current = scaleOf(definition, old);
    const body =
      request.verb === 'patch'
        ? applyPatch('Scale', request.patchType ?? 'merge', current, request.body)
        : request.body;
    const replicas = isRecord(body) && isRecord(body.spec) ? body.spec.replicas : undefined;
    const object = cloneJson(old) as KubeObject;
    const spec = isRecord(object.spec) ? object.spec : {};
    spec.replicas = typeof replicas === 'number' ? replicas : 0;
    object.spec = spec;
    if (isRecord(body) && isRecord(body.metadata) && typeof body.metadata.resourceVersion === 'string') {
      object.metadata.resourceVersion = body.metadata.resourceVersion;
    }
    const stored = update(server, definition, object, old, dryRun);
    return { status: 200, body: scaleOf(definition, stored) };
  }
  throw apiErrors.resourceNotFound();
}

function existing(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): Readonly<KubeObject> {
  const name = request.name ?? '';
  const object = server.store.get(storageKey(definition), request.namespace, name);
  if (!object) throw apiErrors.notFound(definition, name);
  return object;
}

function scaleOf(definition: ResourceDefinition, object: Readonly<KubeObject>): KubeObject {
  const spec = isRecord(object.spec) ? object.spec : {};
  const status = isRecord(object.status) ? object.status : {};
  const scaleStatus: Record<string, unknown> = { replicas: typeof status.replicas === 'number' ? status.replicas : 0 };
  const selector = definition.scale?.selector(object);
  if (selector) scaleStatus.selector = selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 0 },
    status: scaleStatus,
  };
}
