// describe for Services and Endpoints (describe.go describeService,
// describeEndpoints), endpoints read from the Service's EndpointSlices.
import type { KubeObject } from '@kubelab/cluster';
import {
  eventsFor,
  formatLabels,
  PrefixWriter,
  writeEvents,
  type DescribeReader,
  writeObjectHeader,
} from './prefix-writer';

interface ServicePort {
  name?: string;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

interface ServiceSpec {
  selector?: Record<string, string>;
  type?: string;
  ipFamilyPolicy?: string;
  ipFamilies?: string[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  loadBalancerIP?: string;
  ports?: ServicePort[];
  externalName?: string;
  sessionAffinity?: string;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  loadBalancerSourceRanges?: string[];
}

interface Slice {
  ports?: Array<{ name?: string; port?: number }>;
  endpoints?: Array<{ addresses?: string[]; conditions?: { ready?: boolean } }>;
}

/**
 * formatEndpointSlices: the first three ready `ip:port` of the port, then
 * `+ N more...`. As in Go, "more" is decided before an endpoint's readiness
 * is checked, so a not-ready fourth endpoint still prints `+ 0 more...`.
 */
function formatEndpointSlices(slices: readonly Slice[], port: ServicePort): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const visit = (endpoint: NonNullable<Slice['endpoints']>[number], portNumber: number | undefined) => {
    if (list.length === max) more = true;
    if (endpoint.conditions?.ready === false) return;
    const address = endpoint.addresses?.[0] ?? '';
    // net.JoinHostPort brackets IPv6 addresses.
    const host = address.includes(':') ? `[${address}]` : address;
    if (!more) list.push(portNumber === undefined ? address : `${host}:${portNumber}`);
    count++;
  };
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const endpoint of slice.endpoints ?? []) visit(endpoint, undefined);
      continue;
    }
    for (const candidate of ports) {
      if ((candidate.name ?? '') !== (port.name ?? '')) continue;
      for (const endpoint of slice.endpoints ?? []) visit(endpoint, candidate.port ?? 0);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** buildIngressString: the IP (with its mode) or else the hostname. */
function ingressList(service: KubeObject): string {
  const ingress =
    (
      service.status as
        { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string; ipMode?: string }> } } | undefined
    )?.loadBalancer?.ingress ?? [];
  return ingress
    .map((entry) => (entry.ip ? `${entry.ip}${entry.ipMode ? ` (${entry.ipMode})` : ''}` : (entry.hostname ?? '')))
    .join(', ');
}

export function describeService(service: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const w = new PrefixWriter();
  const metadata = service.metadata ?? {};
  const spec = (service.spec ?? {}) as ServiceSpec;
  writeObjectHeader(w, service);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = ingressList(service);
  if (ingress) w.write(0, `LoadBalancer Ingress:\t${ingress}\n`);
  const slices = reader.list('endpointslices', metadata.namespace, {
    labelSelector: `kubernetes.io/service-name=${metadata.name ?? ''}`,
  }) as Slice[];
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${port.port ?? 0}/${protocol}\n`);
    w.write(0, `TargetPort:\t${port.targetPort ?? port.port ?? 0}/${protocol}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, port)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length)
    w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (showEvents) writeEvents(w, eventsFor(reader, service), reader.now());
  return w.text();
}

interface Subset {
  addresses?: Array<{ ip?: string }>;
  notReadyAddresses?: Array<{ ip?: string }>;
  ports?: Array<{ name?: string; port?: number; protocol?: string }>;
}

function addresses(list: Array<{ ip?: string }> | undefined): string {
  return list?.length ? list.map((address) => address.ip ?? '').join(',') : '<none>';
}

export function describeEndpoints(endpoints: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const w = new PrefixWriter();
  writeObjectHeader(w, endpoints);
  w.write(0, 'Subsets:\n');
  for (const subset of (endpoints as { subsets?: Subset[] }).subsets ?? []) {
    w.write(1, `Addresses:\t${addresses(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${addresses(subset.notReadyAddresses)}\n`);
    if (subset.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const port of subset.ports)
        w.write(2, `${port.name || '<unset>'}\t${port.port ?? 0}\t${port.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  if (showEvents) writeEvents(w, eventsFor(reader, endpoints), reader.now());
  return w.text();
}
