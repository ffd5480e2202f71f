// `kubectl proxy` (the API on a local port, services and pods through their
// proxy subresource) and `kubectl port-forward` (a local port to a pod's
// port); both run until Ctrl-C or `kill`.
import { handleHttp, type KubeObject } from '@kubelab/cluster';
import { KubectlError, usageError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import type { LocalHttpRequest, LocalHttpResponse } from '../../context';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Resolves when Ctrl-C (or `kill`) ends the command: no polling, so a background job costs nothing. */
function untilInterrupted(inv: Invocation): Promise<void> {
  return new Promise((resolve) => {
    if (inv.ctx.signal.aborted) resolve();
    else inv.ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** `.../services/NAME[:PORT]/proxy/REST` and `.../pods/NAME[:PORT]/proxy/REST` through the cluster network. */
function proxySubresource(inv: Invocation, request: LocalHttpRequest): LocalHttpResponse | undefined {
  const match = /^\/api\/v1\/namespaces\/([^/]+)\/(services|pods)\/([^/:]+)(?::([^/]+))?\/proxy(\/.*)?$/.exec(
    request.path.split('?')[0] ?? '',
  );
  if (!match) return undefined;
  const [, namespace = '', kind = '', name = '', portName, rest = '/'] = match;
  const object = inv.client.tryGet(inv.mapper.require(kind), namespace, name);
  if (!object) return undefined;
  const { host, port } = kind === 'services' ? serviceTarget(object, portName) : podTarget(object, portName);
  const result = inv.ctx.cluster.network.connect({
    from: { kind: 'node', name: 'controlplane' },
    host,
    port,
    protocol: 'TCP',
    http: { method: request.method, path: rest, headers: request.headers },
  });
  if (!result.ok || !result.response) {
    const detail = result.ok ? 'no response' : result.detail;
    return {
      status: 503,
      reason: REASONS[503] ?? '',
      headers: [['Content-Type', 'text/plain; charset=utf-8']],
      body: `Error trying to reach service: ${detail}`,
    };
  }
  const response = result.response;
  return { status: response.status, reason: response.reason, headers: response.headers, body: response.body };
}

function serviceTarget(service: KubeObject, portName: string | undefined): { host: string; port: number } {
  const spec = service.spec as { clusterIP?: string; ports?: Array<{ name?: string; port?: number }> } | undefined;
  const ports = spec?.ports ?? [];
  const port = portName
    ? ports.find((candidate) => candidate.name === portName || String(candidate.port) === portName)
    : ports[0];
  return { host: spec?.clusterIP ?? '', port: port?.port ?? 80 };
}

function podTarget(pod: KubeObject, portName: string | undefined): { host: string; port: number } {
  const ip = (pod.status as { podIP?: string } | undefined)?.podIP ?? '';
  return { host: ip, port: portName && /^\d+$/.test(portName) ? Number(portName) : 80 };
}

async function runProxy(inv: Invocation): Promise<number> {
  const address = inv.string('address') || '127.0.0.1';
  const port = inv.changed('port') ? inv.int('port') : 8001;
  const prefix = inv.string('api-prefix') || '/';
  const opened = inv.ctx.listeners.listen(address, port, {
    kind: 'http',
    handle: (request) => {
      const path =
        prefix !== '/' && request.path.startsWith(prefix) ? request.path.slice(prefix.length - 1) : request.path;
      const proxied = proxySubresource(inv, { ...request, path });
      if (proxied) return proxied;
      const response = handleHttp(inv.ctx.cluster, {
        method: request.method,
        path,
        headers: Object.fromEntries(request.headers.map(([key, value]) => [key.toLowerCase(), value])),
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      return {
        status: response.status,
        reason: REASONS[response.status] ?? '',
        headers: Object.entries(response.headers),
        body: response.body,
      };
    },
  });
  if (!opened.ok) throw new KubectlError(`error: ${opened.error}`);
  inv.out(`Starting to serve on ${address}:${port}\n`);
  await untilInterrupted(inv);
  opened.close();
  return 0;
}

/** `8080:80`, `8080`, `:80`: local and remote ports. */
function portPairs(specs: readonly string[]): Array<{ local: number; remote: string }> {
  return specs.map((spec) => {
    const [local = '', remote = local] = spec.split(':');
    if (remote === '' || !/^\d+$/.test(local || remote))
      throw new KubectlError(
        `error: Error parsing local port '${local}': strconv.ParseUint: parsing "${local}": invalid syntax`,
      );
    return { local: local === '' ? 0 : Number(local), remote };
  });
}

function forwardTarget(inv: Invocation, target: string, remote: string): { pod: KubeObject; port: number } {
  const slash = target.indexOf('/');
  const mapping = inv.mapper.require(slash === -1 ? 'pods' : target.slice(0, slash));
  const object = inv.client.get(mapping, inv.namespace, slash === -1 ? target : target.slice(slash + 1));
  if (mapping.resource === 'pods') return { pod: object, port: Number(remote) };
  const spec = object.spec as
    | {
        selector?: Record<string, unknown>;
        ports?: Array<{ name?: string; port?: number; targetPort?: number | string }>;
      }
    | undefined;
  const selector = (spec?.selector?.matchLabels ?? spec?.selector ?? {}) as Record<string, string>;
  const labelSelector = Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const pods = inv.client.list(inv.mapper.require('pods'), inv.namespace, { labelSelector }).items;
  const pod =
    pods.find((candidate) => (candidate.status as { phase?: string } | undefined)?.phase === 'Running') ?? pods[0];
  if (!pod) throw new KubectlError(`error: unable to forward port because pod is not running. Current status=Pending`);
  let port = Number(remote);
  if (mapping.resource === 'services') {
    const servicePort = spec?.ports?.find(
      (candidate) => String(candidate.port) === remote || candidate.name === remote,
    );
    if (!servicePort)
      throw new KubectlError(`error: Service ${object.metadata?.name ?? ''} does not have a service port ${remote}`);
    port = typeof servicePort.targetPort === 'number' ? servicePort.targetPort : Number(servicePort.port);
  }
  return { pod, port };
}

async function runPortForward(inv: Invocation): Promise<number> {
  const [target, ...ports] = inv.args;
  if (!target || ports.length === 0)
    throw usageError('port-forward', 'TYPE/NAME and list of ports are required for port-forward');
  const addresses = inv.strings('address').length ? inv.strings('address') : ['localhost'];
  const closers: Array<() => void> = [];
  for (const { local, remote } of portPairs(ports)) {
    const { pod, port } = forwardTarget(inv, target, remote);
    if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running') {
      throw new KubectlError(
        `error: unable to forward port because pod is not running. Current status=${(pod.status as { phase?: string } | undefined)?.phase ?? 'Pending'}`,
      );
    }
    const localPort = local || port;
    for (const address of addresses.flatMap((value) => (value === 'localhost' ? ['127.0.0.1', '::1'] : [value]))) {
      const opened = inv.ctx.listeners.listen(address, localPort, {
        kind: 'forward',
        namespace: pod.metadata?.namespace ?? inv.namespace,
        pod: pod.metadata?.name ?? '',
        port,
        onConnection: () => inv.out(`Handling connection for ${localPort}\n`),
      });
      if (!opened.ok)
        throw new KubectlError(
          `Unable to listen on port ${localPort}: Listeners failed to create with the following errors: [unable to create listener: Error ${opened.error}]\nerror: unable to listen on any of the requested ports: [{${localPort} ${port}}]`,
        );
      closers.push(() => opened.close());
      inv.out(`Forwarding from ${address.includes(':') ? `[${address}]` : address}:${localPort} -> ${port}\n`);
    }
  }
  await untilInterrupted(inv);
  for (const close of closers) close();
  return 0;
}

export const proxyCommand: KubectlCommand = { path: 'proxy', run: runProxy };
export const portForwardCommand: KubectlCommand = { path: 'port-forward', run: runPortForward };
