// `?watch=true`: a stream of JSON watch events, one per line. A server that
// can hold the connection open streams them as they happen
// (`openWatchStream`); the synchronous `handleHttp` answers with the events
// of the current state and ends the stream, which clients treat as a closed
// watch.
import type { Cluster } from '../cluster';
import type { WatchEvent, WatchHandle, WatchRequest } from '../api/request';
import type { HttpRequest, HttpResponse } from './http-types';
import { chooseRendering, contentTypeOf, header } from './media-types';
import { parseQueryString, requestQuery, type QueryValues } from './query-string';
import { isWatch } from './resource-request';
import { pageNotFound, statusResponse } from './responses';
import { routeOf, splitPath, type ResourceTarget } from './routes';

export interface WatchStream {
  status: number;
  headers: Record<string, string>;
  stop(): void;
}

export function watchEventLine(event: WatchEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/** True for a GET that asks to watch a resource path (the server then keeps the connection). */
export function isWatchRequest(request: HttpRequest): boolean {
  const { path, query } = splitPath(request.path);
  return routeOf(path).kind === 'resource' && isWatch(request.method, parseQueryString(query));
}

function watchRequestOf(target: ResourceTarget, values: QueryValues, accept: string | undefined): WatchRequest {
  const request: WatchRequest = { group: target.group, version: target.version, resource: target.resource };
  if (target.namespace !== undefined) request.namespace = target.namespace;
  if (target.name !== undefined) request.name = target.name;
  const query = requestQuery(values);
  if (Object.keys(query).length) request.query = query;
  if (chooseRendering(accept) === 'Table') request.as = 'Table';
  return request;
}

function headersFor(request: WatchRequest): Record<string, string> {
  return {
    'Cache-Control': 'no-cache, private',
    'Content-Type': contentTypeOf(request.as === 'Table' ? 'Table' : 'object'),
    'Transfer-Encoding': 'chunked',
  };
}

function open(
  cluster: Cluster,
  target: ResourceTarget,
  values: QueryValues,
  accept: string | undefined,
  onLine: (line: string) => void,
): { handle: WatchHandle; request: WatchRequest } | HttpResponse {
  if (cluster.apiResources(target.group, target.version) === undefined) return pageNotFound();
  const request = watchRequestOf(target, values, accept);
  const handle = cluster.tryWatch(request, (event) => onLine(watchEventLine(event)));
  if ('stop' in handle) return { handle, request };
  return statusResponse(handle.status);
}

/**
 * Opens a live watch for a streaming server: `onLine` gets each event's
 * line, now and as the cluster changes (the caller keeps the cluster
 * settling). A refused watch comes back as a finished response.
 */
export function openWatchStream(
  cluster: Cluster,
  request: HttpRequest,
  onLine: (line: string) => void,
): WatchStream | HttpResponse {
  const { path, query } = splitPath(request.path);
  const route = routeOf(path);
  if (route.kind !== 'resource') return pageNotFound();
  const opened = open(cluster, route.target, parseQueryString(query), header(request.headers, 'accept'), onLine);
  if ('status' in opened) return opened;
  return { status: 200, headers: headersFor(opened.request), stop: () => opened.handle.stop() };
}

/** The synchronous answer: the events the watch starts with, then the end of the stream. */
export function watchSnapshot(
  cluster: Cluster,
  request: HttpRequest,
  target: ResourceTarget,
  values: QueryValues,
): HttpResponse {
  const lines: string[] = [];
  const opened = open(cluster, target, values, header(request.headers, 'accept'), (line) => lines.push(line));
  if ('status' in opened) return opened;
  opened.handle.stop();
  const headers = headersFor(opened.request);
  delete headers['Transfer-Encoding'];
  return { status: 200, headers, body: lines.join('') };
}
