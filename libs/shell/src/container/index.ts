// The environment of a container a shell enters.
export { containerEnvironment, type ContainerEnvironment, type ContainerTarget } from './container-environment';
export { managedHostsFile, type HostsFileSource } from './hosts-file';
