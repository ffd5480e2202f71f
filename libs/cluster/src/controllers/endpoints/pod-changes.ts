// Which Services a pod change concerns (endpointsliceutil's
// GetPodServiceMemberships / GetServicesToUpdateOnPodChange): those whose
// selector matches the pod now, or matched it before the change.
import { sortedLabels } from '../../api/go-json';
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { StoreEvent } from '../../store/object-store';
import type { InternalClient } from '../internal-client';
import { objectKey } from '../queue-keys';
import { podView } from './pod-view';
import { selectedPods, selectorOf } from './service-pods';

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The keys of Services in the pod's namespace whose selector matches it. */
export function podServiceMemberships(services: readonly KubeObject[], pod: Readonly<KubeObject>): string[] {
  const namespace = pod.metadata.namespace ?? '';
  const keys: string[] = [];
  for (const service of services) {
    if (service.metadata.namespace !== namespace) continue;
    const selector = selectorOf(service);
    if (selector && selectedPods([pod], namespace, selector).length > 0) keys.push(objectKey(service));
  }
  return keys;
}

/** podEndpointsChanged: [the pod's endpoint may differ, its Service membership may differ]. */
function podEndpointsChanged(previous: Readonly<KubeObject>, current: Readonly<KubeObject>): [boolean, boolean] {
  const before = podView(previous);
  const after = podView(current);
  const labelsChanged =
    !sameLabels(before.labels, after.labels) ||
    before.hostname !== after.hostname ||
    before.subdomain !== after.subdomain;
  const podChanged =
    previous.metadata.deletionTimestamp !== current.metadata.deletionTimestamp ||
    before.ready !== after.ready ||
    before.podIPs.join(',') !== after.podIPs.join(',');
  return [podChanged, labelsChanged];
}

const PREFIX = 'pod-change:';

interface PodChange {
  namespace: string;
  labels: Record<string, string>;
  /** The labels before the change, when they moved. */
  before?: Record<string, string>;
  /** Whether the endpoint itself changed too (then both sides' Services sync). */
  podChanged?: boolean;
}

/**
 * keysFor a pod event. keysFor cannot read the store, so the key carries
 * what the Service lookup needs (namespace and labels, before and after);
 * pods with the same labels share a key and sync their Services once.
 */
export function podChangeKeys(event: StoreEvent): string[] {
  const pod = event.object;
  const namespace = pod.metadata.namespace ?? '';
  const labels = sortedLabels(pod.metadata.labels ?? {});
  if (event.type !== 'MODIFIED' || !event.previous) return [PREFIX + JSON.stringify({ namespace, labels })];
  const [podChanged, labelsChanged] = podEndpointsChanged(event.previous, pod);
  if (!podChanged && !labelsChanged) return [];
  if (!labelsChanged) return [PREFIX + JSON.stringify({ namespace, labels })];
  const before = sortedLabels(event.previous.metadata.labels ?? {});
  return [PREFIX + JSON.stringify({ namespace, labels, before, podChanged })];
}

function isPodChangeKey(key: string): boolean {
  return key.startsWith(PREFIX);
}

function podWithLabels(namespace: string, labels: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, labels } };
}

/** The Service keys a queue key stands for: a Service's own, or those a pod change concerns now. */
export function serviceKeysOf(client: InternalClient, key: string): string[] {
  return isPodChangeKey(key) ? servicesForPodChange(client, key) : [key];
}

/** The Service keys a pod-change key stands for, from the Services there are now. */
function servicesForPodChange(client: InternalClient, key: string): string[] {
  const change = JSON.parse(key.slice(PREFIX.length)) as PodChange;
  const services = client.list(RESOURCES.services, change.namespace);
  const current = podServiceMemberships(services, podWithLabels(change.namespace, change.labels));
  if (!change.before) return current;
  const before = podServiceMemberships(services, podWithLabels(change.namespace, change.before));
  if (change.podChanged) return [...new Set([...current, ...before])];
  // Only the membership moved: the Services it joined or left.
  return [
    ...current.filter((service) => !before.includes(service)),
    ...before.filter((service) => !current.includes(service)),
  ];
}
