// What the endpoint controllers read of a Pod (endpointsliceutil and
// podutil): addresses, readiness, whether it belongs in endpoints at all,
// and which container port a Service's targetPort names.
import { isRecord, type KubeObject } from '../../api/objects';
import { record, text } from '../../registry/pod/json';
import type { ServicePortView } from '../../registry/service';
import { parseTimestamp } from '../../runtime/clock';

export interface PodView {
  name: string;
  namespace: string;
  uid: string;
  labels: Record<string, string>;
  nodeName: string;
  hostname: string;
  subdomain: string;
  phase: string;
  /** status.podIPs, or status.podIP alone when the list is missing. */
  podIPs: string[];
  hasPodIP: boolean;
  ready: boolean;
  /** The Ready condition's lastTransitionTime (the trigger time tracker's input). */
  readyTransitionTime: number | undefined;
  terminating: boolean;
}

interface ContainerPortShape {
  name?: unknown;
  containerPort?: unknown;
  protocol?: unknown;
}

function readyCondition(status: Record<string, unknown>): Record<string, unknown> | undefined {
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  return conditions.find((condition): condition is Record<string, unknown> => {
    return isRecord(condition) && condition.type === 'Ready';
  });
}

export function podView(pod: Readonly<KubeObject>): PodView {
  const spec = record(pod.spec);
  const status = record(pod.status);
  const listed = Array.isArray(status.podIPs)
    ? status.podIPs.map((entry) => text(record(entry).ip)).filter((ip) => ip !== '')
    : [];
  const podIP = text(status.podIP);
  const ready = readyCondition(status);
  return {
    name: pod.metadata.name ?? '',
    namespace: pod.metadata.namespace ?? '',
    uid: pod.metadata.uid ?? '',
    labels: pod.metadata.labels ?? {},
    nodeName: text(spec.nodeName),
    hostname: text(spec.hostname),
    subdomain: text(spec.subdomain),
    phase: text(status.phase),
    podIPs: listed.length > 0 ? listed : podIP ? [podIP] : [],
    hasPodIP: podIP !== '' || listed.length > 0,
    ready: ready?.status === 'True',
    readyTransitionTime: ready ? parseTimestamp(ready.lastTransitionTime) : undefined,
    terminating: pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null,
  };
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and not terminating unless that is asked for. */
export function shouldPodBeInEndpoints(pod: PodView, includeTerminating: boolean): boolean {
  if (pod.phase === 'Failed' || pod.phase === 'Succeeded') return false;
  if (!pod.hasPodIP) return false;
  return includeTerminating || !pod.terminating;
}

/** ShouldSetHostname: the pod names a hostname and sits in the Service's subdomain. */
export function shouldSetHostname(pod: PodView, serviceName: string, serviceNamespace: string): boolean {
  return pod.hostname !== '' && pod.subdomain === serviceName && serviceNamespace === pod.namespace;
}

function containerPorts(container: unknown): ContainerPortShape[] {
  const ports = record(container).ports;
  return Array.isArray(ports) ? ports.filter(isRecord) : [];
}

/**
 * podutil.FindPort: a numeric targetPort as it is; a named one is looked up
 * among the containers' ports (then restartable init containers') with the
 * Service port's protocol. Undefined when no container has it.
 */
export function findPort(pod: Readonly<KubeObject>, servicePort: ServicePortView): number | undefined {
  if (typeof servicePort.targetPort === 'number') return servicePort.targetPort;
  const spec = record(pod.spec);
  const containers: unknown[] = Array.isArray(spec.containers) ? spec.containers : [];
  const initContainers: unknown[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const sidecars = initContainers.filter((container) => record(container).restartPolicy === 'Always');
  for (const container of [...containers, ...sidecars]) {
    for (const port of containerPorts(container)) {
      const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
      if (port.name === servicePort.targetPort && protocol === servicePort.protocol) {
        return typeof port.containerPort === 'number' ? port.containerPort : 0;
      }
    }
  }
  return undefined;
}
