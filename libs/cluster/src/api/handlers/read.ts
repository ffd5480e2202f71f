// GET and LIST: single objects, lists with label and field selectors and
// chunking, and server-side printed Tables.
import { buildTable } from '../../printers';
import { matchesFieldSelector, matchesLabelSelector, parseSelectors } from '../../store/selectors';
import type { ApiServer } from '../api-server';
import { apiErrors } from '../errors';
import type { KubeObject } from '../objects';
import type { ApiRequest, ApiResponse } from '../request';
import { fieldsOf, groupVersion, storageKey, type ResourceDefinition } from '../resources';
import { served } from './decode';

export function getObject(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const name = request.name ?? '';
  const object = server.store.get(storageKey(definition), request.namespace, name);
  if (!object) throw apiErrors.notFound(definition, name);
  if (request.as === 'Table') {
    return { status: 200, body: table(server, definition, [object], request, undefined) };
  }
  return { status: 200, body: served(definition, object) };
}

export function listObjects(server: ApiServer, definition: ResourceDefinition, request: ApiRequest): ApiResponse {
  const selected = selectObjects(server, definition, request);
  const { items, continueToken } = page(selected, request);
  const resourceVersion = String(server.store.resourceVersion);
  if (request.as === 'Table') {
    const result = table(server, definition, items, request, resourceVersion);
    if (continueToken) result.metadata.continue = continueToken;
    return { status: 200, body: result };
  }
  const metadata: { resourceVersion: string; continue?: string } = { resourceVersion };
  if (continueToken) metadata.continue = continueToken;
  return {
    status: 200,
    body: {
      apiVersion: groupVersion(definition),
      kind: `${definition.kind}List`,
      metadata,
      // A list's items carry no kind or apiVersion of their own on the wire.
      items: items.map((item) => {
        const { apiVersion: _apiVersion, kind: _kind, ...rest } = served(definition, item);
        return rest as KubeObject;
      }),
    },
  };
}

/** Objects of a request's namespace (or all) matching its selectors, in key order. */
export function selectObjects(
  server: ApiServer,
  definition: ResourceDefinition,
  request: ApiRequest,
): readonly KubeObject[] {
  const selectors = parseSelectors(definition, request.query?.labelSelector, request.query?.fieldSelector);
  const candidates = server.store.list(storageKey(definition), definition.namespaced ? request.namespace : undefined);
  return candidates.filter(
    (object) =>
      matchesLabelSelector(selectors.label, object.metadata.labels ?? {}) &&
      matchesFieldSelector(selectors.field, fieldsOf(definition, object)),
  );
}

function page(
  objects: readonly KubeObject[],
  request: ApiRequest,
): { items: readonly KubeObject[]; continueToken?: string } {
  const limit = request.query?.limit;
  let start = 0;
  const token = request.query?.continue;
  if (token) {
    const after = decodeContinue(token);
    start = objects.findIndex((object) => objectKey(object) > after);
    if (start < 0) start = objects.length;
  }
  if (!limit || limit <= 0 || start + limit >= objects.length) return { items: objects.slice(start) };
  const items = objects.slice(start, start + limit);
  const last = items[items.length - 1];
  return last ? { items, continueToken: encodeContinue(objectKey(last)) } : { items };
}

function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

function encodeContinue(key: string): string {
  return `kubelab:${encodeURIComponent(key)}`;
}

function decodeContinue(token: string): string {
  if (!token.startsWith('kubelab:')) {
    throw apiErrors.badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  return decodeURIComponent(token.slice('kubelab:'.length));
}

function table(
  server: ApiServer,
  definition: ResourceDefinition,
  objects: readonly KubeObject[],
  request: ApiRequest,
  listResourceVersion: string | undefined,
) {
  return buildTable(
    definition.kind,
    objects.map((object) => served(definition, object)),
    {
      now: server.clock.now(),
      includeObject: request.query?.includeObject ?? 'Metadata',
      listResourceVersion,
    },
  );
}
