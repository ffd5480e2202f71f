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
  loadBalancerClass?: string;
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
  endpoints?: Array<{ addresses?: string[] }>;
}

/** formatEndpointSlices: the first three `ip:port` of the port, `+ N more...`. */
function formatEndpointSlices(slices: readonly Slice[], port: ServicePort): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    const candidates =
      ports.length === 0 ? [undefined] : ports.filter((candidate) => (candidate.name ?? '') === (port.name ?? ''));
    for (const candidate of candidates) {
      for (const endpoint of slice.endpoints ?? []) {
        const address = endpoint.addresses?.[0] ?? '';
        if (list.length < max) list.push(candidate?.port !== undefined ? `${address}:${candidate.port}` : address);
        count++;
      }
    }
  }
  const text = list.join(',');
  return count > max ? `${text} + ${count - max} more...` : text;
}

function ingressList(service: KubeObject): string {
  const ingress =
    (service.status as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } | undefined)
      ?.loadBalancer?.ingress ?? [];
  return ingress.map((entry) => entry.ip || entry.hostname || '').join(', ');
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
  if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.loadBalancerClass) w.write(0, `LoadBalancer Class:\t${spec.loadBalancerClass}\n`);
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
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
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
