// The core/v1 kinds besides Pods and Services (Namespaces, Nodes,
// ConfigMaps, Secrets, ServiceAccounts, Events, Endpoints) and
// discovery.k8s.io/v1 EndpointSlices.
export { configMapDefinition, validateConfigMap } from './configmaps';
export { endpointSliceDefinition, validateEndpointSlice } from './endpointslices';
export { endpointsDefinition, validateEndpoints, validateNonSpecialIP } from './endpoints';
export { eventDefinition, validateEvent } from './events';
export { NAMESPACE_FINALIZER, NAMESPACE_NAME_LABEL, namespaceDefinition } from './namespaces';
export { nodeDefinition } from './nodes';
export { MAX_SECRET_SIZE, secretDefinition, validateSecret } from './secrets';
export { serviceAccountDefinition } from './serviceaccounts';
