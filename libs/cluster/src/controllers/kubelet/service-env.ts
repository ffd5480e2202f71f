// The Docker-links-style variables the kubelet gives every container for the
// Services it can see (pkg/kubelet/envvars/envvars.go FromServices and
// kubelet_pods.go getServiceEnvVarMap): the pod's namespace's Services when
// enableServiceLinks is true, and always the `kubernetes` Service of
// `default`. Headless and ExternalName Services (no cluster IP) give none.
//
// Which Services a container sees: those that existed when it was created.
// The simulation keeps no copy of the kubelet's service cache, so it counts
// the Services whose creationTimestamp is not after the container's
// `startedAt` (a Service deleted since then is no longer known).
import type { KubeObject } from '../../api/objects';
import { parseTimestamp } from '../../runtime/clock';
import { isRecord } from '../../api/objects';

export interface EnvVar {
  name: string;
  value: string;
}

const MASTER_SERVICES = ['kubernetes'];

interface ServicePortShape {
  name?: string;
  port?: number;
  protocol?: string;
}

function specOf(service: Readonly<KubeObject>): { clusterIP: string; ports: ServicePortShape[] } {
  const spec = isRecord(service.spec) ? service.spec : {};
  const ports = Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : [];
  return { clusterIP: typeof spec.clusterIP === 'string' ? spec.clusterIP : '', ports: ports };
}

/** v1helper.IsServiceIPSet: a cluster IP that is neither empty nor `None`. */
function hasClusterIP(service: Readonly<KubeObject>): boolean {
  const ip = specOf(service).clusterIP;
  return ip !== '' && ip !== 'None';
}

function envName(text: string): string {
  return text.replace(/-/g, '_').toUpperCase();
}

/** net.JoinHostPort: IPv6 addresses in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function linkVariables(service: Readonly<KubeObject>): EnvVar[] {
  const prefix = envName(service.metadata.name ?? '');
  const { clusterIP, ports } = specOf(service);
  const all: EnvVar[] = [];
  ports.forEach((port, index) => {
    const protocol = port.protocol || 'TCP';
    const number = port.port ?? 0;
    const url = `${protocol.toLowerCase()}://${joinHostPort(clusterIP, number)}`;
    // Docker special-cases the first port.
    if (index === 0) all.push({ name: `${prefix}_PORT`, value: url });
    const portPrefix = `${prefix}_PORT_${number}_${protocol.toUpperCase()}`;
    all.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: protocol.toLowerCase() },
      { name: `${portPrefix}_PORT`, value: String(number) },
      { name: `${portPrefix}_ADDR`, value: clusterIP },
    );
  });
  return all;
}

/** envvars.FromServices: the variables of each Service in turn. */
export function fromServices(services: readonly Readonly<KubeObject>[]): EnvVar[] {
  const result: EnvVar[] = [];
  for (const service of services) {
    if (!hasClusterIP(service)) continue;
    const { clusterIP, ports } = specOf(service);
    const name = envName(service.metadata.name ?? '');
    result.push({ name: `${name}_SERVICE_HOST`, value: clusterIP });
    result.push({ name: `${name}_SERVICE_PORT`, value: String(ports[0]?.port ?? 0) });
    for (const port of ports) {
      if (port.name) result.push({ name: `${name}_SERVICE_PORT_${envName(port.name)}`, value: String(port.port ?? 0) });
    }
    result.push(...linkVariables(service));
  }
  return result;
}

/**
 * getServiceEnvVarMap: the Services a pod in `namespace` gets variables for,
 * by name (a namespace's own `kubernetes` Service wins over default's).
 * The kubelet ranges over a Go map here, so the order is unspecified; this
 * keeps the Services sorted by name.
 */
export function visibleServices(
  namespace: string,
  enableServiceLinks: boolean,
  services: readonly Readonly<KubeObject>[],
): Readonly<KubeObject>[] {
  const byName = new Map<string, Readonly<KubeObject>>();
  for (const service of services) {
    if (!hasClusterIP(service)) continue;
    const name = service.metadata.name ?? '';
    if (service.metadata.namespace === 'default' && MASTER_SERVICES.includes(name)) {
      if (!byName.has(name)) byName.set(name, service);
    } else if (service.metadata.namespace === namespace && enableServiceLinks) {
      byName.set(name, service);
    }
  }
  return [...byName.keys()].sort().map((name) => byName.get(name) as Readonly<KubeObject>);
}

/** The Services that existed when a container started at `startedAt` (epoch ms). */
export function servicesAt(services: readonly Readonly<KubeObject>[], startedAt: number): Readonly<KubeObject>[] {
  return services.filter((service) => (parseTimestamp(service.metadata.creationTimestamp) ?? 0) <= startedAt);
}

/** The service variables of a container in `namespace`, as a name -> value map in order. */
export function serviceEnvironment(
  namespace: string,
  enableServiceLinks: boolean,
  services: readonly Readonly<KubeObject>[],
): EnvVar[] {
  return fromServices(visibleServices(namespace, enableServiceLinks, services));
}
