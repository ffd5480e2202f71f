// The resources controllers and the network model address, by group,
// version and plural name.

export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
}

const core = (resource: string): ResourceRef => ({ group: '', version: 'v1', resource });
const apps = (resource: string): ResourceRef => ({ group: 'apps', version: 'v1', resource });

export const RESOURCES = {
  namespaces: core('namespaces'),
  nodes: core('nodes'),
  pods: core('pods'),
  services: core('services'),
  endpoints: core('endpoints'),
  configmaps: core('configmaps'),
  secrets: core('secrets'),
  serviceaccounts: core('serviceaccounts'),
  events: core('events'),
  replicationcontrollers: core('replicationcontrollers'),
  endpointslices: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' },
  deployments: apps('deployments'),
  replicasets: apps('replicasets'),
  daemonsets: apps('daemonsets'),
  statefulsets: apps('statefulsets'),
  controllerrevisions: apps('controllerrevisions'),
} as const;

/** The store's key for a resource: `pods`, `deployments.apps`. */
export function keyOf(ref: Pick<ResourceRef, 'group' | 'resource'>): string {
  return ref.group ? `${ref.resource}.${ref.group}` : ref.resource;
}
