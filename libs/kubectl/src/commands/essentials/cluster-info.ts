// `kubectl cluster-info`: the control plane's address and the services
// labelled kubernetes.io/cluster-service=true, in kubectl's colours.
import type { Invocation, KubectlCommand } from '../../cli/invocation';

/** go-colortext colours only a terminal. */
function colours(inv: Invocation): { green: string; yellow: string; reset: string } {
  return inv.ctx.stdout.isTTY
    ? { green: '\x1b[0;32m', yellow: '\x1b[0;33m', reset: '\x1b[0m' }
    : { green: '', yellow: '', reset: '' };
}

function runClusterInfo(inv: Invocation): number {
  const { green: GREEN, yellow: YELLOW, reset: RESET } = colours(inv);
  const config = inv.ctx.kubeconfig;
  const context = config.contexts.find((candidate) => candidate.name === config.currentContext);
  const server = config.clusters.find((cluster) => cluster.name === context?.cluster)?.server ?? '';
  inv.out(`${GREEN}Kubernetes control plane${RESET} is running at ${YELLOW}${server}${RESET}\n`);
  const services = inv.client.list(inv.mapper.require('services'), 'kube-system', {
    labelSelector: 'kubernetes.io/cluster-service=true',
  }).items;
  for (const service of services) {
    const labels = service.metadata?.labels ?? {};
    const name = labels['kubernetes.io/name'] ?? service.metadata?.name ?? '';
    const ports = (service.spec as { ports?: Array<{ name?: string; port?: number }> } | undefined)?.ports ?? [];
    const port = ports[0]?.name ?? String(ports[0]?.port ?? '');
    const link = `${server}/api/v1/namespaces/kube-system/services/${service.metadata?.name ?? ''}${port ? `:${port}` : ''}/proxy`;
    inv.out(`${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`);
  }
  inv.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

export const clusterInfoCommand: KubectlCommand = { path: 'cluster-info', run: runClusterInfo };
