// The two static file servers of the catalogue as their images configure
// them. nginx: default.conf serves /usr/share/nginx/html (index.html and
// 50x.html), writes the `main` log format to stdout and errors to stderr;
// response headers in ngx_http_header_filter_module's order; error pages from
// ngx_http_special_response.c. Apache httpd: htdocs/index.html ("It works!"),
// the `common` CustomLog, headers in the order httpd sends them, canned error
// pages from modules/http/http_protocol.c.

import { type HttpRequest, type HttpResponse } from './http-responses';
import { asksKeepAlive, keepsAlive, requestHeader, requestLine, requestPath } from './http-request';
import { nginx50xPage, nginxIndexPage } from './nginx-pages';
import { utf8Length } from '../runtime/bytes';
import { commonLogTime, httpDate, slashDateTime } from './time-format';

const NGINX_ROOT = '/usr/share/nginx/html';

const NGINX_ERROR_TITLES: Record<number, string> = { 404: '404 Not Found', 405: '405 Not Allowed' };

export function nginxResponse(version: string, indexMtime: number, request: HttpRequest): HttpResponse {
  const path = requestPath(request);
  const file =
    path === '/' || path === '/index.html'
      ? nginxIndexPage(version)
      : path === '/50x.html'
        ? nginx50xPage(version)
        : undefined;
  const method = request.method;
  const logs: string[] = [];
  let status: number;
  let body: string;
  const headers: Array<[string, string]> = [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(request.now)],
  ];
  if (method !== 'GET' && method !== 'HEAD' && (method !== 'POST' || file !== undefined)) {
    // The static and index modules take GET and HEAD only; POST gets 405 once the file is found.
    status = 405;
    body = nginxErrorPage(status, version);
  } else if (file === undefined) {
    status = 404;
    body = nginxErrorPage(status, version);
    logs.push(nginxOpenFailed(path, request));
  } else {
    status = 200;
    body = file;
  }
  headers.push(['Content-Type', 'text/html'], ['Content-Length', String(utf8Length(body))]);
  if (status === 200) headers.push(['Last-Modified', httpDate(indexMtime * 1000)]);
  headers.push(['Connection', keepsAlive(request) ? 'keep-alive' : 'close']);
  if (status === 200) {
    headers.push(['ETag', `"${indexMtime.toString(16)}-${utf8Length(body).toString(16)}"`], ['Accept-Ranges', 'bytes']);
  }
  const sent = method === 'HEAD' ? 0 : utf8Length(body);
  logs.push(nginxAccessLine(request, status, sent));
  return {
    status,
    reason: status === 200 ? 'OK' : (NGINX_ERROR_TITLES[status] ?? '').slice(4),
    headers,
    body: method === 'HEAD' ? '' : body,
    logs,
  };
}

// ngx_http_error_<status>_page followed by ngx_http_error_full_tail (server_tokens on).
function nginxErrorPage(status: number, version: string): string {
  const title = NGINX_ERROR_TITLES[status] ?? `${status}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
  );
}

// The error log line ngx_http_static_module writes when the file is missing.
function nginxOpenFailed(path: string, request: HttpRequest): string {
  const pid = request.workerPid ?? 29;
  const referrer = requestHeader(request, 'Referer');
  return (
    `${slashDateTime(request.now)} [error] ${pid}#${pid}: *${request.connection ?? 1} open() "${NGINX_ROOT}${path}" ` +
    `failed (2: No such file or directory), client: ${request.clientIp}, server: localhost, ` +
    `request: "${requestLine(request)}", host: "${requestHeader(request, 'Host') ?? ''}"` +
    (referrer !== undefined ? `, referrer: "${referrer}"` : '')
  );
}

// log_format main '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
//                  "$http_referer" "$http_user_agent" "$http_x_forwarded_for"'
function nginxAccessLine(request: HttpRequest, status: number, bytes: number): string {
  const quoted = (name: string) => `"${requestHeader(request, name) ?? '-'}"`;
  return (
    `${request.clientIp} - - [${commonLogTime(request.now)}] "${requestLine(request)}" ${status} ${bytes} ` +
    `${quoted('Referer')} ${quoted('User-Agent')} ${quoted('X-Forwarded-For')}`
  );
}

// htdocs/index.html of the httpd tarball and its mtime (svn export time, kept by tar).
const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';
const HTTPD_INDEX_MTIME_MS = Date.UTC(2007, 5, 11, 18, 53, 14);

const HTTPD_REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed' };

export function httpdResponse(version: string, request: HttpRequest): HttpResponse {
  const path = requestPath(request);
  const exists = path === '/' || path === '/index.html';
  const method = request.method;
  const isGet = method === 'GET' || method === 'HEAD';
  let status: number;
  let body: string;
  const headers: Array<[string, string]> = [
    ['Date', httpDate(request.now)],
    ['Server', `Apache/${version} (Unix)`],
  ];
  if (exists && isGet) {
    status = 200;
    body = HTTPD_INDEX;
    // FileETag MTime Size: "<size hex>-<mtime in microseconds hex>".
    const etag = `"${utf8Length(body).toString(16)}-${(HTTPD_INDEX_MTIME_MS * 1000).toString(16)}"`;
    headers.push(['Last-Modified', httpDate(HTTPD_INDEX_MTIME_MS)], ['ETag', etag], ['Accept-Ranges', 'bytes']);
  } else if (!exists && (isGet || method === 'POST')) {
    status = 404;
    body = httpdErrorPage(status, '<p>The requested URL was not found on this server.</p>\n');
  } else {
    status = 405;
    body = httpdErrorPage(status, `<p>The requested method ${method} is not allowed for this URL.</p>\n`);
  }
  headers.push(['Content-Length', String(utf8Length(body))]);
  if (!keepsAlive(request)) headers.push(['Connection', 'close']);
  else if (asksKeepAlive(request)) headers.push(['Keep-Alive', 'timeout=5, max=100'], ['Connection', 'Keep-Alive']);
  headers.push(['Content-Type', status === 200 ? 'text/html' : 'text/html; charset=iso-8859-1']);
  const sent = method === 'HEAD' ? 0 : utf8Length(body);
  // LogFormat "%h %l %u %t \"%r\" %>s %b" common (%b prints '-' for no body).
  const access = `${request.clientIp} - - [${commonLogTime(request.now)}] "${requestLine(request)}" ${status} ${sent === 0 ? '-' : sent}`;
  return { status, reason: HTTPD_REASONS[status] ?? '', headers, body: method === 'HEAD' ? '' : body, logs: [access] };
}

// ap_send_error_response with ServerSignature Off (the image's httpd.conf default).
function httpdErrorPage(status: number, message: string): string {
  const reason = HTTPD_REASONS[status] ?? '';
  return (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n' +
    `<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n${message}</body></html>\n`
  );
}
