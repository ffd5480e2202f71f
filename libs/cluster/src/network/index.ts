// The simulated dataplane: addresses, cluster DNS (CoreDNS and the pods'
// resolver), the rules kube-proxy programs (iptables and ipvs), and
// connections through them to whatever listens.
export * from './addresses';
export { networkView, type NetworkView, type NodeView } from './view';
export { emptyNetworkState, proxyModeFor, type AffinityEntry, type NetworkState } from './state';
export {
  categorizeEndpoints,
  endpointsForPort,
  type CategorizedEndpoints,
  type EndpointView,
  type TrafficPolicies,
} from './endpoints';
export { endpointChain, portProtoHash, serviceChains, servicePortName, type ServiceChains } from './chain-names';
export {
  isProxied,
  matchFrontend,
  programmedRules,
  servicePortRules,
  type FrontendKind,
  type FrontendMatch,
  type ProgrammedEndpoint,
  type ServicePortRules,
} from './kube-proxy';
export { iptablesProbability, iptablesSave, type IptablesSaveOptions, type IptablesTable } from './iptables-save';
export { ipvsadmList, virtualServers, type VirtualServer } from './ipvs';
export { EXAMPLE_IPV4, EXAMPLE_IPV6, outsideLookup, type DnsRecord, type DnsType } from './outside';
export { coreDnsAnswer, type DnsAnswer } from './coredns';
export {
  resolve,
  resolverSettings,
  searchCandidates,
  type DnsStatus,
  type ResolveRequest,
  type ResolveResult,
} from './dns';
export {
  formatResolvConf,
  hostDnsSettings,
  podDnsSettings,
  podDnsSource,
  resolvConf,
  type DnsSettings,
  type PodDnsSource,
} from './resolv-conf';
export { podListeners, type PodListener } from './listeners';
export { connect } from './connect';
export type {
  ConnectError,
  ConnectFailure,
  ConnectRequest,
  ConnectResult,
  ConnectSource,
  ConnectSuccess,
  Hop,
  HttpExchange,
  LogSink,
  ReachedPod,
} from './connect-types';
export { pingable } from './ping';
export { ClusterNetwork, type ClusterConnectRequest, type ClusterResolveRequest } from './cluster-network';
