// The kubeconfig a kubeadm control plane leaves for root (~/.kube/config).
import type { KubeconfigState } from './context';

export function defaultKubeconfig(apiServer: string): KubeconfigState {
  return {
    currentContext: 'kubernetes-admin@kubernetes',
    contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
    clusters: [{ name: 'kubernetes', server: apiServer, certificateAuthorityData: 'DATA+OMITTED' }],
    users: [{ name: 'kubernetes-admin', clientCertificateData: 'DATA+OMITTED', clientKeyData: 'DATA+OMITTED' }],
  };
}
