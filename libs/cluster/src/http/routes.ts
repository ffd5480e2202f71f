// The URL layout of kube-apiserver: discovery documents, /version, OpenAPI,
// and the resource paths /api/v1/... and /apis/<group>/<version>/... that
// name a namespace, a resource, an object and a subresource.

export type Route =
  | { kind: 'version' }
  | { kind: 'coreVersions' }
  | { kind: 'groups' }
  | { kind: 'group'; group: string }
  | { kind: 'resources'; group: string; version: string }
  | { kind: 'openapi' }
  | { kind: 'health' }
  | { kind: 'resource'; target: ResourceTarget }
  | { kind: 'unknown' };

export interface ResourceTarget {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Subresources of a namespace, which would otherwise read as a namespaced resource named `status`. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function splitPath(pathWithQuery: string): { path: string; query: string } {
  const mark = pathWithQuery.indexOf('?');
  if (mark < 0) return { path: pathWithQuery, query: '' };
  return { path: pathWithQuery.slice(0, mark), query: pathWithQuery.slice(mark + 1) };
}

export function routeOf(path: string): Route {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  const [root, second, third] = segments;
  if (root === 'version' && segments.length === 1) return { kind: 'version' };
  if (root === 'openapi') return { kind: 'openapi' };
  if ((root === 'healthz' || root === 'livez' || root === 'readyz') && segments.length === 1) return { kind: 'health' };
  if (root === 'api') {
    if (second === undefined) return { kind: 'coreVersions' };
    if (third === undefined) return { kind: 'resources', group: '', version: second };
    return resourceRoute('', second, segments.slice(2));
  }
  if (root === 'apis') {
    if (second === undefined) return { kind: 'groups' };
    if (third === undefined) return { kind: 'group', group: second };
    if (segments.length === 3) return { kind: 'resources', group: second, version: third };
    return resourceRoute(second, third, segments.slice(3));
  }
  return { kind: 'unknown' };
}

function resourceRoute(group: string, version: string, rest: string[]): Route {
  const [first, second, third, fourth, fifth] = rest;
  if (first === undefined || rest.length > 5) return { kind: 'unknown' };
  const namespaced = first === 'namespaces' && third !== undefined && !NAMESPACE_SUBRESOURCES.has(third);
  if (namespaced && second !== undefined && third !== undefined) {
    if (rest.length > 5) return { kind: 'unknown' };
    return {
      kind: 'resource',
      target: withOptional({ group, version, resource: third, namespace: second }, fourth, fifth),
    };
  }
  if (rest.length > 3) return { kind: 'unknown' };
  return { kind: 'resource', target: withOptional({ group, version, resource: first }, second, third) };
}

function withOptional(
  target: ResourceTarget,
  name: string | undefined,
  subresource: string | undefined,
): ResourceTarget {
  if (name !== undefined) target.name = name;
  if (subresource !== undefined) target.subresource = subresource;
  return target;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
