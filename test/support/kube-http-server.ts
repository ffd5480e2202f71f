// A kube-apiserver for real clients: Node's http server on 127.0.0.1 (a
// random port) answering the Kubernetes REST API of one simulated cluster
// through `handleHttp`, with live watch streams, and a kubeconfig that points
// kubectl at it (plain http, no credentials).
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { type Cluster, handleHttp, type HttpRequest, isWatchRequest, openWatchStream } from '@kubelab/cluster';

export interface KubeHttpServer {
  readonly cluster: Cluster;
  readonly url: string;
  readonly port: number;
  /** Every request served, in order: for tests and for finding what a client asked. */
  readonly log: Array<{ method: string; path: string; status: number; at: number }>;
  close(): Promise<void>;
}

/** How often open watches see the cluster's own progress (containers starting, rollouts). */
const SETTLE_INTERVAL_MS = 50;

/** `port` 0 (the default) picks a free one. */
export async function startKubeHttpServer(cluster: Cluster, port = 0): Promise<KubeHttpServer> {
  const log: KubeHttpServer['log'] = [];
  const streams = new Set<() => void>();
  const server: Server = createServer((incoming, outgoing) => {
    readBody(incoming).then(
      (body) => serve(cluster, toRequest(incoming, body), outgoing, log, streams),
      (error: unknown) => {
        outgoing.statusCode = 500;
        outgoing.end(String(error));
      },
    );
  });
  const ticker = setInterval(() => {
    if (streams.size) cluster.settle();
  }, SETTLE_INTERVAL_MS);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    cluster,
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    log,
    close: async () => {
      clearInterval(ticker);
      for (const stop of [...streams]) stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toRequest(incoming: IncomingMessage, body: Buffer): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const request: HttpRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers };
  if (body.length) {
    request.body = body.toString('utf8');
    request.bodyBytes = new Uint8Array(body);
  }
  return request;
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function serve(
  cluster: Cluster,
  request: HttpRequest,
  outgoing: ServerResponse,
  log: KubeHttpServer['log'],
  streams: Set<() => void>,
): void {
  const at = cluster.now();
  if (isWatchRequest(request)) {
    const stream = openWatchStream(cluster, request, (line) => outgoing.write(line));
    if ('stop' in stream) {
      log.push({ method: request.method, path: request.path, status: stream.status, at });
      outgoing.writeHead(stream.status, stream.headers);
      outgoing.flushHeaders();
      const finish = (): void => {
        stream.stop();
        streams.delete(finish);
        if (!outgoing.writableEnded) outgoing.end();
      };
      streams.add(finish);
      outgoing.on('close', finish);
      return;
    }
    respond(outgoing, stream, request, log, at);
    return;
  }
  respond(outgoing, handleHttp(cluster, request), request, log, at);
}

function respond(
  outgoing: ServerResponse,
  response: { status: number; headers: Record<string, string>; body: string },
  request: HttpRequest,
  log: KubeHttpServer['log'],
  at: number,
): void {
  log.push({ method: request.method, path: request.path, status: response.status, at });
  outgoing.writeHead(response.status, response.headers);
  outgoing.end(request.method.toUpperCase() === 'HEAD' ? undefined : response.body);
}

/** Writes a kubeconfig for `server` to `file`, named as kubeadm names its admin.conf entries. */
export function kubeconfigFor(server: Pick<KubeHttpServer, 'url'>, file: string, namespace?: string): string {
  const context = namespace ? `    namespace: ${namespace}\n` : '';
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- cluster:',
      `    server: ${server.url}`,
      '  name: kubernetes',
      'contexts:',
      '- context:',
      '    cluster: kubernetes',
      `${context}    user: kubernetes-admin`,
      '  name: kubernetes-admin@kubernetes',
      'current-context: kubernetes-admin@kubernetes',
      'users:',
      '- name: kubernetes-admin',
      '  user: {}',
      '',
    ].join('\n'),
  );
  return file;
}
