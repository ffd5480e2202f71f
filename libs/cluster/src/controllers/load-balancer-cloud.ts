// The simulated cloud behind the service controller: nodes it balances
// across, and the address a load balancer gets from the configured pool.
import { isRecord, type KubeObject } from '../api/objects';

const EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';
const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';

/** stableNodeSetPredicates: not being deleted, not excluded, not tainted for removal. */
export function stableNodes(nodes: readonly KubeObject[]): KubeObject[] {
  return nodes.filter((node) => {
    if (node.metadata.deletionTimestamp !== undefined) return false;
    if (EXCLUDE_LABEL in (node.metadata.labels ?? {})) return false;
    const taints = isRecord(node.spec) && Array.isArray(node.spec.taints) ? node.spec.taints : [];
    return !taints.some((taint) => isRecord(taint) && taint.key === TO_BE_DELETED_TAINT);
  });
}

function ingressIPs(service: Readonly<KubeObject>): string[] {
  const status = isRecord(service.status) ? service.status : {};
  const balancer = isRecord(status.loadBalancer) ? status.loadBalancer : {};
  const ingress = Array.isArray(balancer.ingress) ? balancer.ingress : [];
  return ingress.flatMap((entry) => (isRecord(entry) && typeof entry.ip === 'string' ? [entry.ip] : []));
}

export type AddressChoice = { ip: string } | { error: string };

/**
 * The load balancer's address: `spec.loadBalancerIP` when the pool has it
 * free, else the address it already holds, else the first free one.
 */
export function chooseAddress(
  service: Readonly<KubeObject>,
  services: readonly KubeObject[],
  pool: readonly string[],
): AddressChoice {
  const inUse = new Set(
    services.filter((other) => other.metadata.uid !== service.metadata.uid).flatMap((other) => ingressIPs(other)),
  );
  const spec = isRecord(service.spec) ? service.spec : {};
  const requested = typeof spec.loadBalancerIP === 'string' ? spec.loadBalancerIP : '';
  if (requested) {
    // Worded as the GCE provider refuses an address it cannot give.
    if (!pool.includes(requested) || inUse.has(requested)) {
      return { error: `requested ip "${requested}" is neither static nor assigned to the LB` };
    }
    return { ip: requested };
  }
  const held = ingressIPs(service).find((ip) => pool.includes(ip) && !inUse.has(ip));
  if (held) return { ip: held };
  const free = pool.find((ip) => !inUse.has(ip));
  return free ? { ip: free } : { error: 'no free address left in the load balancer address pool' };
}
