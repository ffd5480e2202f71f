// One connection through the simulated dataplane, following Kubernetes'
// rules: Service VIPs are caught by the kube-proxy rules of the node the
// packet is on (ClusterIPs exist only inside the cluster; NodePorts answer on
// every node's addresses; load-balancer and external IPs reach a node from
// outside), pod IPs are routed to their node, traffic leaving the cluster is
// masqueraded to the node's address, and what finally answers is the
// process listening there.
import { podIP } from '../registry/pod';
import { cidrContains } from './addresses';
import { resolveHost, sourceOf, type Source } from './connect-source';
import type { ConnectRequest, ConnectResult, Hop } from './connect-types';
import { deliverToAddress, deliverToPod, failure, hostAnswer, type Delivery } from './deliver';
import { hostListener, hostPortMapping } from './host';
import { ipvsNodeAddresses, virtualServers } from './ipvs';
import { matchFrontend, programmedRules, type FrontendMatch } from './kube-proxy';
import { routeThroughService, type Origin } from './service-routing';
import { proxyModeFor, type NetworkState } from './state';
import { bridgeAddress, clusterNodes, tunnelAddress, type NetworkView, type NodeView } from './view';

interface Context {
  view: NetworkView;
  state: NetworkState;
  request: ConnectRequest;
  source: Source;
  /** The destination address after name resolution. */
  ip: string;
  via: Hop[];
  /** The Host header an HTTP client sends: the name or address it was given, with a port other than 80. */
  hostHeader: string;
}

/** The addresses a node's rules treat as its own: `--dst-type LOCAL` in iptables mode, NodePort binds in ipvs mode. */
function nodeAddresses(ctx: Context, node: NodeView): string[] {
  if (proxyModeFor(ctx.view, ctx.state, node.name) === 'ipvs') return ipvsNodeAddresses(ctx.view, node.name);
  return [node.internalIP, bridgeAddress(node), tunnelAddress(node), '127.0.0.1'];
}

function frontendOn(ctx: Context, node: NodeView, addresses: string[]): FrontendMatch | undefined {
  return matchFrontend(programmedRules(ctx.view, node.name), ctx.ip, ctx.request.port, ctx.request.protocol, addresses);
}

function delivery(ctx: Context, clientIpSeen: string, extra: Partial<Delivery> = {}): Delivery {
  const base = { ip: ctx.ip, port: ctx.request.port, clientIpSeen, snat: false, via: ctx.via };
  return { ...base, hostHeader: ctx.hostHeader, ...extra };
}

function throughService(ctx: Context, match: FrontendMatch, node: NodeView, origin: Origin, clientIp: string) {
  const routed = routeThroughService(ctx.view, ctx.state, {
    match,
    ip: ctx.ip,
    node,
    origin,
    clientIp,
    mode: proxyModeFor(ctx.view, ctx.state, node.name),
    now: ctx.request.now,
    random: ctx.request.random,
  });
  const via = [...ctx.via, routed.hop];
  if (!routed.ok) return failure(routed.error, routed.detail, via);
  return deliverToAddress(ctx.view, ctx.state, ctx.request, {
    ...delivery(ctx, routed.clientIpSeen, { ip: routed.endpoint.ip, port: routed.endpoint.port, via }),
    snat: routed.snat,
  });
}

/** Pods and nodes: the rules of the node the packet starts on see it first. */
function atSourceNode(ctx: Context, node: NodeView): ConnectResult | undefined {
  const match = frontendOn(ctx, node, nodeAddresses(ctx, node));
  if (match) {
    const origin: Origin = ctx.source.kind === 'pod' ? 'pod' : 'local-node';
    return throughService(ctx, match, node, origin, ctx.source.address(ctx.ip));
  }
  // ipvs binds Service addresses to kube-ipvs0: their other ports are local and closed.
  if (proxyModeFor(ctx.view, ctx.state, node.name) !== 'ipvs') return undefined;
  const bound = virtualServers(ctx.view, node.name).some((vs) => vs.ip === ctx.ip && vs.kind !== 'nodePort');
  return bound ? failure('refused', `${ctx.ip}:${ctx.request.port} is no virtual server`, ctx.via) : undefined;
}

/** A node's own address: its NodePorts, its hostPorts, then its daemons and hostNetwork pods. */
function atDestinationNode(ctx: Context, node: NodeView): ConnectResult {
  const clientIp = ctx.source.address(ctx.ip);
  const match = frontendOn(ctx, node, nodeAddresses(ctx, node));
  if (match) return throughService(ctx, match, node, ctx.source.kind === 'pod' ? 'pod' : 'external', clientIp);
  const mapping = hostPortMapping(ctx.view, node, ctx.request.port, ctx.request.protocol);
  if (mapping) {
    const hop: Hop = { kind: 'hostport', node: node.name, ip: ctx.ip, port: ctx.request.port };
    const target = { ip: podIP(mapping.pod), port: mapping.containerPort, via: [...ctx.via, hop] };
    return deliverToPod(ctx.view, ctx.state, ctx.request, mapping.pod, delivery(ctx, clientIp, target));
  }
  return deliverToAddress(ctx.view, ctx.state, ctx.request, delivery(ctx, clientIp));
}

/** The node a packet for a load-balancer or external IP from outside lands on, if any. */
function ingressNode(ctx: Context, match: FrontendMatch): NodeView | undefined {
  const nodes = clusterNodes(ctx.view);
  if (match.kind === 'externalIP') {
    // Whoever routes the address to the cluster: the node holding it, else a worker.
    return nodes.find((node) => node.internalIP === ctx.ip) ?? nodes.find((node) => !node.controlPlane) ?? nodes[0];
  }
  // The cloud's load balancer skips excluded nodes; with externalTrafficPolicy Local its
  // health checks pass only on nodes with a local endpoint.
  const name = match.rules.servicePortName;
  const eligible = nodes.filter((node) => !node.excludedFromLoadBalancers);
  const healthy = match.rules.policies.externalLocal
    ? eligible.filter((node) =>
        programmedRules(ctx.view, node.name).some(
          (rule) => rule.servicePortName === name && rule.localEndpoints.length > 0,
        ),
      )
    : eligible;
  const pool = healthy.length > 0 ? healthy : eligible;
  return pool.length > 0 ? pool[ctx.request.random.int(pool.length)] : undefined;
}

function isClusterInternal(view: NetworkView, ip: string): boolean {
  return cidrContains(view.config.podCidr, ip) || cidrContains(view.config.serviceCidr, ip);
}

function fromOutside(ctx: Context): ConnectResult {
  const clientIp = ctx.source.address(ctx.ip);
  for (const node of clusterNodes(ctx.view)) {
    const match = frontendOn(ctx, node, []);
    if (!match || match.kind === 'clusterIP') continue;
    const ingress = ingressNode(ctx, match);
    if (ingress) return throughService(ctx, match, ingress, 'external', clientIp);
  }
  if (isClusterInternal(ctx.view, ctx.ip)) {
    return failure('timeout', `${ctx.ip} is not reachable from outside the cluster`, ctx.via);
  }
  return deliverToAddress(ctx.view, ctx.state, ctx.request, delivery(ctx, clientIp));
}

function loopback(ctx: Context): ConnectResult {
  const local = delivery(ctx, '127.0.0.1');
  const { source, view, state, request } = ctx;
  if (source.pod && source.kind === 'pod') return deliverToPod(view, state, request, source.pod, local);
  const node = source.node;
  if (!node) return failure('refused', `connection to ${ctx.ip}:${request.port} refused`, ctx.via);
  const answer = hostListener(view, node, request.port, request.protocol, true);
  if (answer?.kind === 'hostNetwork') return deliverToPod(view, state, request, answer.pod, local);
  if (answer) return hostAnswer(node, answer, local);
  // iptables mode serves NodePorts on 127.0.0.1 too (localhostNodePorts); ipvs does not.
  if (proxyModeFor(view, state, node.name) === 'iptables') {
    const match = frontendOn(ctx, node, [ctx.ip]);
    if (match) return throughService(ctx, match, node, 'local-node', node.internalIP);
  }
  return failure('refused', `connection to ${ctx.ip}:${request.port} refused`, ctx.via);
}

/** Opens a connection from `from` to `host:port` and reports what answered, or how it failed. */
export function connect(view: NetworkView, state: NetworkState, request: ConnectRequest): ConnectResult {
  const source = sourceOf(view, request);
  if (typeof source === 'string') return failure('no-route', source, []);
  const resolved = resolveHost(view, source, request);
  if (!resolved.ok) return resolved.result;
  const hostHeader = request.port === 80 ? request.host : `${request.host}:${request.port}`;
  const ctx: Context = { view, state, request, source, ip: resolved.ip, via: resolved.via, hostHeader };
  if (ctx.ip.startsWith('127.')) return loopback(ctx);
  if (source.node) {
    const result = atSourceNode(ctx, source.node);
    if (result) return result;
  }
  const destinationNode = clusterNodes(view).find((node) => node.internalIP === ctx.ip);
  if (destinationNode) return atDestinationNode(ctx, destinationNode);
  if (source.kind === 'external') return fromOutside(ctx);
  // Leaving the cluster, pod traffic is masqueraded to the node's address.
  const original = source.address(ctx.ip);
  const leaves = source.kind === 'pod' && source.node !== undefined && !isClusterInternal(view, ctx.ip);
  const clientIpSeen = leaves && source.node ? source.node.internalIP : original;
  return deliverToAddress(view, state, request, { ...delivery(ctx, clientIpSeen), snat: clientIpSeen !== original });
}
