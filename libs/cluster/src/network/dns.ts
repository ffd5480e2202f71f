// A pod's stub resolver (glibc's res_nsearch, which musl matches here): the
// name is tried against the search list of its resolv.conf, before or after
// the name as given depending on `ndots` (a trailing dot skips the list),
// asking each nameserver in turn until one answers. The cluster DNS Service
// answers as CoreDNS when it has ready endpoints and times out otherwise; the
// node's resolver and a few public ones know only the outside world.
import type { SeededRandom } from '../runtime/random';
import { coreDnsAnswer, type DnsAnswer } from './coredns';
import { programmedRules } from './kube-proxy';
import { outsideLookup, PUBLIC_RESOLVERS, type DnsRecord, type DnsType } from './outside';
import { hostDnsSettings, ndotsOf, podDnsSettings, type DnsSettings, type PodDnsSource } from './resolv-conf';
import { kubeDnsAddress, podsWithAddress, upstreamResolver, type NetworkView } from './view';
import { podSpec } from '../registry/pod';

export type DnsStatus = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'timeout';

export interface ResolveRequest {
  /** The querying pod; without one, the question goes straight to the cluster DNS with no search list. */
  fromPod?: PodDnsSource;
  name: string;
  type: DnsType;
  /** Ask this server instead of the resolv.conf nameservers (`nslookup name server`, `dig @server`). */
  server?: string;
  /** Apply the search list (default true; `dig` does not without +search). */
  search?: boolean;
  /** The querier's node: its kube-proxy carries the question to the DNS Service (default: the first node). */
  node?: string;
  /** CoreDNS's `loadbalance` plugin shuffles address records in each answer when given. */
  random?: Pick<SeededRandom, 'int'>;
}

export interface ResolveResult {
  status: DnsStatus;
  answers: DnsRecord[];
  additional: DnsRecord[];
  /** The FQDN whose answer this is, after search-path expansion. */
  queriedName: string;
  /** The nameserver that answered (or the last one tried when none did). */
  server: string;
  /** Every name asked, in order. */
  tried: string[];
  authoritative: boolean;
}

/** The resolver settings the querier uses. */
export function resolverSettings(view: NetworkView, fromPod: PodDnsSource | undefined): DnsSettings {
  const kubeDns = kubeDnsAddress(view);
  if (!fromPod) return { servers: [kubeDns], searches: [], options: [] };
  return podDnsSettings(fromPod, view.config.clusterDomain, kubeDns, hostDnsSettings(view.config));
}

/** The names a resolver tries for `name`, in order. */
export function searchCandidates(name: string, settings: DnsSettings, search = true): string[] {
  if (name.endsWith('.')) return [name];
  const absolute = `${name}.`;
  if (!search) return [absolute];
  const expanded = settings.searches.map((domain) => `${name}.${domain.replace(/\.$/, '')}.`);
  const dots = (name.match(/\./g) ?? []).length;
  return dots >= ndotsOf(settings) ? [absolute, ...expanded] : [...expanded, absolute];
}

function clusterDnsHasEndpoints(view: NetworkView, server: string, node: string | undefined): boolean {
  const nodeName = node ?? view.store.list('nodes')[0]?.metadata.name ?? '';
  const rules = programmedRules(view, nodeName);
  const dns = rules.find((rule) => rule.clusterIP === server && rule.port === 53 && rule.protocol === 'UDP');
  return dns !== undefined && dns.hasInternalEndpoints;
}

function runsCoreDns(view: NetworkView, ip: string): boolean {
  return podsWithAddress(view, ip).some((pod) =>
    podSpec(pod).containers.some((container) => /(^|\/)coredns(:|@|$)/.test(container.image)),
  );
}

/** One question to one server; undefined when the server does not answer (a timeout). */
export function askServer(
  view: NetworkView,
  server: string,
  fqdn: string,
  type: DnsType,
  node?: string,
): DnsAnswer | undefined {
  if (server === kubeDnsAddress(view)) {
    return clusterDnsHasEndpoints(view, server, node) ? coreDnsAnswer(view, fqdn, type) : undefined;
  }
  if (runsCoreDns(view, server)) return coreDnsAnswer(view, fqdn, type);
  if (server === upstreamResolver(view) || PUBLIC_RESOLVERS.includes(server)) {
    return { ...outsideLookup(fqdn, type), additional: [], authoritative: false };
  }
  return undefined;
}

function shuffled(records: DnsRecord[], random: Pick<SeededRandom, 'int'> | undefined): DnsRecord[] {
  if (!random) return records;
  const addresses = records.filter((record) => record.type === 'A' || record.type === 'AAAA');
  if (addresses.length < 2) return records;
  for (let i = addresses.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [addresses[i], addresses[j]] = [addresses[j] as DnsRecord, addresses[i] as DnsRecord];
  }
  let next = 0;
  return records.map((record) =>
    record.type === 'A' || record.type === 'AAAA' ? (addresses[next++] ?? record) : record,
  );
}

/** Resolves a name as a process in the pod would (getaddrinfo / nslookup with the search list). */
export function resolve(view: NetworkView, request: ResolveRequest): ResolveResult {
  const settings = resolverSettings(view, request.fromPod);
  const servers = request.server ? [request.server] : settings.servers;
  const tried: string[] = [];
  let firstNoData: ResolveResult | undefined;
  let sawServfail = false;
  let lastServer = servers[0] ?? '';
  const result = (status: DnsStatus, answer: DnsAnswer | undefined, name: string): ResolveResult => ({
    status,
    answers: shuffled(answer?.answers ?? [], request.random),
    additional: answer?.additional ?? [],
    queriedName: name,
    server: lastServer,
    tried: [...tried],
    authoritative: answer?.authoritative ?? false,
  });
  for (const candidate of searchCandidates(request.name, settings, request.search ?? true)) {
    tried.push(candidate);
    let answer: DnsAnswer | undefined;
    for (const server of servers) {
      lastServer = server;
      answer = askServer(view, server, candidate, request.type, request.node);
      if (answer) break;
    }
    if (!answer) return result('timeout', undefined, candidate);
    if (answer.status === 'SERVFAIL') sawServfail = true;
    if (answer.status !== 'NOERROR') continue;
    if (answer.answers.some((record) => record.type === request.type)) return result('NOERROR', answer, candidate);
    firstNoData ??= result('NOERROR', answer, candidate);
  }
  if (firstNoData) return { ...firstNoData, tried: [...tried] };
  return result(sawServfail ? 'SERVFAIL' : 'NXDOMAIN', undefined, tried[tried.length - 1] ?? request.name);
}
