// endpoints.RepackSubsets: expand subsets to (address, port, ready) and pack
// them back into the canonical layout: one subset per set of addresses
// sharing the same ports, addresses sorted by IP then pod UID, ports and
// subsets sorted by the md5 of their Go dump. A not-ready address wins
// over the same address ready.
import { dumpEndpointPort, dumpEndpointSubset, sortByDumpHash } from './go-dump';
import type { EndpointAddress, EndpointPort, EndpointSubset } from './types';

/** Stands for "no ports" so port-less subsets (headless Services) keep their addresses. */
const SENTINEL = -1;

interface AddressEntry {
  address: EndpointAddress;
  ready: boolean;
}

function addressKey(address: EndpointAddress): string {
  return `${address.ip}\u0000${address.targetRef?.uid ?? ''}`;
}

function portKey(port: EndpointPort): string {
  return JSON.stringify([port.name ?? '', port.port, port.protocol ?? '', port.appProtocol ?? null]);
}

function compareBytes(a: string, b: string): number {
  // IPs are ASCII, so UTF-16 order is byte order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** LessEndpointAddress: by IP bytes, then by target UID (no targetRef first). */
export function compareEndpointAddresses(a: EndpointAddress, b: EndpointAddress): number {
  const byIp = compareBytes(a.ip, b.ip);
  if (byIp !== 0) return byIp;
  if (!b.targetRef) return a.targetRef ? 1 : 0;
  if (!a.targetRef) return -1;
  return compareBytes(a.targetRef.uid ?? '', b.targetRef.uid ?? '');
}

export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddresses = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort; addresses: Map<string, AddressEntry> }>();

  const mapAddress = (address: EndpointAddress, port: EndpointPort, ready: boolean): void => {
    const key = addressKey(address);
    let existing = allAddresses.get(key);
    if (!existing) {
      existing = { ...address };
      allAddresses.set(key, existing);
    }
    const id = portKey(port);
    let entry = byPort.get(id);
    if (!entry) {
      entry = { port, addresses: new Map() };
      byPort.set(id, entry);
    }
    const previous = entry.addresses.get(key);
    if (!previous || previous.ready) entry.addresses.set(key, { address: existing, ready });
  };

  for (const subset of subsets) {
    const ports = subset.ports?.length ? subset.ports : [{ port: SENTINEL }];
    for (const port of ports) {
      for (const address of subset.addresses ?? []) mapAddress(address, port, true);
      for (const address of subset.notReadyAddresses ?? []) mapAddress(address, port, false);
    }
  }

  // Group ports by the exact set of (address, ready) they reach.
  const groups = new Map<string, { entries: AddressEntry[]; ports: EndpointPort[] }>();
  for (const { port, addresses } of byPort.values()) {
    const entries = [...addresses.values()].sort((a, b) => compareEndpointAddresses(a.address, b.address));
    const key = JSON.stringify(entries.map((entry) => [addressKey(entry.address), entry.ready]));
    let group = groups.get(key);
    if (!group) {
      group = { entries, ports: [] };
      groups.set(key, group);
    }
    if (port.port > 0) group.ports.push(port);
  }

  const final: EndpointSubset[] = [];
  for (const { entries, ports } of groups.values()) {
    const subset: EndpointSubset = {};
    const ready = entries.filter((entry) => entry.ready).map((entry) => entry.address);
    const notReady = entries.filter((entry) => !entry.ready).map((entry) => entry.address);
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (ports.length) subset.ports = sortByDumpHash(ports, dumpEndpointPort);
    final.push(subset);
  }
  return sortByDumpHash(final, dumpEndpointSubset);
}
