// The last leg of a connection: the packet reaches an address and whatever
// listens there accepts it, or the kernel answers with a reset (refused), or
// nothing holds the address (no route to host / a timeout). Accepted HTTP
// connections get the image's answer, and the server's log lines go to the
// container's log.
import type { KubeObject } from '../api/objects';
import { podIP, podSpec } from '../registry/pod';
import { cidrContains } from './addresses';
import type { ConnectFailure, ConnectRequest, ConnectResult, ConnectSuccess, Hop } from './connect-types';
import { hostListener, type HostAnswer } from './host';
import { listenerOn } from './listeners';
import { isOutsideHost, outsideHostListens, outsideHttpResponse } from './outside';
import { countConnection, type NetworkState } from './state';
import { nodeForPodAddress, nodeWithAddress, podsWithAddress, type NetworkView, type NodeView } from './view';

export interface Delivery {
  ip: string;
  port: number;
  clientIpSeen: string;
  snat: boolean;
  via: Hop[];
  /** The Host header an HTTP client sends (the name or address it was given). */
  hostHeader: string;
}

export function failure(error: ConnectFailure['error'], detail: string, via: Hop[]): ConnectFailure {
  return { ok: false, error, detail, via };
}

function answerHttp(
  request: ConnectRequest,
  pod: Readonly<KubeObject>,
  success: ConnectSuccess,
  hostHeader: string,
): void {
  if (!request.http || !success.image || success.service !== 'http') return;
  const spec = podSpec(pod);
  const response = success.image.respond({
    method: request.http.method ?? 'GET',
    path: request.http.path ?? '/',
    httpVersion: request.http.httpVersion ?? 'HTTP/1.1',
    headers: request.http.headers ?? [],
    host: hostHeader,
    clientIp: success.clientIpSeen,
    serverIp: podIP(pod),
    podName: (spec.hostname ?? pod.metadata.name ?? '').slice(0, 63),
    now: request.now,
    env: success.env ?? {},
    connection: success.connection ?? 1,
    ...(request.http.body !== undefined ? { body: request.http.body } : {}),
  });
  if (!response) return;
  success.response = response;
  success.logLines = response.logs;
  for (const line of response.logs) request.logs?.appendToPod(pod, success.container ?? '', request.now, line);
}

/** The pod at `ip` accepts on `port` if a running container listens there. */
export function deliverToPod(
  view: NetworkView,
  state: NetworkState,
  request: ConnectRequest,
  pod: KubeObject,
  delivery: Delivery,
): ConnectResult {
  const node = podSpec(pod).nodeName;
  const via: Hop[] = [
    ...delivery.via,
    {
      kind: 'pod',
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name ?? '',
      ip: delivery.ip,
      port: delivery.port,
      node,
    },
  ];
  const listener = listenerOn(view, pod, delivery.port, request.protocol);
  if (!listener) {
    return failure(
      'refused',
      `nothing listens on ${delivery.ip}:${delivery.port} in pod ${pod.metadata.name ?? ''}`,
      via,
    );
  }
  const success: ConnectSuccess = {
    ok: true,
    via,
    target: 'pod',
    address: `${delivery.ip}:${delivery.port}`,
    containerPort: delivery.port,
    pod: {
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name ?? '',
      uid: pod.metadata.uid ?? '',
      ip: delivery.ip,
      node,
    },
    node,
    container: listener.container,
    service: listener.service,
    image: listener.image,
    env: listener.env,
    clientIpSeen: delivery.clientIpSeen,
    snat: delivery.snat,
  };
  if (request.protocol === 'TCP') success.connection = countConnection(state, pod.metadata.uid ?? '');
  answerHttp(request, pod, success, delivery.hostHeader);
  return success;
}

const DAEMON_SERVICES: Record<string, ConnectSuccess['service']> = {
  sshd: 'ssh',
  etcd: 'etcd',
  'kube-apiserver': 'https',
  kubelet: 'https',
  'kube-controller-manager': 'https',
  'kube-scheduler': 'https',
  'kube-proxy': 'http',
};

/** A node daemon accepting (or nothing listening: refused). */
export function hostAnswer(node: NodeView, answer: HostAnswer | undefined, delivery: Delivery): ConnectResult {
  const { ip, port } = delivery;
  const via: Hop[] = [...delivery.via, { kind: 'node', name: node.name, ip, port }];
  if (!answer || answer.kind !== 'daemon') {
    return failure('refused', `nothing listens on ${ip}:${port} on node ${node.name}`, via);
  }
  return {
    ok: true,
    via,
    target: 'node',
    address: `${ip}:${port}`,
    containerPort: port,
    node: node.name,
    process: answer.daemon.process,
    service: DAEMON_SERVICES[answer.daemon.process] ?? 'unknown',
    clientIpSeen: delivery.clientIpSeen,
    snat: delivery.snat,
  };
}

/** Any address: a pod, a node's own address, the outside host, or nothing at all. */
export function deliverToAddress(
  view: NetworkView,
  state: NetworkState,
  request: ConnectRequest,
  delivery: Delivery,
): ConnectResult {
  const { ip, port } = delivery;
  const pod = podsWithAddress(view, ip)[0];
  if (pod) return deliverToPod(view, state, request, pod, delivery);
  const node = nodeWithAddress(view, ip);
  if (node) {
    const answer = hostListener(view, node, port, request.protocol, false);
    if (answer?.kind === 'hostNetwork') return deliverToPod(view, state, request, answer.pod, delivery);
    return hostAnswer(node, answer, delivery);
  }
  if (nodeForPodAddress(view, ip)) return failure('no-route', `no host holds ${ip}`, delivery.via);
  if (isOutsideHost(ip)) {
    const via: Hop[] = [...delivery.via, { kind: 'external', ip, port }];
    if (!outsideHostListens(ip, port, request.protocol)) return failure('refused', `${ip}:${port} refuses`, via);
    const success: ConnectSuccess = {
      ok: true,
      via,
      target: 'external',
      address: `${ip}:${port}`,
      containerPort: port,
      service: port === 443 ? 'https' : 'http',
      clientIpSeen: delivery.clientIpSeen,
      snat: delivery.snat,
    };
    if (request.http && port === 80) success.response = outsideHttpResponse(request.http.method ?? 'GET', request.now);
    return success;
  }
  if (cidrContains(view.config.serviceCidr, ip))
    return failure('timeout', `no Service has the address ${ip}`, delivery.via);
  if (view.config.loadBalancer.addressPool.includes(ip)) {
    return failure('timeout', `no load balancer has the address ${ip} yet`, delivery.via);
  }
  if (cidrContains(`192.168.${view.config.nodeNetworkOctet}.0/24`, ip)) {
    return failure('no-route', `no host holds ${ip}`, delivery.via);
  }
  return failure('unreachable', `the sandbox has no route to ${ip}`, delivery.via);
}
