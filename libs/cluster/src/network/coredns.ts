// What the cluster's CoreDNS answers (kubeadm's Corefile: `kubernetes
// cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough
// in-addr.arpa ip6.arpa; ttl 30 }`, `forward . /etc/resolv.conf`, `cache 30`):
// records of the cluster domain built as plugin/backend_lookup.go builds
// them (CNAMEs of ExternalName services followed upstream, SRV weights,
// additional addresses), reverse names of Service and endpoint addresses,
// and everything else forwarded to the node's resolver, its TTLs capped at 30.
import { addressFromReverse, isIPv4 } from './addresses';
import { CLUSTER_TTL, kubernetesRecords, reverseRecords, type BackendEntry } from './coredns-records';
import { outsideLookup, type DnsRecord, type DnsType } from './outside';
import type { NetworkView } from './view';

export interface DnsAnswer {
  status: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  answers: DnsRecord[];
  additional: DnsRecord[];
  /** Answered from the cluster zone (CoreDNS's `aa` flag). */
  authoritative: boolean;
}

const MAX_CNAME_CHAIN = 10;

function fqdnOf(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

function isAddress(host: string): 'A' | 'AAAA' | 'CNAME' {
  if (isIPv4(host)) return 'A';
  return host.includes(':') ? 'AAAA' : 'CNAME';
}

function inZone(zone: string, fqdn: string): boolean {
  return fqdn === zone || fqdn.endsWith(`.${zone}`);
}

/** What the `forward` plugin brings back (through `cache 30`). */
function forwarded(fqdn: string, type: DnsType): DnsAnswer {
  const upstream = outsideLookup(fqdn, type);
  return {
    status: upstream.status,
    answers: upstream.answers.map((record) => ({ ...record, ttl: Math.min(record.ttl, CLUSTER_TTL) })),
    additional: [],
    authoritative: false,
  };
}

type Lookup = { records: DnsRecord[]; nameError: boolean };

function addressRecords(
  view: NetworkView,
  zone: string,
  qname: string,
  type: 'A' | 'AAAA',
  previous: DnsRecord[],
): Lookup {
  const result = kubernetesRecords(view, qname, zone);
  if (result.kind === 'nxdomain') return { records: [], nameError: true };
  const records: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const entry of result.entries) {
    const kind = isAddress(entry.host);
    if (kind === type) {
      if (!seen.has(entry.host)) records.push({ name: qname, type, ttl: CLUSTER_TTL, data: entry.host });
      seen.add(entry.host);
      continue;
    }
    if (kind !== 'CNAME') continue;
    const target = fqdnOf(entry.host);
    if (target === qname || previous.length > MAX_CNAME_CHAIN) continue;
    const cname: DnsRecord = { name: qname, type: 'CNAME', ttl: CLUSTER_TTL, data: target };
    if (previous.some((record) => record.type === 'CNAME' && record.data === target)) continue;
    if (inZone(zone, target)) {
      const next = addressRecords(view, zone, target, type, [...previous, cname]);
      if (!next.nameError && next.records.length > 0) records.push(cname, ...next.records);
      continue;
    }
    records.push(cname, ...forwarded(target, type).answers);
  }
  return { records, nameError: false };
}

function srvRecords(view: NetworkView, zone: string, qname: string): DnsAnswer {
  const result = kubernetesRecords(view, qname, zone);
  if (result.kind === 'nxdomain') return nameError();
  const total = result.entries.length * 100;
  const answers: DnsRecord[] = [];
  const additional: DnsRecord[] = [];
  const seen = new Set<string>();
  const lookedUp = new Set<string>();
  for (const entry of result.entries) {
    if (entry.port === -1) continue;
    const weight = Math.max(1, Math.floor((100 / total) * 100));
    const kind = isAddress(entry.host);
    if (kind === 'CNAME') {
      const target = fqdnOf(entry.host);
      answers.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: `0 ${weight} ${entry.port} ${target}` });
      if (lookedUp.has(target)) continue;
      lookedUp.add(target);
      if (!inZone(zone, target)) {
        additional.push(...forwarded(target, 'A').answers);
        additional.push(...forwarded(target, 'AAAA').answers.filter((record) => record.type !== 'CNAME'));
      } else {
        additional.push(...addressRecords(view, zone, target, 'A', []).records);
      }
      continue;
    }
    const target = entry.domain;
    const srvKey = `${target}|${entry.port}`;
    if (!seen.has(srvKey)) {
      seen.add(srvKey);
      answers.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: `0 ${weight} ${entry.port} ${target}` });
    }
    const addressKey = `${target}|${entry.host}`;
    if (!seen.has(addressKey)) {
      seen.add(addressKey);
      additional.push({ name: target, type: kind, ttl: CLUSTER_TTL, data: entry.host });
    }
  }
  return { status: 'NOERROR', answers, additional, authoritative: true };
}

function nameError(): DnsAnswer {
  return { status: 'NXDOMAIN', answers: [], additional: [], authoritative: true };
}

function ok(answers: DnsRecord[]): DnsAnswer {
  return { status: 'NOERROR', answers, additional: [], authoritative: true };
}

function reverseAnswer(view: NetworkView, zone: string, qname: string, type: DnsType): DnsAnswer | undefined {
  const ip = addressFromReverse(qname);
  if (!ip || type !== 'PTR') return undefined;
  const names = reverseRecords(view, ip, zone);
  if (names.length === 0) return undefined;
  return ok(names.map((name) => ({ name: qname, type: 'PTR', ttl: CLUSTER_TTL, data: name })));
}

function clusterAnswer(view: NetworkView, zone: string, qname: string, type: DnsType): DnsAnswer {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const lookup = addressRecords(view, zone, qname, type, []);
      return lookup.nameError ? nameError() : ok(lookup.records);
    }
    case 'SRV':
      return srvRecords(view, zone, qname);
    case 'CNAME': {
      const result = kubernetesRecords(view, qname, zone);
      if (result.kind === 'nxdomain') return nameError();
      const first: BackendEntry | undefined = result.entries[0];
      if (!first || isAddress(first.host) !== 'CNAME') return ok([]);
      return ok([{ name: qname, type: 'CNAME', ttl: CLUSTER_TTL, data: fqdnOf(first.host) }]);
    }
    case 'PTR': {
      // A name that is no reverse name: NODATA when it exists.
      const result = kubernetesRecords(view, qname, zone);
      return result.kind === 'nxdomain' ? nameError() : ok([]);
    }
  }
}

/** CoreDNS's answer to one question (no search list: that is the client's business). */
export function coreDnsAnswer(view: NetworkView, name: string, type: DnsType): DnsAnswer {
  const qname = fqdnOf(name);
  const zone = fqdnOf(view.config.clusterDomain);
  if (inZone(zone, qname)) return clusterAnswer(view, zone, qname, type);
  if (inZone('in-addr.arpa.', qname) || inZone('ip6.arpa.', qname)) {
    // Not found in the cluster: `fallthrough` hands reverse names on to `forward`.
    return reverseAnswer(view, zone, qname, type) ?? forwarded(qname, type);
  }
  return forwarded(qname, type);
}
