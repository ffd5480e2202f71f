import { lookupImage } from './catalogue';
import { respondHttp, serializeHttpResponse, type HttpRequest, type HttpResponse } from './http-responses';
import { utf8Length } from '../runtime/bytes';

const NOW = Date.UTC(2026, 10, 22, 5, 45, 51);

function request(overrides: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'GET',
    path: '/',
    headers: [
      ['Host', '10.244.1.5'],
      ['User-Agent', 'curl/8.5.0'],
      ['Accept', '*/*'],
    ],
    host: '10.244.1.5',
    clientIp: '10.244.1.1',
    clientPort: 51950,
    serverIp: '10.244.1.5',
    podName: 'web-7d4b9c8f6-x2x7q',
    now: NOW,
    ...overrides,
  };
}

function respond(ref: string, overrides: Partial<HttpRequest> = {}): HttpResponse {
  const image = lookupImage(ref);
  const response = image && respondHttp(image, request(overrides));
  if (!response) throw new Error(`${ref} answers no HTTP`);
  return response;
}

describe('nginx', () => {
  it('serves the 615-byte welcome page of nginx 1.27 with its headers in nginx order', () => {
    const response = respond('nginx:1.27');
    expect(utf8Length(response.body)).toBe(615);
    expect(response.body.startsWith('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n')).toBe(true);
    expect(response.body.endsWith('<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n')).toBe(true);
    expect(response.body).toContain('html { color-scheme: light dark; }');
    expect(response.headers).toEqual([
      ['Server', 'nginx/1.27.4'],
      ['Date', 'Sun, 22 Nov 2026 05:45:51 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '615'],
      ['Last-Modified', 'Wed, 05 Feb 2025 11:06:32 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', '"67a34638-267"'],
      ['Accept-Ranges', 'bytes'],
    ]);
    expect(response.logs).toEqual([
      '10.244.1.1 - - [22/Nov/2026:05:45:51 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
    ]);
  });

  it('serves the 612-byte page of older releases (nginx:1.14.2)', () => {
    const response = respond('nginx:1.14.2', { path: '/index.html' });
    expect(utf8Length(response.body)).toBe(612);
    expect(response.headers).toContainEqual(['ETag', '"5c0692e1-264"']);
    expect(response.headers).toContainEqual(['Last-Modified', 'Tue, 04 Dec 2018 14:44:49 GMT']);
  });

  it('answers other paths with its 404 page and logs the failed open()', () => {
    const response = respond('nginx:1.27', { path: '/favicon.ico' });
    expect(serializeHttpResponse(response)).toBe(
      'HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.4\r\nDate: Sun, 22 Nov 2026 05:45:51 GMT\r\n' +
        'Content-Type: text/html\r\nContent-Length: 153\r\nConnection: keep-alive\r\n\r\n' +
        '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n' +
        '<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.4</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(response.logs).toEqual([
      '2026/11/22 05:45:51 [error] 29#29: *1 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), ' +
        'client: 10.244.1.1, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "10.244.1.5"',
      '10.244.1.1 - - [22/Nov/2026:05:45:51 +0000] "GET /favicon.ico HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"',
    ]);
  });

  it('sends no body to HEAD, 405 to POST on a file, and closes HTTP/1.0 connections', () => {
    const head = respond('nginx', { method: 'HEAD' });
    expect(head.body).toBe('');
    expect(head.headers).toContainEqual(['Content-Length', '615']);
    expect(head.logs[0]).toContain('"HEAD / HTTP/1.1" 200 0 ');
    const post = respond('nginx', { method: 'POST' });
    expect(post).toMatchObject({ status: 405, reason: 'Not Allowed' });
    expect(post.body).toContain('<head><title>405 Not Allowed</title></head>');
    const old = respond('nginx', { httpVersion: 'HTTP/1.0', headers: [['User-Agent', 'Wget']] });
    expect(old.headers).toContainEqual(['Connection', 'close']);
    expect(old.logs[0]).toBe('10.244.1.1 - - [22/Nov/2026:05:45:51 +0000] "GET / HTTP/1.0" 200 615 "-" "Wget" "-"');
  });
});

describe('httpd', () => {
  it('serves "It works!" with Apache headers and a common-log line', () => {
    const response = respond('httpd:2.4');
    expect(serializeHttpResponse(response)).toBe(
      'HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 05:45:51 GMT\r\nServer: Apache/2.4.63 (Unix)\r\n' +
        'Last-Modified: Mon, 11 Jun 2007 18:53:14 GMT\r\nETag: "2d-432a5e4a73a80"\r\nAccept-Ranges: bytes\r\n' +
        'Content-Length: 45\r\nContent-Type: text/html\r\n\r\n<html><body><h1>It works!</h1></body></html>\n',
    );
    expect(response.logs).toEqual(['10.244.1.1 - - [22/Nov/2026:05:45:51 +0000] "GET / HTTP/1.1" 200 45']);
  });

  it('answers missing files with the canned 404 page', () => {
    const response = respond('httpd', { path: '/nope' });
    expect(response.body).toBe(
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n' +
        '<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
    );
    expect(response.headers.slice(2)).toEqual([
      ['Content-Length', '196'],
      ['Content-Type', 'text/html; charset=iso-8859-1'],
    ]);
  });
});

describe('traefik/whoami', () => {
  it('prints hostname, interface addresses, remote address and the request as Go writes it', () => {
    const response = respond('traefik/whoami', { podName: 'whoami-5dbbfd8f55-sw8ts', serverIp: '10.244.2.8' });
    const [hostname, lo4, lo6, podIp, linkLocal, remote, ...rest] = response.body.split('\n');
    expect([hostname, lo4, lo6, podIp, remote]).toEqual([
      'Hostname: whoami-5dbbfd8f55-sw8ts',
      'IP: 127.0.0.1',
      'IP: ::1',
      'IP: 10.244.2.8',
      'RemoteAddr: 10.244.1.1:51950',
    ]);
    expect(linkLocal).toMatch(/^IP: fe80::[0-9a-f]{1,4}:[0-9a-f]{1,2}ff:fe[0-9a-f]{2}:[0-9a-f]{1,4}$/);
    expect(rest.join('\n')).toBe('GET / HTTP/1.1\r\nHost: 10.244.1.5\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n');
    expect(response.headers).toEqual([
      ['Date', 'Sun, 22 Nov 2026 05:45:51 GMT'],
      ['Content-Length', String(utf8Length(response.body))],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ]);
  });

  it("canonicalizes and sorts the other headers, and writes Go's User-Agent when none was sent", () => {
    const response = respond('traefik/whoami', {
      path: '/api/x?y=1',
      headers: [
        ['Host', 'whoami.local'],
        ['x-forwarded-for', '10.0.0.1'],
        ['Accept', '*/*'],
        ['Connection', 'close'],
      ],
      env: { WHOAMI_NAME: 'blue' },
    });
    expect(response.body.startsWith('Name: blue\nHostname: ')).toBe(true);
    expect(response.body.split('RemoteAddr: 10.244.1.1:51950\n')[1]).toBe(
      'GET /api/x?y=1 HTTP/1.1\r\nHost: whoami.local\r\nUser-Agent: Go-http-client/1.1\r\nAccept: */*\r\n' +
        'Connection: close\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n',
    );
    expect(response.headers).toContainEqual(['Connection', 'close']);
  });

  it('answers /api with JSON and /health with an empty 200', () => {
    const api = respond('traefik/whoami', { path: '/api' });
    expect(JSON.parse(api.body)).toMatchObject({
      hostname: 'web-7d4b9c8f6-x2x7q',
      headers: { Accept: ['*/*'], 'User-Agent': ['curl/8.5.0'] },
      url: '/api',
      host: '10.244.1.5',
      method: 'GET',
      remoteAddr: '10.244.1.1:51950',
    });
    expect(api.headers[0]).toEqual(['Content-Type', 'application/json']);
    const health = respond('traefik/whoami', { path: '/health' });
    expect(health).toMatchObject({ status: 200, body: '' });
    expect(health.headers).toEqual([
      ['Date', 'Sun, 22 Nov 2026 05:45:51 GMT'],
      ['Content-Length', '0'],
    ]);
  });
});

describe('kubelab/web', () => {
  it('answers its message, version and hostname, and logs the request', () => {
    const response = respond('kubelab/web:1.0', { env: { MESSAGE: 'Hi from blue' } });
    expect(response.body).toBe('Hi from blue\nversion: 1.0.0\nhostname: web-7d4b9c8f6-x2x7q\n');
    expect(response.logs).toEqual(['10.244.1.1 - - [22/Nov/2026:05:45:51 +0000] "GET / HTTP/1.1" 200 58 "curl/8.5.0"']);
    expect(respond('kubelab/web').body.startsWith('Hello from kubelab/web\nversion: 2.0.0\n')).toBe(true);
  });

  it("has health endpoints and Go's 404", () => {
    expect(respond('kubelab/web', { path: '/healthz' }).body).toBe('ok\n');
    expect(respond('kubelab/web', { path: '/healthz', env: { HEALTHY: 'false' } }).status).toBe(500);
    const missing = respond('kubelab/web', { path: '/nope' });
    expect(missing).toMatchObject({ status: 404, reason: 'Not Found', body: '404 page not found\n' });
    expect(missing.headers.map(([name]) => name)).toEqual([
      'Content-Type',
      'X-Content-Type-Options',
      'Date',
      'Content-Length',
    ]);
  });
});

it('gives no HTTP answer for images without an HTTP server', () => {
  const redis = lookupImage('redis');
  expect(redis && respondHttp(redis, request())).toBeUndefined();
});
