// The orderings Kubernetes derives from hashes: ports and subsets are
// sorted by the md5 of `dump.ForHash(value)`, go-spew's `%#v` rendering of
// the Go struct (types in parentheses, no pointer addresses). Rendering the
// same text gives the same digests and therefore the same order.
import { md5Hex } from '../../runtime/md5';
import type { EndpointAddress, EndpointPort, EndpointSubset, ObjectReference, SlicePort } from './types';

function stringPointer(value: string | undefined): string {
  return value === undefined ? '(*string)<nil>' : `(*string)${value}`;
}

function objectReference(ref: ObjectReference | undefined): string {
  if (!ref) return '(*v1.ObjectReference)<nil>';
  return (
    `(*v1.ObjectReference){Kind:(string)${ref.kind ?? ''} Namespace:(string)${ref.namespace ?? ''} ` +
    `Name:(string)${ref.name ?? ''} UID:(types.UID)${ref.uid ?? ''} APIVersion:(string)${ref.apiVersion ?? ''} ` +
    `ResourceVersion:(string)${ref.resourceVersion ?? ''} FieldPath:(string)${ref.fieldPath ?? ''}}`
  );
}

function addressFields(address: EndpointAddress): string {
  return (
    `{IP:(string)${address.ip} Hostname:(string)${address.hostname ?? ''} ` +
    `NodeName:${stringPointer(address.nodeName)} TargetRef:${objectReference(address.targetRef)}}`
  );
}

function portFields(port: EndpointPort): string {
  return (
    `{Name:(string)${port.name ?? ''} Port:(int32)${port.port} Protocol:(v1.Protocol)${port.protocol ?? ''} ` +
    `AppProtocol:${stringPointer(port.appProtocol)}}`
  );
}

function addressList(addresses: readonly EndpointAddress[] | undefined): string {
  if (!addresses) return '([]v1.EndpointAddress)<nil>';
  return `([]v1.EndpointAddress)[${addresses.map(addressFields).join(' ')}]`;
}

/** dump.ForHash(v1.EndpointPort). */
export function dumpEndpointPort(port: EndpointPort): string {
  return `(v1.EndpointPort)${portFields(port)}`;
}

/** dump.ForHash(v1.EndpointSubset); absent lists are Go's nil slices. */
export function dumpEndpointSubset(subset: EndpointSubset): string {
  const ports = subset.ports
    ? `([]v1.EndpointPort)[${subset.ports.map(portFields).join(' ')}]`
    : '([]v1.EndpointPort)<nil>';
  return (
    `(v1.EndpointSubset){Addresses:${addressList(subset.addresses)} ` +
    `NotReadyAddresses:${addressList(subset.notReadyAddresses)} Ports:${ports}}`
  );
}

function slicePortFields(port: SlicePort): string {
  const number = port.port === undefined ? '(*int32)<nil>' : `(*int32)${port.port}`;
  const protocol = port.protocol === undefined ? '(*v1.Protocol)<nil>' : `(*v1.Protocol)${port.protocol}`;
  return (
    `{Name:${stringPointer(port.name)} Protocol:${protocol} Port:${number} ` +
    `AppProtocol:${stringPointer(port.appProtocol)}}`
  );
}

/** dump.ForHash(discovery/v1 EndpointPort): every field a pointer, Protocol before Port. */
export function dumpSlicePort(port: SlicePort): string {
  return `(v1.EndpointPort)${slicePortFields(port)}`;
}

/** Sorts by the md5 of each element's dump, as sort.Sort(portsByHash) and friends do. */
export function sortByDumpHash<T>(items: readonly T[], dump: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, hash: md5Hex(dump(item)) }));
  keyed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return keyed.map(({ item }) => item);
}

/** The order NewPortMapKey leaves a slice's ports in (it sorts them in place). */
export function sortSlicePorts(ports: readonly SlicePort[]): SlicePort[] {
  return sortByDumpHash(ports, dumpSlicePort);
}

/** endpointsliceutil.NewPortMapKey: the md5 of the ports once sorted by their own hashes. */
export function portMapKey(ports: readonly SlicePort[]): string {
  const sorted = sortSlicePorts(ports);
  return md5Hex(`([]v1.EndpointPort)[${sorted.map(slicePortFields).join(' ')}]`);
}
