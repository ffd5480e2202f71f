// Services: printService with getServiceExternalIP and makePortString.
import { DOCS } from '../docs';
import { translateTimestampSince } from '../duration';
import { int, recordAt, records, str, stringMap, strings, type JsonRecord } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';
import { formatLabels } from '../selectors';

/**
 * loadBalancerStatusStringer: ingress IPs (else hostnames), de-duplicated and
 * sorted. The server prints wide, so the 16-character clipping never applies.
 */
function loadBalancerAddresses(service: JsonRecord): string {
  const addresses = new Set<string>();
  for (const ingress of records(recordAt(service, 'status', 'loadBalancer').ingress)) {
    const address = str(ingress.ip) || str(ingress.hostname);
    if (address) addresses.add(address);
  }
  return [...addresses].sort().join(',');
}

/** getServiceExternalIP */
export function serviceExternalIP(service: JsonRecord): string {
  const spec = recordAt(service, 'spec');
  const externalIPs = strings(spec.externalIPs);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIPs = loadBalancerAddresses(service);
      if (externalIPs.length) return [...(lbIPs ? lbIPs.split(',') : []), ...externalIPs].join(',');
      return lbIPs || '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:31022/TCP`, comma-joined. */
export function servicePorts(ports: unknown): string {
  return records(ports)
    .map((port) => {
      const nodePort = int(port.nodePort);
      const protocol = str(port.protocol);
      return nodePort > 0 ? `${int(port.port)}:${nodePort}/${protocol}` : `${int(port.port)}/${protocol}`;
    })
    .join(',');
}

export const servicePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', DOCS.ServiceSpec.type),
    column('Cluster-IP', 'string', DOCS.ServiceSpec.clusterIP),
    column('External-IP', 'string', DOCS.ServiceSpec.externalIPs),
    column('Port(s)', 'string', DOCS.ServiceSpec.ports),
    AGE_COLUMN,
    column('Selector', 'string', DOCS.ServiceSpec.selector, { priority: 1 }),
  ],
  print(service, { now }) {
    const spec = recordAt(service, 'spec');
    return {
      cells: [
        service.metadata.name ?? '',
        str(spec.type),
        strings(spec.clusterIPs)[0] ?? '<none>',
        serviceExternalIP(service),
        servicePorts(spec.ports) || '<none>',
        translateTimestampSince(service.metadata.creationTimestamp, now),
        formatLabels(stringMap(spec.selector)),
      ],
    };
  },
};
