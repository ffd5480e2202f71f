// @kubelab/kubectl: kubectl v1.32's commands and printers on the simulated cluster's request API.
export type {
  CancelSignal,
  KubeconfigContext,
  KubeconfigState,
  KubectlClock,
  KubectlContext,
  KubectlFiles,
  KubectlInput,
  KubectlOutput,
  KubectlTerminal,
  LocalHttpRequest,
  LocalHttpResponse,
  LocalListenerHandler,
  LocalListeners,
} from './context';
export { runKubectl } from './run-kubectl';
export { defaultKubeconfig } from './kubeconfig';
export { completeKubectl } from './completion';
export { rootCommandNames } from './help/help';
