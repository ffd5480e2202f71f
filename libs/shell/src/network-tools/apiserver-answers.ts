// What the kube-apiserver answers an anonymous HTTPS client (curl -k): the
// system:public-info-viewer role lets anyone read /version and the health
// endpoints; every other path is a 403 Status. Answers go over HTTP/2 (curl
// negotiates h2 by ALPN), so header names are lower case.
import { apiServerVersion, type Cluster } from '@kubelab/cluster';
import type { HttpReply } from './http-transport';

const HEALTH_PATHS = ['/healthz', '/livez', '/readyz'];

/** A UUID-shaped id that stays the same for the same request time (audit ids, flow-schema uids). */
function uuidFrom(seed: string): string {
  let hex = '';
  let hash = 2166136261;
  for (let round = 0; hex.length < 32; round++) {
    for (const char of `${seed}#${round}`) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 7231 date, as Go's http.TimeFormat writes it. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The apiserver's answer to an anonymous `method path`. */
export function apiserverAnswer(cluster: Cluster, method: string, path: string, now: number): HttpReply {
  const bare = path.split('?')[0] ?? '/';
  const date = httpDate(now);
  const audit: Array<[string, string]> = [['audit-id', uuidFrom(`${now}${path}`)]];
  const flow: Array<[string, string]> = [
    ['x-kubernetes-pf-flowschema-uid', uuidFrom('global-default')],
    ['x-kubernetes-pf-prioritylevel-uid', uuidFrom('global-default-level')],
  ];
  const readable = method === 'GET' || method === 'HEAD';
  if (readable && HEALTH_PATHS.includes(bare)) {
    const body = 'ok';
    const headers: Array<[string, string]> = [
      ...audit,
      ['cache-control', 'no-cache, private'],
      ['content-type', 'text/plain; charset=utf-8'],
      ['x-content-type-options', 'nosniff'],
      ...flow,
      ['content-length', String(body.length)],
      ['date', date],
    ];
    return { version: 'HTTP/2', status: 200, reason: '', headers, body: method === 'HEAD' ? '' : body };
  }
  if (readable && (bare === '/version' || bare === '/version/')) {
    const body = json(apiServerVersion(cluster));
    const headers: Array<[string, string]> = [
      ...audit,
      ['cache-control', 'no-cache, private'],
      ['content-type', 'application/json'],
      ...flow,
      ['content-length', String(body.length)],
      ['date', date],
    ];
    return { version: 'HTTP/2', status: 200, reason: '', headers, body: method === 'HEAD' ? '' : body };
  }
  const verb = method === 'GET' || method === 'HEAD' ? 'get' : method === 'DELETE' ? 'delete' : method.toLowerCase();
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot ${verb} path "${bare}"`,
    reason: 'Forbidden',
    details: {},
    code: 403,
  };
  const body = json(status);
  const headers: Array<[string, string]> = [
    ...audit,
    ['cache-control', 'no-cache, private'],
    ['content-type', 'application/json'],
    ['x-content-type-options', 'nosniff'],
    ...flow,
    ['content-length', String(body.length)],
    ['date', date],
  ];
  return { version: 'HTTP/2', status: 403, reason: '', headers, body: method === 'HEAD' ? '' : body };
}

/** Go's net/http answer to plain HTTP on a TLS port. */
export function plainHttpToTls(): HttpReply {
  return {
    version: 'HTTP/1.0',
    status: 400,
    reason: 'Bad Request',
    headers: [],
    body: 'Client sent an HTTP request to an HTTPS server.\n',
  };
}
