// The kubelet of every simulated node, and what other modules use of it:
// node status for the bootstrap, container environments for `kubectl exec`,
// container logs for `kubectl logs`, the log buffer for the network model.
export { KubeletController, type KubeletOptions } from './kubelet';
export { nodeStatusFor, bootstrapImages, type NodeImage } from './node-status';
export { containerEnvironment, kubeletEnvironment, type EnvironmentResult, type EnvSources } from './container-env';
export { fromServices, serviceEnvironment, servicesAt, visibleServices, type EnvVar } from './service-env';
export { containerLogs, type LogResult, type LogSources } from './container-logs';
export { ContainerLogBuffer, currentAttempt, type ContainerLogState, type LogEntry } from './logs';
export { effectiveCommand, execInContainer, processModel, type ProcessImage, type ProcessModel } from './process-model';
export { catalogueImages, type ImageCatalogue, type ImageLookup, type KubeletImage } from './images';
export { emptyKubeletState, type KubeletState } from './runtime-state';
export { qosClass, podRequests, parseQuantity } from './resources';
