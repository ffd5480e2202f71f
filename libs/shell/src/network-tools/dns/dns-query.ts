// DNS questions as the tools on the shell's host ask them. On a node the
// resolver is systemd-resolved's stub (127.0.0.53), which forwards to the
// subnet's gateway and knows nothing of cluster names; in a pod it is the
// resolv.conf nameserver (kube-dns). A server named on the command line is
// asked directly (through the node's kube-proxy rules for a ClusterIP).
import type { ResolveResult } from '@kubelab/cluster';
import type { CommandContext } from '../../runtime/command';
import { clusterDnsAddress, hostPod, nodeAddresses, upstreamResolver } from '../tool-host';

export type QueryType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';

export const NODE_STUB_RESOLVER = '127.0.0.53';

/** The nameserver the host's tools name when none is given. */
export function defaultServer(ctx: CommandContext): string {
  if (ctx.host.kind === 'pod') {
    const conf = ctx.session.cluster.network.resolvConf(ctx.host.namespace, ctx.host.name);
    return /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? clusterDnsAddress(ctx.session.cluster);
  }
  return NODE_STUB_RESOLVER;
}

/** The search domains of the host's resolv.conf (none on a node). */
export function searchDomains(ctx: CommandContext): string[] {
  if (ctx.host.kind !== 'pod') return [];
  const conf = ctx.session.cluster.network.resolvConf(ctx.host.namespace, ctx.host.name);
  return (/^search\s+(.+)$/m.exec(conf)?.[1] ?? '').split(/\s+/).filter((domain) => domain !== '');
}

/** One question for exactly `fqdn` (no search list) to `server`, or the default one. */
export function ask(ctx: CommandContext, fqdn: string, type: QueryType, server?: string): ResolveResult {
  const cluster = ctx.session.cluster;
  const name = fqdn.endsWith('.') ? fqdn : `${fqdn}.`;
  const target = server ?? defaultServer(ctx);
  const asked = target === NODE_STUB_RESOLVER || target === '127.0.0.1' ? upstreamResolver(cluster) : target;
  const pod = hostPod(ctx.host);
  const result = cluster.network.resolve({
    name,
    type,
    server: asked,
    search: false,
    ...(pod ? { fromPod: pod } : ctx.host.kind === 'node' ? { node: ctx.host.name } : {}),
  });
  return { ...result, server: target };
}

/** The names a glibc/bind resolver tries for `name`: with ndots, the search list first or last. */
export function candidates(name: string, searches: string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name];
  const dots = (name.match(/\./g) ?? []).length;
  const expanded = searches.map((domain) => `${name}.${domain}`);
  return dots >= ndots ? [name, ...expanded] : [...expanded, name];
}

/** `ndots` of the host's resolv.conf (5 in ClusterFirst pods, 1 elsewhere). */
export function ndots(ctx: CommandContext): number {
  if (ctx.host.kind !== 'pod') return 1;
  const conf = ctx.session.cluster.network.resolvConf(ctx.host.namespace, ctx.host.name);
  const match = /ndots:(\d+)/.exec(conf);
  return match ? Number(match[1]) : 1;
}

/** `10.96.0.12` -> `12.0.96.10.in-addr.arpa`; undefined for a name. */
export function reverseName(text: string): string | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  return `${match[4]}.${match[3]}.${match[2]}.${match[1]}.in-addr.arpa`;
}

/** How long a resolver waits before giving up on a silent server. */
export const QUERY_TIMEOUT_MS = 5_000;

/** getaddrinfo's first IPv4 address for `host` on the shell's host (node names come from /etc/hosts). */
export function lookupAddress(ctx: CommandContext, host: string): string | undefined {
  const cluster = ctx.session.cluster;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  const pod = hostPod(ctx.host);
  if (pod) {
    const result = cluster.network.resolve({ fromPod: pod, name: host, type: 'A' });
    return result.status === 'NOERROR' ? result.answers.find((record) => record.type === 'A')?.data : undefined;
  }
  const node = nodeAddresses(cluster).find((candidate) => candidate.name === host.toLowerCase());
  if (node) return node.ip;
  const result = ask(ctx, host, 'A');
  return result.answers.find((record) => record.type === 'A')?.data;
}
