// The kubernetes plugin of CoreDNS (v1.11, `pods insecure`, ttl 30): which
// backend entries a name under the cluster domain stands for (parse.go and
// findServices/findPods of kubernetes.go) and the reverse entries of an
// address (reverse.go). Names are matched case-insensitively.
import { serviceSpec } from '../registry/service';
import { dashedAddress, isIPv4 } from './addresses';
import { sliceEndpoints } from './endpoints';
import { kubeDnsAddress, type NetworkView } from './view';

export const CLUSTER_TTL = 30;

/** One backend answer (CoreDNS's msg.Service): an address or a name, a port, the name it lives under. */
export interface BackendEntry {
  host: string;
  /** -1 for endpoints of slices without ports. */
  port: number;
  /** The domain the entry is known by: `web.default.svc.cluster.local.`, `web-0.web.default.svc.cluster.local.`. */
  domain: string;
}

/** Entries for the name, or `nxdomain` (a name error: no such service, pod, namespace or shape). */
export type BackendResult = { kind: 'entries'; entries: BackendEntry[] } | { kind: 'nxdomain' };

interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: string;
}

const NX: BackendResult = { kind: 'nxdomain' };
const NODATA: BackendResult = { kind: 'entries', entries: [] };

function stripUnderscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

function parseRequest(base: string): RecordRequest | 'nodata' | 'invalid' {
  if (base === '' || base === 'svc' || base === 'pod') return 'nodata';
  const segs = base.split('.');
  const request: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  let last = segs.length - 1;
  request.podOrSvc = segs[last] ?? '';
  if (request.podOrSvc !== 'pod' && request.podOrSvc !== 'svc') return 'invalid';
  request.namespace = segs[--last] ?? '';
  if (last - 1 < 0) return request;
  request.service = segs[--last] ?? '';
  last--;
  if (last < 0) return request;
  if (last === 0) request.endpoint = segs[0] ?? '';
  else if (last === 1) {
    request.protocol = stripUnderscore(segs[1] ?? '');
    request.port = stripUnderscore(segs[0] ?? '');
  } else return 'invalid';
  return request;
}

function matches(wanted: string, actual: string): boolean {
  return wanted === '' || wanted.toLowerCase() === actual.toLowerCase();
}

function namespaceExists(view: NetworkView, namespace: string): boolean {
  return view.store.list('namespaces').some((ns) => ns.metadata.name === namespace);
}

/** An IPv6 address as Go's net.ParseIP accepts it (loosely: hex groups and one `::`). */
function isIPv6(text: string): boolean {
  if (!text.includes(':') || (text.match(/::/g) ?? []).length > 1) return false;
  const groups = text.split(':');
  return groups.length <= 8 && groups.every((group) => /^[0-9a-fA-F]{0,4}$/.test(group));
}

/** `endpointHostname`: the endpoint's hostname, else its address with dashes. */
export function endpointHostname(ip: string, hostname: string | undefined): string {
  if (hostname) return hostname;
  if (ip.includes('.')) return dashedAddress(ip);
  const dashed = ip.replace(/:/g, '-');
  return dashed.endsWith('-') ? `${dashed}0` : dashed;
}

function findPods(view: NetworkView, request: RecordRequest, zone: string): BackendResult {
  const podName = request.service;
  if (podName === '') return NODATA;
  const ip =
    (podName.match(/-/g) ?? []).length === 3 && !podName.includes('--')
      ? podName.replace(/-/g, '.')
      : podName.replace(/-/g, ':');
  if (!isIPv4(ip) && !isIPv6(ip)) return NX;
  return { kind: 'entries', entries: [{ host: ip, port: 0, domain: `${podName}.${request.namespace}.pod.${zone}` }] };
}

function findServices(view: NetworkView, request: RecordRequest, zone: string): BackendResult {
  if (request.service === '') return NODATA;
  const service = view.store
    .list('services', request.namespace)
    .find((candidate) => (candidate.metadata.name ?? '').toLowerCase() === request.service.toLowerCase());
  if (!service) return NX;
  const name = service.metadata.name ?? '';
  const namespace = service.metadata.namespace ?? '';
  const domain = `${name}.${namespace}.svc.${zone}`;
  const spec = serviceSpec(service);
  const entries: BackendEntry[] = [];
  let found = false;
  if (spec.type === 'ExternalName') {
    if (request.endpoint || request.port || request.protocol) return NX;
    const target = spec.externalName ?? '';
    // An address as externalName is not a CNAME target: nothing answers.
    if (target === '' || isIPv4(target) || isIPv6(target)) return NX;
    return { kind: 'entries', entries: [{ host: target, port: 0, domain }] };
  }
  if (spec.clusterIP === 'None' || request.endpoint !== '') {
    for (const endpoint of sliceEndpoints(view, namespace, name)) {
      if (!endpoint.ready) continue;
      const hostname = endpointHostname(endpoint.ip, endpoint.hostname);
      if (request.endpoint && !matches(request.endpoint, hostname)) continue;
      const ports = endpoint.ports.length > 0 ? endpoint.ports : [{ name: '', port: -1, protocol: '' }];
      for (const port of ports) {
        if (!matches(request.port, port.name) || !matches(request.protocol, port.protocol)) continue;
        found = true;
        entries.push({ host: endpoint.ip, port: port.port, domain: `${hostname}.${domain}` });
      }
    }
    return found ? { kind: 'entries', entries } : NX;
  }
  for (const port of spec.ports) {
    if (!matches(request.port, port.name) || !matches(request.protocol, port.protocol)) continue;
    found = true;
    const addresses = spec.clusterIPs.length > 0 ? spec.clusterIPs : [spec.clusterIP];
    for (const ip of addresses) entries.push({ host: ip, port: port.port, domain });
  }
  return found ? { kind: 'entries', entries } : NX;
}

/** The backend entries of `fqdn` (lower-cased, with the trailing dot) under `zone` (`cluster.local.`). */
export function kubernetesRecords(view: NetworkView, fqdn: string, zone: string): BackendResult {
  const base = fqdn === zone ? '' : fqdn.slice(0, -(zone.length + 1));
  if (base === 'ns.dns') {
    return { kind: 'entries', entries: [{ host: kubeDnsAddress(view), port: 0, domain: `ns.dns.${zone}` }] };
  }
  const request = parseRequest(base);
  if (request === 'nodata') return NODATA;
  if (request === 'invalid') return NX;
  if (!namespaceExists(view, request.namespace)) return NX;
  return request.podOrSvc === 'pod' ? findPods(view, request, zone) : findServices(view, request, zone);
}

/**
 * serviceRecordForIP: the Service whose ClusterIP this is, else every
 * endpoint with this address (`<hostname>.<service>.<ns>.svc.<zone>`).
 */
export function reverseRecords(view: NetworkView, ip: string, zone: string): string[] {
  for (const service of view.store.list('services')) {
    const spec = serviceSpec(service);
    if (spec.clusterIPs.includes(ip) || spec.clusterIP === ip) {
      return [`${service.metadata.name ?? ''}.${service.metadata.namespace ?? ''}.svc.${zone}`];
    }
  }
  const names: string[] = [];
  for (const slice of view.store.list('endpointslices.discovery.k8s.io')) {
    const service = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!service || slice.addressType !== 'IPv4') continue;
    for (const endpoint of sliceEndpoints(view, slice.metadata.namespace ?? '', service)) {
      if (endpoint.ip !== ip || !endpoint.ready) continue;
      const name = `${endpointHostname(ip, endpoint.hostname)}.${service}.${slice.metadata.namespace ?? ''}.svc.${zone}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}
