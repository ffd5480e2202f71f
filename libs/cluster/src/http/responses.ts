// How the apiserver writes its answers: JSON with a trailing newline (Go's
// json.Encoder), Status objects for failures, Go's text 404 for paths no
// handler owns.
import type { Status } from '../api/objects';
import type { HttpResponse } from './http-types';

const COMMON_HEADERS = { 'Cache-Control': 'no-cache, private' };

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): HttpResponse {
  const ordered = isStatus(body) ? inGoFieldOrder(body) : body;
  return { status, headers: { ...COMMON_HEADERS, 'Content-Type': contentType }, body: `${JSON.stringify(ordered)}\n` };
}

function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}

/** metav1.Status's struct order, as the real server writes it. */
function inGoFieldOrder(status: Status): Status {
  const { kind, apiVersion, metadata, status: outcome, message, reason, details, code } = status;
  return {
    kind,
    apiVersion,
    metadata,
    status: outcome,
    ...(message === undefined ? {} : { message }),
    ...(reason === undefined ? {} : { reason }),
    ...(details === undefined ? {} : { details }),
    code,
  };
}

export function textResponse(status: number, body: string): HttpResponse {
  return { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain' }, body };
}

/** Go's http.NotFound, for URLs outside every registered route. */
export function pageNotFound(): HttpResponse {
  return {
    status: 404,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    body: '404 page not found\n',
  };
}

export function statusFailure(code: number, reason: string, message: string, details?: Status['details']): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return status;
}

export function statusResponse(status: Status): HttpResponse {
  return jsonResponse(status.code, status);
}

export function methodNotAllowed(): HttpResponse {
  return statusResponse(
    statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {}),
  );
}

export function badRequest(message: string): HttpResponse {
  return statusResponse(statusFailure(400, 'BadRequest', message));
}
