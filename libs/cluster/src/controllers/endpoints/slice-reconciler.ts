// The EndpointSlice reconciler's planning half (staging endpointslice
// reconciler.go): which slices to create, update and delete so that the
// selected pods are represented, changing as few slices as possible.
// Go iterates maps here (random order); this port keeps insertion order
// (pods by name, slices by name) so the outcome is deterministic.
import { cloneJson, type KubeObject } from '../../api/objects';
import { portMapKey, sortSlicePorts } from './go-dump';
import { podView, shouldPodBeInEndpoints } from './pod-view';
import {
  endpointIdentity,
  endpointPorts,
  endpointsEqualBeyondIdentity,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  sliceLabels,
  type EndpointSliceObject,
} from './slice-objects';
import { serviceSpec } from '../../registry/service';
import type { AddressType, SliceEndpoint, SlicePort } from './types';

export interface SlicePlan {
  toCreate: EndpointSliceObject[];
  toUpdate: EndpointSliceObject[];
  toDelete: EndpointSliceObject[];
  /** Pods left out because their node does not exist (the reconciler's errors). */
  errors: string[];
}

export interface PlanInput {
  service: Readonly<KubeObject>;
  pods: readonly KubeObject[];
  /** The Service's slices of this address type, not being deleted. */
  existing: readonly EndpointSliceObject[];
  addressType: AddressType;
  node(name: string): Readonly<KubeObject> | undefined;
  maxEndpointsPerSlice: number;
  controllerName: string;
}

interface DesiredGroup {
  ports: SlicePort[];
  endpoints: Map<string, SliceEndpoint>;
}

function popFirst(set: Map<string, SliceEndpoint>): SliceEndpoint | undefined {
  for (const [key, endpoint] of set) {
    set.delete(key);
    return endpoint;
  }
  return undefined;
}

function endpointsOf(slice: EndpointSliceObject): SliceEndpoint[] {
  return slice.endpoints ?? [];
}

function desiredGroups(input: PlanInput, errors: string[]): Map<string, DesiredGroup> {
  const { service, addressType } = input;
  const publishNotReady = serviceSpec(service).publishNotReadyAddresses;
  const groups = new Map<string, DesiredGroup>();
  for (const pod of input.pods) {
    const view = podView(pod);
    if (!shouldPodBeInEndpoints(view, true)) continue;
    const ports = sortSlicePorts(endpointPorts(service, pod));
    const key = portMapKey(ports);
    let group = groups.get(key);
    if (!group) {
      group = { ports, endpoints: new Map() };
      groups.set(key, group);
    }
    const node = input.node(view.nodeName);
    if (!node && !publishNotReady) {
      // Requeue, but publish the slice without the pod meanwhile.
      const serviceName = `${service.metadata.namespace ?? ''}/${service.metadata.name ?? ''}`;
      errors.push(`skipping Pod ${view.name} for Service ${serviceName}: Node ${view.nodeName} Not Found`);
      continue;
    }
    const endpoint = podToEndpoint(service, pod, node, addressType);
    if (endpoint.addresses.length > 0) group.endpoints.set(endpointIdentity(endpoint), endpoint);
  }
  return groups;
}

/** reconcileByPortMapping for one group of slices sharing a port mapping. */
function reconcilePortMapping(
  input: PlanInput,
  existing: readonly EndpointSliceObject[],
  desired: Map<string, SliceEndpoint>,
  ports: SlicePort[],
): { toCreate: EndpointSliceObject[]; toUpdate: EndpointSliceObject[]; toDelete: EndpointSliceObject[] } {
  const { service, maxEndpointsPerSlice: max, controllerName } = input;
  const byName = new Map<string, EndpointSliceObject>();
  const unchanged = new Set<string>();
  const updated = new Set<string>();
  const deleted = new Set<string>();

  // 1. Keep the wanted endpoints of each slice, refreshed; drop the others.
  for (const slice of existing) {
    const name = slice.metadata.name ?? '';
    byName.set(name, slice);
    const kept: SliceEndpoint[] = [];
    let endpointUpdated = false;
    for (const endpoint of endpointsOf(slice)) {
      const identity = endpointIdentity(endpoint);
      const wanted = desired.get(identity);
      if (!wanted) continue;
      kept.push(wanted);
      if (!endpointsEqualBeyondIdentity(wanted, endpoint)) endpointUpdated = true;
      desired.delete(identity);
    }
    const { labels, changed } = sliceLabels(slice, service, controllerName);
    if (endpointUpdated || endpointsOf(slice).length !== kept.length) {
      if (kept.length === 0) {
        deleted.add(name);
      } else {
        const copy = cloneJson(slice);
        copy.endpoints = kept;
        copy.metadata.labels = labels;
        byName.set(name, copy);
        updated.add(name);
      }
    } else if (changed) {
      const copy = cloneJson(slice);
      copy.metadata.labels = labels;
      byName.set(name, copy);
      updated.add(name);
    } else {
      unchanged.add(name);
    }
  }

  // 2. Fill the slices being updated anyway, fullest first.
  if (desired.size > 0 && updated.size > 0) {
    const slices = [...updated].flatMap((name) => byName.get(name) ?? []);
    slices.sort((a, b) => endpointsOf(b).length - endpointsOf(a).length);
    for (const slice of slices) {
      const endpoints = endpointsOf(slice);
      while (desired.size > 0 && endpoints.length < max) {
        const endpoint = popFirst(desired);
        if (endpoint) endpoints.push(endpoint);
      }
      slice.endpoints = endpoints;
    }
  }

  // 3. Put what is left into the unchanged slice it fits best, or new slices.
  const toCreate: EndpointSliceObject[] = [];
  while (desired.size > 0) {
    let slice: EndpointSliceObject | undefined;
    if (desired.size < max && unchanged.size > 0) {
      const candidates = [...unchanged].flatMap((name) => byName.get(name) ?? []);
      const chosen = sliceToFill(candidates, desired.size, max);
      if (chosen) {
        slice = cloneJson(chosen);
        byName.set(slice.metadata.name ?? '', slice);
      }
    }
    slice ??= newEndpointSlice(service, ports, input.addressType, controllerName);
    const endpoints = endpointsOf(slice);
    while (desired.size > 0 && endpoints.length < max) {
      const endpoint = popFirst(desired);
      if (endpoint) endpoints.push(endpoint);
    }
    slice.endpoints = endpoints;
    if (slice.metadata.name) {
      updated.add(slice.metadata.name);
      unchanged.delete(slice.metadata.name);
    } else {
      toCreate.push(slice);
    }
  }

  return {
    toCreate,
    toUpdate: [...updated].flatMap((name) => byName.get(name) ?? []),
    toDelete: [...deleted].flatMap((name) => byName.get(name) ?? []),
  };
}

/** getSliceToFill: the slice closest to full once `count` endpoints are added. */
function sliceToFill(
  slices: readonly EndpointSliceObject[],
  count: number,
  max: number,
): EndpointSliceObject | undefined {
  let closestDiff = max;
  let closest: EndpointSliceObject | undefined;
  for (const slice of slices) {
    const diff = max - (count + endpointsOf(slice).length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

/** A placeholder equals another when namespace, labels, owners, type, ports and endpoints do. */
function samePlaceholder(a: EndpointSliceObject, b: EndpointSliceObject): boolean {
  const labels = (slice: EndpointSliceObject) =>
    JSON.stringify(Object.entries(slice.metadata.labels ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  const owners = (slice: EndpointSliceObject) =>
    JSON.stringify(
      (slice.metadata.ownerReferences ?? []).map((owner) => [
        owner.apiVersion,
        owner.kind,
        owner.name,
        owner.uid,
        owner.controller ?? null,
        owner.blockOwnerDeletion ?? null,
      ]),
    );
  return (
    a.metadata.namespace === b.metadata.namespace &&
    labels(a) === labels(b) &&
    owners(a) === owners(b) &&
    a.addressType === b.addressType &&
    (a.ports ?? []).length === 0 &&
    (b.ports ?? []).length === 0 &&
    endpointsOf(a).length === 0 &&
    endpointsOf(b).length === 0
  );
}

/** reconcileByAddressType: the plan for one address type. */
export function planSlices(input: PlanInput): SlicePlan {
  const errors: string[] = [];
  const toCreate: EndpointSliceObject[] = [];
  const toUpdate: EndpointSliceObject[] = [];
  const toDelete: EndpointSliceObject[] = [];

  const existingByPorts = new Map<string, EndpointSliceObject[]>();
  for (const slice of input.existing) {
    if (!ownedBy(slice, input.service)) {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports ?? []);
    existingByPorts.set(key, [...(existingByPorts.get(key) ?? []), slice]);
  }

  const desired = desiredGroups(input, errors);
  for (const [key, group] of desired) {
    const plan = reconcilePortMapping(input, existingByPorts.get(key) ?? [], group.endpoints, group.ports);
    toCreate.push(...plan.toCreate);
    toUpdate.push(...plan.toUpdate);
    toDelete.push(...plan.toDelete);
  }
  for (const [key, slices] of existingByPorts) if (!desired.has(key)) toDelete.push(...slices);

  // A Service without endpoints still gets one (placeholder) slice.
  if (input.existing.length === toDelete.length && toCreate.length < 1) {
    const placeholder = newEndpointSlice(input.service, [], input.addressType, input.controllerName);
    const only = toDelete[0];
    if (toDelete.length === 1 && only && samePlaceholder(only, placeholder)) toDelete.length = 0;
    else toCreate.push(placeholder);
  }
  return { toCreate, toUpdate, toDelete, errors };
}
