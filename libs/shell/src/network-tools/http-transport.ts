// One HTTP exchange as the tools make it: to a local listener of a background
// kubectl (proxy, port-forward) when the address is this machine's, otherwise
// through the cluster's dataplane, whose images and daemons answer. TLS is
// only imitated: the kube-apiserver answers an anonymous client, and whether
// the two ends speak the same protocol decides the errors.
import type { ConnectResult, Hop } from '@kubelab/cluster';
import type { CommandContext } from '../runtime/command';
import { apiserverAnswer, plainHttpToTls } from './apiserver-answers';
import { connectSource, nodeAddresses } from './tool-host';

export interface HttpReply {
  /** `HTTP/1.1`, `HTTP/1.0`, `HTTP/2`. */
  version: string;
  status: number;
  /** Empty over HTTP/2. */
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

export interface HttpExchangeRequest {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body?: string;
}

export type ConnectErrorKind = 'refused' | 'timeout' | 'no-route' | 'nxdomain' | 'unreachable';

export type HttpOutcome =
  | { ok: true; ip: string; reply: HttpReply; tls: boolean }
  /** The peer accepted but does not speak what the client expects. */
  | { ok: true; ip: string; reply: undefined; tls: boolean; mismatch: 'not-tls' | 'not-http' | 'tls-untrusted' }
  | { ok: false; error: ConnectErrorKind; ip: string | undefined; dnsTimedOut: boolean };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '0.0.0.0']);

/** The address a connection went to: the resolved one, a node's (from /etc/hosts), or the host as given. */
export function targetAddress(ctx: CommandContext, host: string, via: readonly Hop[]): string | undefined {
  const dns = via.find((hop): hop is Extract<Hop, { kind: 'dns' }> => hop.kind === 'dns');
  if (dns) return dns.address;
  if (/^[\d.]+$/.test(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  if (ctx.host.kind === 'pod') return undefined;
  return nodeAddresses(ctx.session.cluster).find((node) => node.name === host.toLowerCase())?.ip;
}

function fromResult(
  ctx: CommandContext,
  result: ConnectResult,
  request: HttpExchangeRequest,
  insecure: boolean,
): HttpOutcome {
  const ip = targetAddress(ctx, request.host, result.via) ?? request.host;
  if (!result.ok) {
    const dnsTimedOut = result.resolution?.status === 'timeout';
    return { ok: false, error: result.error, ip: result.error === 'nxdomain' ? undefined : ip, dnsTimedOut };
  }
  const speaksTls = result.service === 'https' || result.service === 'etcd';
  if (request.scheme === 'https') {
    if (!speaksTls) return { ok: true, ip, reply: undefined, tls: false, mismatch: 'not-tls' };
    if (!insecure) return { ok: true, ip, reply: undefined, tls: true, mismatch: 'tls-untrusted' };
    if (result.process === 'kube-apiserver') {
      return {
        ok: true,
        ip,
        reply: apiserverAnswer(ctx.session.cluster, request.method, request.path, ctx.session.clock.now()),
        tls: true,
      };
    }
    return { ok: true, ip, reply: undefined, tls: true, mismatch: 'not-http' };
  }
  if (speaksTls) return { ok: true, ip, reply: plainHttpToTls(), tls: false };
  const response = result.response;
  if (!response) return { ok: true, ip, reply: undefined, tls: false, mismatch: 'not-http' };
  return {
    ok: true,
    ip,
    tls: false,
    reply: {
      version: 'HTTP/1.1',
      status: response.status,
      reason: response.reason,
      headers: response.headers,
      body: response.body,
    },
  };
}

/** Sends one request and takes the answer (or the failure to connect). */
export function exchangeHttp(ctx: CommandContext, request: HttpExchangeRequest, insecure = false): HttpOutcome {
  const cluster = ctx.session.cluster;
  if (ctx.host.kind !== 'pod' && LOOPBACK.has(request.host)) {
    const listener = ctx.session.listeners.find(request.host, request.port);
    if (listener?.kind === 'http') {
      if (request.scheme === 'https')
        return { ok: true, ip: '127.0.0.1', reply: undefined, tls: false, mismatch: 'not-tls' };
      const answer = listener.handle({
        method: request.method,
        path: request.path,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const reply = { version: 'HTTP/1.1', ...answer };
      return {
        ok: true,
        ip: '127.0.0.1',
        reply: request.method === 'HEAD' ? { ...reply, body: '' } : reply,
        tls: false,
      };
    }
    if (listener?.kind === 'forward') {
      listener.onConnection?.();
      const result = cluster.network.connect({
        from: { kind: 'pod', namespace: listener.namespace, name: listener.pod },
        host: '127.0.0.1',
        port: listener.port,
        protocol: 'TCP',
        http: { method: request.method, path: request.path, headers: request.headers, ...bodyOf(request) },
      });
      return fromResult(ctx, result, { ...request, host: '127.0.0.1' }, insecure);
    }
  }
  const result = cluster.network.connect({
    from: connectSource(ctx.host),
    host: request.host,
    port: request.port,
    protocol: 'TCP',
    http: { method: request.method, path: request.path, headers: request.headers, ...bodyOf(request) },
  });
  return fromResult(ctx, result, request, insecure);
}

function bodyOf(request: HttpExchangeRequest): { body?: string } {
  return request.body !== undefined ? { body: request.body } : {};
}

/** Whether a TCP connection to host:port opens (nc -z), with the address it went to. */
export function probeTcp(
  ctx: CommandContext,
  host: string,
  port: number,
  protocol: 'TCP' | 'UDP' = 'TCP',
): { ok: true; ip: string } | { ok: false; error: ConnectErrorKind; ip: string | undefined } {
  if (ctx.host.kind !== 'pod' && LOOPBACK.has(host) && protocol === 'TCP' && ctx.session.listeners.find(host, port)) {
    return { ok: true, ip: '127.0.0.1' };
  }
  const result = ctx.session.cluster.network.connect({ from: connectSource(ctx.host), host, port, protocol });
  const ip = targetAddress(ctx, host, result.via) ?? host;
  if (result.ok) return { ok: true, ip };
  return { ok: false, error: result.error, ip: result.error === 'nxdomain' ? undefined : ip };
}
