// Building blocks of the EndpointSlice reconciler (staging endpointslice
// utils.go): a pod's endpoint and ports for a Service, a new slice, the
// slice labels, and the endpoint identity used to match old and new.
import type { KubeObject } from '../../api/objects';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { serviceSpec } from '../../registry/service';
import { findPort, podView, shouldSetHostname } from './pod-view';
import { appProtocols, ipsOfFamily, isServiceIPSet } from './service-pods';
import {
  HEADLESS_LABEL,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  ZONE_LABEL,
  type AddressType,
  type SliceEndpoint,
  type SlicePort,
} from './types';

export interface EndpointSliceObject extends KubeObject {
  addressType: AddressType;
  endpoints: SliceEndpoint[] | null;
  ports: SlicePort[] | null;
}

export function asSlice(object: Readonly<KubeObject>): EndpointSliceObject {
  const copy = object as EndpointSliceObject;
  return {
    ...copy,
    endpoints: Array.isArray(copy.endpoints) ? copy.endpoints : null,
    ports: Array.isArray(copy.ports) ? copy.ports : null,
  };
}

/** podToEndpoint: conditions from readiness and termination, node, zone, hostname. */
export function podToEndpoint(
  service: Readonly<KubeObject>,
  pod: Readonly<KubeObject>,
  node: Readonly<KubeObject> | undefined,
  addressType: AddressType,
): SliceEndpoint {
  const view = podView(pod);
  const serving = view.ready;
  const terminating = view.terminating;
  // For compatibility, "ready" is never true for a terminating pod unless publishNotReadyAddresses.
  const ready = serviceSpec(service).publishNotReadyAddresses || (serving && !terminating);
  const family = addressType === 'IPv6' ? 'IPv6' : 'IPv4';
  const endpoint: SliceEndpoint = {
    addresses: addressType === 'FQDN' ? [] : ipsOfFamily(view.podIPs, family),
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: view.namespace, name: view.name, uid: view.uid },
  };
  if (view.nodeName) endpoint.nodeName = view.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) endpoint.zone = zone;
  if (shouldSetHostname(view, service.metadata.name ?? '', service.metadata.namespace ?? '')) {
    endpoint.hostname = view.hostname;
  }
  return endpoint;
}

/** getEndpointPorts: every Service port the pod can serve, in Service order. */
export function endpointPorts(service: Readonly<KubeObject>, pod: Readonly<KubeObject>): SlicePort[] {
  const spec = serviceSpec(service);
  const protocols = appProtocols(service);
  const ports: SlicePort[] = [];
  spec.ports.forEach((servicePort, index) => {
    const port = findPort(pod, servicePort);
    if (port === undefined) return;
    const entry: SlicePort = { name: servicePort.name, port, protocol: servicePort.protocol };
    const appProtocol = protocols[index];
    if (appProtocol !== undefined) entry.appProtocol = appProtocol;
    ports.push(entry);
  });
  return ports;
}

/** The endpoint's identity in a set: addresses, hostname and target pod (hashEndpoint). */
export function endpointIdentity(endpoint: SliceEndpoint): string {
  return JSON.stringify([
    [...endpoint.addresses].sort(),
    endpoint.hostname ?? '',
    endpoint.targetRef?.namespace ?? '',
    endpoint.targetRef?.name ?? '',
  ]);
}

/** EndpointsEqualBeyondHash: node, zone, conditions and target (its resourceVersion aside). */
export function endpointsEqualBeyondIdentity(a: SliceEndpoint, b: SliceEndpoint): boolean {
  const ref = (endpoint: SliceEndpoint) =>
    endpoint.targetRef ? JSON.stringify({ ...endpoint.targetRef, resourceVersion: undefined }) : '';
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.conditions.ready === b.conditions.ready &&
    a.conditions.serving === b.conditions.serving &&
    a.conditions.terminating === b.conditions.terminating &&
    ref(a) === ref(b)
  );
}

/** isReservedLabelKey: labels the controller owns on a slice. */
function isReservedLabel(key: string): boolean {
  return key === SERVICE_NAME_LABEL || key === MANAGED_BY_LABEL || key === HEADLESS_LABEL;
}

/**
 * setEndpointSliceLabels: the Service's labels (reserved keys aside), the
 * headless marker, the service name and the manager; `changed` when the
 * slice's non-reserved labels differ from the Service's.
 */
export function sliceLabels(
  slice: Readonly<KubeObject> | undefined,
  service: Readonly<KubeObject>,
  controllerName: string,
): { labels: Record<string, string>; changed: boolean } {
  const sliceOwn: Record<string, string> = {};
  for (const [key, value] of Object.entries(slice?.metadata.labels ?? {})) {
    if (!isReservedLabel(key)) sliceOwn[key] = value;
  }
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) {
    if (!isReservedLabel(key)) labels[key] = value;
  }
  const ownKeys = Object.keys(sliceOwn);
  const changed = ownKeys.length !== Object.keys(labels).length || ownKeys.some((key) => sliceOwn[key] !== labels[key]);
  if (!isServiceIPSet(service)) labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = service.metadata.name ?? '';
  labels[MANAGED_BY_LABEL] = controllerName;
  return { labels, changed };
}

/** getEndpointSlicePrefix: `<service>-` unless that is no valid name prefix. */
export function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  return nameIsDNSSubdomain(prefix, true).length === 0 ? prefix : serviceName;
}

/** newEndpointSlice: an empty slice owned by (controlled by) the Service. */
export function newEndpointSlice(
  service: Readonly<KubeObject>,
  ports: SlicePort[],
  addressType: AddressType,
  controllerName: string,
): EndpointSliceObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(service.metadata.name ?? ''),
      namespace: service.metadata.namespace ?? '',
      labels: sliceLabels(undefined, service, controllerName).labels,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: service.metadata.name ?? '',
          uid: service.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType,
    endpoints: [],
    ports,
  };
}

/** ownedBy: the slice names this Service (by uid) among its owners. */
export function ownedBy(slice: Readonly<KubeObject>, service: Readonly<KubeObject>): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (owner) => owner.uid === service.metadata.uid && owner.kind === 'Service' && owner.apiVersion === 'v1',
  );
}

/** The slices a controller keeps for a Service, found by their labels as its lister does. */
export function managedSlices(
  slices: readonly KubeObject[],
  serviceName: string,
  controllerName: string,
): EndpointSliceObject[] {
  return slices
    .filter((slice) => {
      const labels = slice.metadata.labels ?? {};
      return labels[SERVICE_NAME_LABEL] === serviceName && labels[MANAGED_BY_LABEL] === controllerName;
    })
    .map(asSlice);
}
