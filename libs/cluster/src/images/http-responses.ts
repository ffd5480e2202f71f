// What an image's HTTP server answers to one request, and the log lines it
// writes for it. The servers are those of the real images: nginx's static
// module with the packaged default.conf, Apache httpd's default handler,
// traefik/whoami's Go handlers, and the catalogue's own kubelab/web.

import { goServerResponse } from './http-go';
import { httpdResponse, nginxResponse } from './http-static';
import { type HttpServer, type ImageDefinition } from './types';

export interface HttpRequest {
  readonly method: string;
  /** The request-target as sent: `/`, `/index.html?x=1`. */
  readonly path: string;
  /** Default `HTTP/1.1`. */
  readonly httpVersion?: 'HTTP/1.1' | 'HTTP/1.0';
  /** Request headers in the order sent; a `Host` entry is taken from `host` when absent. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The Host header value (`10.244.1.5`, `web.default.svc.cluster.local:8080`). */
  readonly host: string;
  readonly clientIp: string;
  /** The client's source port; default derived from the client address. */
  readonly clientPort?: number;
  /** The pod IP the connection reached. */
  readonly serverIp: string;
  /** The container's hostname (the pod name). */
  readonly podName: string;
  /** Epoch milliseconds. */
  readonly now: number;
  readonly body?: string;
  /** The container's environment (image ENV overlaid with the pod's). */
  readonly env?: Readonly<Record<string, string>>;
  /** nginx: the worker's connection counter (`*N` in its error log); default 1. */
  readonly connection?: number;
  /** nginx: the worker PID that serves the request; default 29. */
  readonly workerPid?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly reason: string;
  readonly headers: Array<[string, string]>;
  /** Empty for HEAD (the headers still give the length of the body a GET would carry). */
  readonly body: string;
  /** Lines the server writes to the container's log for this request (error log first, then access log). */
  readonly logs: string[];
}

/** The answer of the image's HTTP server, or undefined when the image serves no HTTP. */
export function respondHttp(
  image: Pick<ImageDefinition, 'httpServer'>,
  request: HttpRequest,
): HttpResponse | undefined {
  const server: HttpServer | undefined = image.httpServer;
  if (!server) return undefined;
  switch (server.kind) {
    case 'nginx':
      return nginxResponse(server.version, server.indexMtime, request);
    case 'httpd':
      return httpdResponse(server.version, request);
    case 'whoami':
    case 'kubelab-web':
      return goServerResponse(server, request);
  }
}

/** The status line as the servers print it: `HTTP/1.1 200 OK`. */
export function statusLine(response: Pick<HttpResponse, 'status' | 'reason'>): string {
  return `HTTP/1.1 ${response.status} ${response.reason}`;
}

/** The whole response as bytes on the wire (CRLF line ends), what `curl -i` shows. */
export function serializeHttpResponse(response: HttpResponse): string {
  const head = [statusLine(response), ...response.headers.map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\r\n')}\r\n\r\n${response.body}`;
}
