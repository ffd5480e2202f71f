// The Service resource: its definition for the registry, and readers for
// the modules that act on Services.
export { serviceDefinition } from './definition';
export { serviceSpec, type LoadBalancerIngressView, type ServicePortView, type ServiceSpecView } from './reader';
export { ClusterIpRange, ipRangeOffset } from './ip-allocator';
export { portRangeOffset } from './port-allocator';
