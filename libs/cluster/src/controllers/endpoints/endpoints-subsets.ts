// The subsets the Endpoints controller wants for a Service (syncService's
// loop), and truncateEndpoints for Services past 1000 addresses.
import type { KubeObject } from '../../api/objects';
import { serviceSpec } from '../../registry/service';
import { findPort, podView, shouldPodBeInEndpoints, shouldSetHostname } from './pod-view';
import { repackSubsets } from './repack';
import { appProtocols, endpointsFamily, ipsOfFamily } from './service-pods';
import type { EndpointAddress, EndpointPort, EndpointSubset } from './types';

/** maxCapacity: the most addresses one Endpoints object holds. */
export const MAX_CAPACITY = 1000;

function endpointAddress(service: Readonly<KubeObject>, pod: Readonly<KubeObject>): EndpointAddress | undefined {
  const view = podView(pod);
  const family = endpointsFamily(service, view.podIPs[0] ?? '');
  const ip = ipsOfFamily(view.podIPs, family)[0];
  if (ip === undefined) return undefined;
  const address: EndpointAddress = {
    ip,
    nodeName: view.nodeName,
    targetRef: { kind: 'Pod', namespace: view.namespace, name: view.name, uid: view.uid },
  };
  if (shouldSetHostname(view, service.metadata.name ?? '', service.metadata.namespace ?? '')) {
    address.hostname = view.hostname;
  }
  return address;
}

function subsetFor(address: EndpointAddress, port: EndpointPort | undefined, ready: boolean): EndpointSubset {
  const subset: EndpointSubset = ready ? { addresses: [address] } : { notReadyAddresses: [address] };
  if (port) subset.ports = [port];
  return subset;
}

/** The canonical subsets for a Service with a selector over `pods` (the pods it selects). */
export function desiredSubsets(service: Readonly<KubeObject>, pods: readonly KubeObject[]): EndpointSubset[] {
  const spec = serviceSpec(service);
  const protocols = appProtocols(service);
  const subsets: EndpointSubset[] = [];
  for (const pod of pods) {
    const view = podView(pod);
    if (!shouldPodBeInEndpoints(view, spec.publishNotReadyAddresses)) continue;
    const address = endpointAddress(service, pod);
    if (!address) continue;
    const ready = spec.publishNotReadyAddresses || view.ready;
    if (spec.ports.length === 0) {
      // Headless Services may have no ports at all.
      if (spec.clusterIP === 'None') subsets.push(subsetFor(address, undefined, ready));
      continue;
    }
    spec.ports.forEach((servicePort, index) => {
      const portNumber = findPort(pod, servicePort);
      if (portNumber === undefined) return;
      const port: EndpointPort = { port: portNumber, protocol: servicePort.protocol };
      if (servicePort.name) port.name = servicePort.name;
      const appProtocol = protocols[index];
      if (appProtocol !== undefined) port.appProtocol = appProtocol;
      subsets.push(subsetFor({ ...address }, port, ready));
    });
  }
  return repackSubsets(subsets);
}

export function addressCount(subsets: readonly EndpointSubset[]): number {
  return subsets.reduce(
    (total, subset) => total + (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0),
    0,
  );
}

/**
 * truncateEndpoints: keeps at most MAX_CAPACITY addresses, ready ones
 * first, each subset keeping its share (rounded up) of what remains.
 * Returns undefined when nothing needs cutting.
 */
export function truncateSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] | undefined {
  const totalReady = subsets.reduce((total, subset) => total + (subset.addresses?.length ?? 0), 0);
  const totalNotReady = subsets.reduce((total, subset) => total + (subset.notReadyAddresses?.length ?? 0), 0);
  if (totalReady + totalNotReady <= MAX_CAPACITY) return undefined;
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  return subsets.map((original) => {
    const subset: EndpointSubset = { ...original };
    const inSubset = truncateReady ? (subset.addresses?.length ?? 0) : (subset.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      subset.addresses = subset.addresses?.slice(0, toBeAdded);
      // NotReadyAddresses becomes an empty list, which the API drops.
      delete subset.notReadyAddresses;
      canBeAdded -= subset.addresses?.length ?? 0;
      if (subset.addresses?.length === 0) delete subset.addresses;
    } else {
      subset.notReadyAddresses = subset.notReadyAddresses?.slice(0, toBeAdded);
      canBeAdded -= subset.notReadyAddresses?.length ?? 0;
      if (subset.notReadyAddresses?.length === 0) delete subset.notReadyAddresses;
    }
    return subset;
  });
}
