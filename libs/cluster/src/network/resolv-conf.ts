// A pod's /etc/resolv.conf: the kubelet's DNS configurer
// (pkg/kubelet/network/dns/dns.go GetPodDNS) picks servers, search domains and
// options by dnsPolicy (ClusterFirst on hostNetwork falls back to Default),
// appends spec.dnsConfig and trims to the resolver's limits; containerd writes
// the file as `search`, `nameserver` and `options` lines. The nodes' own
// resolver file (/run/systemd/resolve/resolv.conf) names the gateway of the
// node subnet and no search domain (systemd's `search .` is dropped).
import type { KubeObject } from '../api/objects';
import type { ClusterConfig } from '../config';
import { podSpec } from '../registry/pod';
import { records, strings, text } from '../registry/pod/json';

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

export interface DnsSettings {
  servers: string[];
  searches: string[];
  /** `ndots:5`, `edns0`, ... */
  options: string[];
}

export interface PodDnsConfigOption {
  name: string;
  value?: string;
}

/** What of a pod decides its DNS settings. */
export interface PodDnsSource {
  namespace: string;
  dnsPolicy: string;
  hostNetwork: boolean;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: PodDnsConfigOption[] };
}

export function podDnsSource(pod: Readonly<KubeObject>): PodDnsSource {
  const spec = podSpec(pod);
  const source: PodDnsSource = {
    namespace: pod.metadata.namespace ?? 'default',
    dnsPolicy: spec.dnsPolicy,
    hostNetwork: spec.hostNetwork,
  };
  if (spec.dnsConfig) {
    source.dnsConfig = {
      nameservers: strings(spec.dnsConfig.nameservers),
      searches: strings(spec.dnsConfig.searches),
      options: records(spec.dnsConfig.options).map((option) =>
        typeof option.value === 'string'
          ? { name: text(option.name), value: option.value }
          : { name: text(option.name) },
      ),
    };
  }
  return source;
}

/** The nodes' resolver settings, which Default-policy pods inherit. */
export function hostDnsSettings(config: Pick<ClusterConfig, 'nodeNetworkOctet'>): DnsSettings {
  return { servers: [`192.168.${config.nodeNetworkOctet}.1`], searches: [], options: [] };
}

function omitDuplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}

/** mergeDNSOptions: options of dnsConfig replace same-named ones (kept in first-seen order; the kubelet's order is a Go map's). */
function mergeOptions(existing: string[], added: PodDnsConfigOption[]): string[] {
  const merged = new Map<string, string>();
  for (const option of existing) {
    const colon = option.indexOf(':');
    if (colon === -1) merged.set(option, '');
    else merged.set(option.slice(0, colon), option.slice(colon + 1));
  }
  for (const option of added) merged.set(option.name, option.value ?? '');
  return [...merged.entries()].map(([name, value]) => (value ? `${name}:${value}` : name));
}

function fitsLimits(settings: DnsSettings): DnsSettings {
  const servers = settings.servers.slice(0, MAX_NAMESERVERS);
  let searches = settings.searches.slice(0, MAX_SEARCH_PATHS);
  while (searches.join(' ').length > MAX_SEARCH_CHARS) searches = searches.slice(0, -1);
  return { servers, searches, options: settings.options };
}

/** GetPodDNS: the servers, searches and options the runtime gets for the pod. */
export function podDnsSettings(
  pod: PodDnsSource,
  clusterDomain: string,
  kubeDnsIP: string,
  host: DnsSettings,
): DnsSettings {
  let settings: DnsSettings = { servers: [...host.servers], searches: [...host.searches], options: [...host.options] };
  const clusterFirst =
    pod.dnsPolicy === 'ClusterFirstWithHostNet' || (pod.dnsPolicy === 'ClusterFirst' && !pod.hostNetwork);
  if (pod.dnsPolicy === 'None') settings = { servers: [], searches: [], options: [] };
  else if (clusterFirst) {
    const clusterSearch = [`${pod.namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
    settings = {
      servers: [kubeDnsIP],
      searches: omitDuplicates([...clusterSearch, ...host.searches]),
      options: ['ndots:5'],
    };
  }
  if (pod.dnsConfig) {
    settings = {
      servers: omitDuplicates([...settings.servers, ...(pod.dnsConfig.nameservers ?? [])]),
      searches: omitDuplicates([...settings.searches, ...(pod.dnsConfig.searches ?? [])]),
      options: mergeOptions(settings.options, pod.dnsConfig.options ?? []),
    };
  }
  return fitsLimits(settings);
}

/** containerd's resolv.conf text for DNS settings. */
export function formatResolvConf(settings: DnsSettings): string {
  let content = '';
  if (settings.searches.length > 0) content += `search ${settings.searches.join(' ')}\n`;
  if (settings.servers.length > 0) content += `nameserver ${settings.servers.join('\nnameserver ')}\n`;
  if (settings.options.length > 0) content += `options ${settings.options.join(' ')}\n`;
  return content;
}

/** The /etc/resolv.conf the pod's containers see. */
export function resolvConf(pod: Readonly<KubeObject>, clusterConfig: ClusterConfig, kubeDnsIP: string): string {
  const settings = podDnsSettings(
    podDnsSource(pod),
    clusterConfig.clusterDomain,
    kubeDnsIP,
    hostDnsSettings(clusterConfig),
  );
  return formatResolvConf(settings);
}

/** `ndots` of the options (the resolver's default is 1). */
export function ndotsOf(settings: DnsSettings): number {
  for (const option of [...settings.options].reverse()) {
    const match = /^ndots:(\d+)$/.exec(option);
    if (match) return Math.min(Number(match[1]), 15);
  }
  return 1;
}
