// The EndpointSlice mirroring reconciler (pkg/controller/endpointslicemirroring):
// the slices that copy a hand-written Endpoints, one per subset port
// mapping and address type, at most 1000 addresses per subset.
import { cloneJson, type KubeObject } from '../../api/objects';
import { isIPv4Bytes, parseIPSloppy } from '../../api/validation/ip';
import { portMapKey, sortSlicePorts } from './go-dump';
import { repackSubsets } from './repack';
import { endpointIdentity, endpointsEqualBeyondIdentity, slicePrefix, type EndpointSliceObject } from './slice-objects';
import type { SliceWrites } from './slice-writes';
import {
  LAST_APPLIED_ANNOTATION,
  LAST_CHANGE_TRIGGER_TIME,
  MANAGED_BY_LABEL,
  MIRRORING_CONTROLLER_NAME,
  SERVICE_NAME_LABEL,
  type AddressType,
  type EndpointAddress,
  type EndpointSubset,
  type SliceEndpoint,
  type SlicePort,
} from './types';

/** --mirroring-max-endpoints-per-subset's default. */
export const MAX_ENDPOINTS_PER_SUBSET = 1000;

export interface MirrorPlan extends SliceWrites {
  invalidAddresses: number;
  skippedAddresses: number;
}

interface Desired {
  addressType: AddressType;
  ports: SlicePort[];
  endpoints: Map<string, SliceEndpoint>;
}

function addressTypeOf(ip: string): AddressType | undefined {
  const bytes = parseIPSloppy(ip);
  if (!bytes) return undefined;
  return isIPv4Bytes(bytes) ? 'IPv4' : 'IPv6';
}

/** addressToEndpoint: the address as an endpoint, its IP restringified. */
function addressToEndpoint(address: EndpointAddress, ready: boolean): SliceEndpoint | undefined {
  const bytes = parseIPSloppy(address.ip);
  if (!bytes) return undefined;
  const ip = isIPv4Bytes(bytes) ? bytes.slice(12).join('.') : address.ip.toLowerCase();
  const endpoint: SliceEndpoint = { addresses: [ip], conditions: { ready } };
  if (address.targetRef) endpoint.targetRef = address.targetRef;
  if (address.nodeName !== undefined) endpoint.nodeName = address.nodeName;
  if (address.hostname) endpoint.hostname = address.hostname;
  return endpoint;
}

function addrTypePortMapKey(ports: readonly SlicePort[], addressType: AddressType): string {
  return `${addressType}-${portMapKey(ports)}`;
}

/** The mirrored slices' own annotations: the Endpoints' minus two the controllers own. */
function mirroredAnnotations(endpoints: Readonly<KubeObject>): Record<string, string> {
  const annotations = { ...(endpoints.metadata.annotations ?? {}) };
  delete annotations[LAST_CHANGE_TRIGGER_TIME];
  delete annotations[LAST_APPLIED_ANNOTATION];
  return annotations;
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const left = a ?? {};
  const right = b ?? {};
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}

/** newEndpointSlice: owned by the Endpoints, with its labels and annotations. */
function newMirroredSlice(
  endpoints: Readonly<KubeObject>,
  ports: SlicePort[],
  addressType: AddressType,
): EndpointSliceObject {
  const name = endpoints.metadata.name ?? '';
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(name),
      namespace: endpoints.metadata.namespace ?? '',
      labels: {
        ...(endpoints.metadata.labels ?? {}),
        [SERVICE_NAME_LABEL]: name,
        [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER_NAME,
      },
      annotations: mirroredAnnotations(endpoints),
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Endpoints',
          name,
          uid: endpoints.metadata.uid ?? '',
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

function desiredState(
  endpoints: Readonly<KubeObject>,
  max: number,
): { desired: Map<string, Desired>; invalid: number; skipped: number } {
  const subsets = Array.isArray(endpoints.subsets) ? (endpoints.subsets as EndpointSubset[]) : [];
  const desired = new Map<string, Desired>();
  let invalid = 0;
  let skipped = 0;
  for (const subset of repackSubsets(subsets)) {
    const ports = sortSlicePorts(
      (subset.ports ?? []).map((port) => {
        const entry: SlicePort = { name: port.name ?? '', port: port.port, protocol: port.protocol ?? '' };
        if (port.appProtocol !== undefined) entry.appProtocol = port.appProtocol;
        return entry;
      }),
    );
    const keys = new Map<AddressType, string>();
    for (const addressType of ['IPv4', 'IPv6'] as const) {
      const key = addrTypePortMapKey(ports, addressType);
      keys.set(addressType, key);
      if (!desired.has(key)) desired.set(key, { addressType, ports, endpoints: new Map() });
    }
    const total = (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0);
    let added = 0;
    const entries = [
      ...(subset.addresses ?? []).map((address) => ({ address, ready: true })),
      ...(subset.notReadyAddresses ?? []).map((address) => ({ address, ready: false })),
    ];
    for (const { address, ready } of entries) {
      // One subset maps onto one slice: the rest is skipped.
      if (added >= max) break;
      const endpoint = addressToEndpoint(address, ready);
      const addressType = addressTypeOf(address.ip);
      const group = addressType ? desired.get(keys.get(addressType) ?? '') : undefined;
      if (!endpoint || !group) {
        invalid++;
        continue;
      }
      group.endpoints.set(endpointIdentity(endpoint), endpoint);
      added++;
    }
    skipped += total - added;
  }
  return { desired, invalid, skipped };
}

function takeUpTo(set: Map<string, SliceEndpoint>, max: number): SliceEndpoint[] {
  const taken: SliceEndpoint[] = [];
  for (const [key, endpoint] of set) {
    if (taken.length >= max) break;
    taken.push(endpoint);
    set.delete(key);
  }
  return taken;
}

/** Whether the first slice already matches: same endpoints, labels and annotations. */
function upToDate(endpoints: Readonly<KubeObject>, slice: EndpointSliceObject, desired: Map<string, SliceEndpoint>) {
  let matches = 0;
  for (const endpoint of slice.endpoints ?? []) {
    const wanted = desired.get(endpointIdentity(endpoint));
    if (!wanted || !endpointsEqualBeyondIdentity(wanted, endpoint)) return false;
    matches++;
  }
  if (matches !== desired.size) return false;
  const labels = { ...(slice.metadata.labels ?? {}) };
  delete labels[MANAGED_BY_LABEL];
  delete labels[SERVICE_NAME_LABEL];
  return (
    sameMap(endpoints.metadata.labels, labels) && sameMap(mirroredAnnotations(endpoints), slice.metadata.annotations)
  );
}

export function planMirroredSlices(
  endpoints: Readonly<KubeObject>,
  existing: readonly EndpointSliceObject[],
  max = MAX_ENDPOINTS_PER_SUBSET,
): MirrorPlan {
  const { desired, invalid, skipped } = desiredState(endpoints, max);
  const existingByKey = new Map<string, EndpointSliceObject[]>();
  for (const slice of existing) {
    const key = addrTypePortMapKey(slice.ports ?? [], slice.addressType);
    existingByKey.set(key, [...(existingByKey.get(key) ?? []), slice]);
  }
  const plan: MirrorPlan = {
    toCreate: [],
    toUpdate: [],
    toDelete: [],
    invalidAddresses: invalid,
    skippedAddresses: skipped,
  };
  for (const [key, group] of desired) {
    const slices = existingByKey.get(key) ?? [];
    if (group.endpoints.size === 0) {
      plan.toDelete.push(...slices);
      continue;
    }
    const [first, ...rest] = slices;
    plan.toDelete.push(...rest);
    if (first && upToDate(endpoints, first, group.endpoints)) continue;
    const slice = newMirroredSlice(endpoints, group.ports, group.addressType);
    slice.endpoints = takeUpTo(group.endpoints, max);
    if (first) plan.toUpdate.push(reuseName(first, slice));
    else plan.toCreate.push(slice);
  }
  for (const [key, slices] of existingByKey) if (!desired.has(key)) plan.toDelete.push(...slices);
  return recycle(plan);
}

/** The new content under an existing slice's name (the API keeps its uid and creation time). */
function reuseName(old: EndpointSliceObject, replacement: EndpointSliceObject): EndpointSliceObject {
  const metadata = cloneJson(old.metadata);
  metadata.labels = replacement.metadata.labels ?? {};
  metadata.annotations = replacement.metadata.annotations ?? {};
  metadata.ownerReferences = replacement.metadata.ownerReferences ?? [];
  delete metadata.finalizers;
  return { ...replacement, metadata };
}

/** recycleSlices: creates paired with deletes of the same address type become updates. */
function recycle(plan: MirrorPlan): MirrorPlan {
  const result: MirrorPlan = { ...plan, toCreate: [...plan.toCreate], toUpdate: [...plan.toUpdate], toDelete: [] };
  const deletes = [...plan.toDelete];
  for (const addressType of ['IPv4', 'IPv6', 'FQDN'] as const) {
    const creates = plan.toCreate.filter((slice) => slice.addressType === addressType);
    const removable = deletes.filter((slice) => slice.addressType === addressType);
    for (let i = 0; i < creates.length && i < removable.length; i++) {
      const created = creates[i];
      const old = removable[i];
      if (!created || !old) continue;
      result.toCreate.splice(result.toCreate.indexOf(created), 1);
      deletes.splice(deletes.indexOf(old), 1);
      result.toUpdate.push(reuseName(old, created));
    }
  }
  result.toDelete = deletes;
  return result;
}
