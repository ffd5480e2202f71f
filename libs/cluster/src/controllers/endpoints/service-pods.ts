// The Service facts both endpoint controllers start from: its selector's
// pods, the address family it wants, and which IP of a pod that means.
import { isRecord, type KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { familyOf } from '../../registry/service/ip-address';
import { matchesLabelSelector, selectorFromSet } from '../../store/label-selector';
import type { InternalClient } from '../internal-client';
import type { AddressType } from './types';

function specOf(service: Readonly<KubeObject>): Record<string, unknown> {
  return isRecord(service.spec) ? service.spec : {};
}

/** The selector as stored; undefined for none (an empty map reads back as nil from etcd). */
export function selectorOf(service: Readonly<KubeObject>): Record<string, string> | undefined {
  const selector = specOf(service).selector;
  if (!isRecord(selector) || Object.keys(selector).length === 0) return undefined;
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(selector)) labels[key] = String(value);
  return labels;
}

/** Pods matching a selector (in `namespace` when given), in the order given. */
export function selectedPods(
  pods: readonly KubeObject[],
  namespace: string | undefined,
  selector: Record<string, string>,
): KubeObject[] {
  const parsed = selectorFromSet(selector);
  return pods.filter(
    (pod) =>
      (namespace === undefined || pod.metadata.namespace === namespace) &&
      matchesLabelSelector(parsed, pod.metadata.labels ?? {}),
  );
}

export function listSelectedPods(
  client: InternalClient,
  namespace: string,
  selector: Record<string, string>,
): KubeObject[] {
  return selectedPods(client.list(RESOURCES.pods, namespace), namespace, selector);
}

/** helper.IsServiceIPSet: a ClusterIP that is neither empty nor None. */
export function isServiceIPSet(service: Readonly<KubeObject>): boolean {
  const clusterIP = specOf(service).clusterIP;
  return typeof clusterIP === 'string' && clusterIP !== '' && clusterIP !== 'None';
}

function ipFamilies(service: Readonly<KubeObject>): string[] {
  const families = specOf(service).ipFamilies;
  return Array.isArray(families) ? families.filter((family): family is string => typeof family === 'string') : [];
}

/**
 * The family whose pod IP goes into Endpoints (podToEndpointAddressForService):
 * the first of spec.ipFamilies, else the ClusterIP's, else the pod IP's.
 */
export function endpointsFamily(service: Readonly<KubeObject>, podIP: string): 'IPv4' | 'IPv6' {
  const first = ipFamilies(service)[0];
  if (first === 'IPv4' || first === 'IPv6') return first;
  const clusterIP = specOf(service).clusterIP;
  const source = isServiceIPSet(service) && typeof clusterIP === 'string' ? clusterIP : podIP;
  return familyOf(source) === 'IPv6' ? 'IPv6' : 'IPv4';
}

/** getAddressTypesForService: one EndpointSlice address type per IP family. */
export function addressTypesForService(service: Readonly<KubeObject>): AddressType[] {
  const types = new Set<AddressType>();
  for (const family of ipFamilies(service)) if (family === 'IPv4' || family === 'IPv6') types.add(family);
  if (types.size > 0) return [...types].sort();
  const clusterIP = specOf(service).clusterIP;
  if (isServiceIPSet(service) && typeof clusterIP === 'string') {
    return [familyOf(clusterIP) === 'IPv6' ? 'IPv6' : 'IPv4'];
  }
  return ['IPv4', 'IPv6'];
}

/** The pod IPs of one family, in status order. */
export function ipsOfFamily(podIPs: readonly string[], family: 'IPv4' | 'IPv6'): string[] {
  return podIPs.filter((ip) => (familyOf(ip) === 'IPv6') === (family === 'IPv6'));
}

/** Each Service port's appProtocol (the typed view leaves it out), in port order. */
export function appProtocols(service: Readonly<KubeObject>): Array<string | undefined> {
  const ports = specOf(service).ports;
  return (Array.isArray(ports) ? ports : []).map((port) =>
    isRecord(port) && typeof port.appProtocol === 'string' ? port.appProtocol : undefined,
  );
}
