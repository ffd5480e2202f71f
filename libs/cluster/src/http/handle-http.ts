// kube-apiserver's HTTP face over a simulated cluster: routes a request to
// discovery, /version or `cluster.request`, negotiates JSON, Tables and
// metadata-only answers, and writes the answer as the real server does.
import type { Cluster } from '../cluster';
import type { ApiRequest, ApiResponse } from '../api/request';
import { apiGroupDocument, versionInfo } from './discovery-documents';
import { openApiDocumentAt, openApiIndex } from './openapi-v3';
import type { HttpRequest, HttpResponse } from './http-types';
import { chooseRendering, contentTypeOf, header, type Rendering } from './media-types';
import { toPartialObjectMetadata } from './partial-metadata';
import { parseQueryString, type QueryValues } from './query-string';
import { isWatch, toApiRequest } from './resource-request';
import { jsonResponse, methodNotAllowed, pageNotFound, textResponse } from './responses';
import { routeOf, splitPath, type ResourceTarget } from './routes';
import { watchSnapshot } from './watch-stream';

/**
 * The apiserver's answer to one HTTP request. Like the real server, JSON goes
 * to curl and wget indented (its `pretty` default for those user agents).
 */
export function handleHttp(cluster: Cluster, request: HttpRequest): HttpResponse {
  const response = answer(cluster, request);
  const agent = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? '';
  const json = (response.headers['Content-Type'] ?? '').startsWith('application/json');
  if (!json || !/^(curl|Wget)/.test(agent) || /[?&]pretty=(false|0)\b/.test(request.path)) return response;
  try {
    return { ...response, body: `${JSON.stringify(JSON.parse(response.body), null, 2)}\n` };
  } catch {
    return response;
  }
}

function answer(cluster: Cluster, request: HttpRequest): HttpResponse {
  const { path, query } = splitPath(request.path);
  const route = routeOf(path);
  const method = request.method.toUpperCase();
  if (route.kind !== 'resource' && method !== 'GET' && method !== 'HEAD') {
    return route.kind === 'unknown' ? pageNotFound() : methodNotAllowed();
  }
  switch (route.kind) {
    case 'version':
      return jsonResponse(200, versionInfo(cluster));
    case 'health':
      return textResponse(200, 'ok');
    case 'coreVersions':
      return jsonResponse(200, cluster.coreApiVersions());
    case 'groups':
      return jsonResponse(200, cluster.apiGroups());
    case 'group': {
      const document = apiGroupDocument(cluster, route.group);
      return document ? jsonResponse(200, document) : pageNotFound();
    }
    case 'resources': {
      const list = cluster.apiResources(route.group, route.version);
      return list ? jsonResponse(200, list) : pageNotFound();
    }
    case 'openapi':
      return serveOpenApi(cluster, path);
    case 'unknown':
      return pageNotFound();
    case 'resource':
      return serveResource(cluster, request, route.target, parseQueryString(query));
  }
}

/** OpenAPI v3 only: kubectl falls back to it from nothing else, and v2 would have to be protobuf. */
function serveOpenApi(cluster: Cluster, path: string): HttpResponse {
  if (path === '/openapi/v3' || path === '/openapi/v3/') return jsonResponse(200, openApiIndex(cluster));
  const document = openApiDocumentAt(cluster, path);
  return document ? jsonResponse(200, document) : pageNotFound();
}

/** True when the group version is served at all; otherwise the path belongs to no handler. */
export function servesGroupVersion(cluster: Cluster, target: ResourceTarget): boolean {
  return cluster.apiResources(target.group, target.version) !== undefined;
}

function serveResource(
  cluster: Cluster,
  request: HttpRequest,
  target: ResourceTarget,
  values: QueryValues,
): HttpResponse {
  if (!servesGroupVersion(cluster, target)) return pageNotFound();
  if (isWatch(request.method, values)) return watchSnapshot(cluster, request, target, values);
  const apiRequest = toApiRequest(request, target, values);
  if (!('verb' in apiRequest)) return apiRequest;
  const rendering = renderingFor(apiRequest, header(request.headers, 'accept'));
  if (rendering === 'Table') apiRequest.as = 'Table';
  const response = cluster.request(apiRequest);
  return writeResponse(response, rendering);
}

function renderingFor(request: ApiRequest, accept: string | undefined): Rendering {
  if (request.verb !== 'get' && request.verb !== 'list') return 'object';
  if (request.subresource === 'log') return 'object';
  return chooseRendering(accept);
}

function writeResponse(response: ApiResponse, rendering: Rendering): HttpResponse {
  if (typeof response.body === 'string') return textResponse(response.status, response.body);
  const failed = response.body.kind === 'Status';
  if (failed || rendering === 'object') return jsonResponse(response.status, response.body);
  if (rendering === 'PartialObjectMetadata') {
    return jsonResponse(response.status, toPartialObjectMetadata(response.body), contentTypeOf(rendering));
  }
  return jsonResponse(response.status, response.body, contentTypeOf(rendering));
}
