// Reading an HTTP/1.x request the way the servers do: header lookup is
// case-insensitive, the request line keeps the target as sent, and whether the
// connection stays open follows RFC 7230 (HTTP/1.1 persists unless the client
// says `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`).

import { type HttpRequest } from './http-responses';

/** The first value of a request header, case-insensitively; the Host header falls back to `request.host`. */
export function requestHeader(request: HttpRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const found = request.headers.find(([key]) => key.toLowerCase() === wanted);
  if (found) return found[1];
  return wanted === 'host' ? request.host : undefined;
}

export function httpVersion(request: HttpRequest): 'HTTP/1.1' | 'HTTP/1.0' {
  return request.httpVersion ?? 'HTTP/1.1';
}

/** `GET /index.html HTTP/1.1`: the request line as access logs quote it. */
export function requestLine(request: HttpRequest): string {
  return `${request.method} ${request.path} ${httpVersion(request)}`;
}

function connectionTokens(request: HttpRequest): string[] {
  return (requestHeader(request, 'Connection') ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
}

/** Whether the server keeps the connection open after answering. */
export function keepsAlive(request: HttpRequest): boolean {
  const tokens = connectionTokens(request);
  if (tokens.includes('close')) return false;
  return httpVersion(request) === 'HTTP/1.1' || tokens.includes('keep-alive');
}

/** Whether an HTTP/1.0 client asked for keep-alive (servers then echo the header). */
export function asksKeepAlive(request: HttpRequest): boolean {
  return connectionTokens(request).includes('keep-alive');
}

/** The path without the query string, percent-decoded where that is valid. */
export function requestPath(request: HttpRequest): string {
  const raw = request.path.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The client's source port: as given, or an ephemeral port derived from the address. */
export function clientPort(request: HttpRequest): number {
  if (request.clientPort !== undefined) return request.clientPort;
  let hash = 0;
  for (const char of `${request.clientIp}|${request.podName}|${request.now}`) {
    hash = (hash * 33 + (char.codePointAt(0) ?? 0)) >>> 0;
  }
  return 32768 + (hash % 28232);
}
