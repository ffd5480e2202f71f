// Servers written in Go's net/http: traefik/whoami (app.go of v1.11.0) and the
// catalogue's kubelab/web. Go writes the handler's headers sorted by name,
// then Date, Content-Length and a sniffed Content-Type; whoami echoes the
// request with (*http.Request).Write, whose layout (Host, User-Agent or
// Go's default, Connection/Content-Length, the other headers sorted, CRLF
// line ends) is reproduced here.

import { type HttpRequest, type HttpResponse } from './http-responses';
import { clientPort, httpVersion, keepsAlive, requestHeader, requestLine, requestPath } from './http-request';
import { htmlSafeJson } from '../api/go-json';
import { utf8Encode, utf8Length } from '../runtime/bytes';
import { fnv32a } from '../runtime/fnv';
import { commonLogTime, httpDate, slashDateTime } from './time-format';
import { type HttpServer } from './types';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  500: 'Internal Server Error',
};

interface Handled {
  status: number;
  /** Headers the handler set itself. */
  headers: Array<[string, string]>;
  body: string;
  logs: string[];
}

export function goServerResponse(server: HttpServer, request: HttpRequest): HttpResponse {
  const handled =
    server.kind === 'whoami'
      ? whoami(request)
      : kubelabWeb(server.kind === 'kubelab-web' ? server.version : '', request);
  const headers = [...handled.headers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  headers.push(['Date', httpDate(request.now)], ['Content-Length', String(utf8Length(handled.body))]);
  if (!handled.headers.some(([name]) => name === 'Content-Type') && handled.body !== '') {
    headers.push(['Content-Type', 'text/plain; charset=utf-8']);
  }
  if (!keepsAlive(request)) headers.push(['Connection', 'close']);
  else if (httpVersion(request) === 'HTTP/1.0') headers.push(['Connection', 'keep-alive']);
  return {
    status: handled.status,
    reason: STATUS_TEXT[handled.status] ?? '',
    headers,
    body: request.method === 'HEAD' ? '' : handled.body,
    logs: handled.logs,
  };
}

// http.Error: plain text with nosniff.
function goError(status: number, text: string, logs: string[] = []): Handled {
  return {
    status,
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['X-Content-Type-Options', 'nosniff'],
    ],
    body: `${text}\n`,
    logs,
  };
}

function whoami(request: HttpRequest): Handled {
  switch (requestPath(request)) {
    case '/bench':
      return {
        status: 200,
        headers: [
          ['Connection', 'keep-alive'],
          ['Content-Type', 'text/plain'],
        ],
        body: '1',
        logs: [],
      };
    case '/health':
      return { status: 200, headers: [], body: '', logs: [] };
    case '/api':
      return { status: 200, headers: [['Content-Type', 'application/json']], body: whoamiJson(request), logs: [] };
    case '/echo':
      return goError(400, 'Bad Request', [
        `${slashDateTime(request.now)} websocket: the client is not using the websocket protocol: ` +
          `'upgrade' token not found in 'Connection' header`,
      ]);
    default:
      return { status: 200, headers: [], body: whoamiText(request), logs: [] };
  }
}

function whoamiName(request: HttpRequest): string {
  return request.env?.['WHOAMI_NAME'] ?? '';
}

/** The addresses `net.Interfaces()` lists in a pod: lo (v4, v6), then eth0 (pod IP, link-local). */
export function podInterfaceAddresses(podIp: string, podName: string): string[] {
  return ['127.0.0.1', '::1', podIp, linkLocalAddress(podName)];
}

// A veth MAC is random with the locally administered bit set; the EUI-64
// interface id flips that bit back and inserts ff:fe.
function linkLocalAddress(seed: string): string {
  let hash: number | undefined;
  const mac: number[] = [];
  for (let i = 0; i < 6; i++) {
    hash = fnv32a(utf8Encode(`${seed}#${i}`), hash);
    mac.push(hash & 0xff);
  }
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = mac;
  const first = ((a & 0xfe) | 0x02) ^ 0x02;
  const groups = [(first << 8) | b, (c << 8) | 0xff, (0xfe << 8) | d, (e << 8) | f];
  return `fe80::${groups.map((group) => group.toString(16)).join(':')}`;
}

function whoamiText(request: HttpRequest): string {
  const lines: string[] = [];
  const name = whoamiName(request);
  if (name !== '') lines.push(`Name: ${name}`);
  lines.push(`Hostname: ${request.podName}`);
  for (const ip of podInterfaceAddresses(request.serverIp, request.podName)) lines.push(`IP: ${ip}`);
  lines.push(`RemoteAddr: ${request.clientIp}:${clientPort(request)}`);
  return `${lines.join('\n')}\n${writtenRequest(request)}`;
}

/** Go's textproto.CanonicalMIMEHeaderKey: `x-forwarded-for` -> `X-Forwarded-For`. */
export function canonicalHeaderKey(key: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) return key;
  return key.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

const WRITE_EXCLUDED = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);

// (*http.Request).Write of a request the server received.
function writtenRequest(request: HttpRequest): string {
  const out = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${requestHeader(request, 'Host') ?? ''}`];
  const userAgent = requestHeader(request, 'User-Agent');
  if (userAgent === undefined) out.push('User-Agent: Go-http-client/1.1');
  else if (userAgent.trim() !== '') out.push(`User-Agent: ${userAgent.trim()}`);
  const connection = (requestHeader(request, 'Connection') ?? '').toLowerCase();
  if (!keepsAlive(request) && !connection.split(',').some((token) => token.trim() === 'close'))
    out.push('Connection: close');
  const body = request.body ?? '';
  if (body !== '') out.push(`Content-Length: ${utf8Length(body)}`);
  const others = request.headers
    .map(([key, value]): [string, string] => [canonicalHeaderKey(key), value])
    .filter(([key]) => !WRITE_EXCLUDED.has(key));
  const keys = [...new Set(others.map(([key]) => key))].sort();
  for (const key of keys) {
    for (const [, value] of others.filter(([candidate]) => candidate === key))
      out.push(`${key}: ${value.replace(/[\r\n]/g, ' ').trim()}`);
  }
  return `${out.join('\r\n')}\r\n\r\n${body}`;
}

// json.NewEncoder(w).Encode(Data{...}): struct field order, omitempty, HTML-safe escaping, trailing newline.
function whoamiJson(request: HttpRequest): string {
  const headers: Record<string, string[]> = {};
  for (const [key, value] of request.headers) {
    const canonical = canonicalHeaderKey(key);
    if (canonical !== 'Host') (headers[canonical] ??= []).push(value);
  }
  const sortedHeaders = Object.fromEntries(
    Object.keys(headers)
      .sort()
      .map((key) => [key, headers[key]]),
  );
  const data: Record<string, unknown> = {
    hostname: request.podName,
    ip: podInterfaceAddresses(request.serverIp, request.podName),
    ...(Object.keys(sortedHeaders).length > 0 ? { headers: sortedHeaders } : {}),
    url: request.path,
    host: requestHeader(request, 'Host') ?? '',
    method: request.method,
    ...(whoamiName(request) !== '' ? { name: whoamiName(request) } : {}),
    remoteAddr: `${request.clientIp}:${clientPort(request)}`,
  };
  return `${htmlSafeJson(JSON.stringify(data))}\n`;
}

// kubelab/web: see library/kubelab-web.ts for what it serves and logs.
function kubelabWeb(version: string, request: HttpRequest): Handled {
  const path = requestPath(request);
  let handled: Handled;
  if (path === '/') {
    const message = request.env?.['MESSAGE'] ?? 'Hello from kubelab/web';
    handled = {
      status: 200,
      headers: [],
      body: `${message}\nversion: ${version}\nhostname: ${request.podName}\n`,
      logs: [],
    };
  } else if (path === '/healthz' || path === '/readyz') {
    const healthy = (request.env?.['HEALTHY'] ?? 'true') !== 'false';
    handled = healthy ? { status: 200, headers: [], body: 'ok\n', logs: [] } : goError(500, 'unhealthy');
  } else if (path === '/version') {
    handled = { status: 200, headers: [], body: `${version}\n`, logs: [] };
  } else {
    handled = goError(404, '404 page not found');
  }
  const bytes = request.method === 'HEAD' ? 0 : utf8Length(handled.body);
  handled.logs.push(
    `${request.clientIp} - - [${commonLogTime(request.now)}] "${requestLine(request)}" ${handled.status} ${bytes} ` +
      `"${requestHeader(request, 'User-Agent') ?? '-'}"`,
  );
  return handled;
}
