// What the network tools need to know about the machine they run on: the
// source the cluster's dataplane sees, the resolver it uses, and how long the
// kernel takes to give up on a connection.
import type { Cluster, ConnectSource } from '@kubelab/cluster';
import type { CommandContext, ShellHost } from '../runtime/command';

/** The dataplane's view of the shell's host. */
export function connectSource(host: ShellHost): ConnectSource {
  if (host.kind === 'node') return { kind: 'node', name: host.name };
  if (host.kind === 'pod') return { kind: 'pod', namespace: host.namespace, name: host.name };
  return host.address ? { kind: 'external', address: host.address } : { kind: 'external' };
}

/** The pod the shell runs in, if it runs in one. */
export function hostPod(host: ShellHost): { namespace: string; name: string } | undefined {
  return host.kind === 'pod' ? { namespace: host.namespace, name: host.name } : undefined;
}

/** The InternalIP of every node, in the API's order. */
export function nodeAddresses(cluster: Cluster): Array<{ name: string; ip: string }> {
  const response = cluster.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes' });
  const items = (response.body as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
  return items.map((node) => {
    const metadata = node['metadata'] as { name?: string } | undefined;
    const status = node['status'] as { addresses?: Array<{ type?: string; address?: string }> } | undefined;
    const internal = status?.addresses?.find((address) => address.type === 'InternalIP');
    return { name: metadata?.name ?? '', ip: internal?.address ?? '' };
  });
}

/** The gateway of the nodes' subnet: the resolver systemd-resolved forwards to. */
export function upstreamResolver(cluster: Cluster): string {
  return `192.168.${cluster.config.nodeNetworkOctet}.1`;
}

/** The kube-dns Service's ClusterIP (10.96.0.10 by default). */
export function clusterDnsAddress(cluster: Cluster): string {
  const response = cluster.request({
    verb: 'get',
    group: '',
    version: 'v1',
    resource: 'services',
    namespace: 'kube-system',
    name: 'kube-dns',
  });
  return (response.body as { spec?: { clusterIP?: string } } | undefined)?.spec?.clusterIP ?? '10.96.0.10';
}

/**
 * Linux gives up on an unanswered SYN after 6 retransmissions (1+2+4+8+16+32 s,
 * then 64 s for the last): the ~127 s a connection to a black hole takes.
 */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;
/** ARP for an address nobody holds fails after 3 probes a second apart: EHOSTUNREACH. */
export const NO_ROUTE_MS = 3_000;

/**
 * Waits simulated time; false when Ctrl-C interrupted the wait. A `stream`
 * (ping without -c) also ends in a script once nothing more will happen.
 */
export function sleep(ctx: CommandContext, ms: number, stream = false): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!ctx.signal.aborted);
  return ctx.session.clock.sleep(ms, { stream });
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIPv4(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}
