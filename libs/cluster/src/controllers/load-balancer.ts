// The service controller of kube-controller-manager / cloud-controller-manager
// (k8s.io/cloud-provider/controllers/service) with a simulated cloud whose
// load balancers take addresses from `config.loadBalancer.addressPool`.
// A kubeadm cluster runs no cloud provider: with the pool disabled nothing
// happens and LoadBalancer Services stay <pending>.
//
// Which address a load balancer holds is the Service's own status, and a
// load balancer exists while its Service carries the cleanup finalizer, so
// nothing lives outside the store.
import { isRecord, type KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { chooseAddress, stableNodes } from './load-balancer-cloud';
import { objectKey, splitKey } from './queue-keys';
import { needsUpdate } from './load-balancer-changes';

export const LOAD_BALANCER_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';

const SOURCE = { component: 'service-controller' };
/** The node-sync pass over every load balancer (a key no Service can have). */
const NODES_KEY = 'nodes';
/** The service queue's exponential backoff (minRetryDelay, maxRetryDelay). */
const MIN_RETRY_MS = 5000;
const MAX_RETRY_MS = 300000;

interface ServiceShape {
  type?: string;
  loadBalancerClass?: string;
}

function specOf(service: Readonly<KubeObject>): ServiceShape {
  return isRecord(service.spec) ? service.spec : {};
}

/** wantsLoadBalancer: type LoadBalancer, and no other implementation named by loadBalancerClass. */
export function wantsLoadBalancer(service: Readonly<KubeObject>): boolean {
  const spec = specOf(service);
  return spec.type === 'LoadBalancer' && spec.loadBalancerClass === undefined;
}

function hasFinalizer(service: Readonly<KubeObject>): boolean {
  return (service.metadata.finalizers ?? []).includes(LOAD_BALANCER_CLEANUP_FINALIZER);
}

/** needsCleanup: a load balancer is held but the Service is going away or no longer a LoadBalancer. */
function needsCleanup(service: Readonly<KubeObject>): boolean {
  if (!hasFinalizer(service)) return false;
  return service.metadata.deletionTimestamp !== undefined || specOf(service).type !== 'LoadBalancer';
}

function ingressOf(service: Readonly<KubeObject>): unknown[] {
  const status = isRecord(service.status) ? service.status : {};
  const balancer = isRecord(status.loadBalancer) ? status.loadBalancer : {};
  return Array.isArray(balancer.ingress) ? balancer.ingress : [];
}

export class ServiceLoadBalancerController implements Controller {
  readonly name = 'service-controller';

  keysFor(event: StoreEvent): readonly string[] {
    if (event.resource === 'nodes') return nodeChangeMatters(event) ? [NODES_KEY] : [];
    if (event.resource !== 'services' || event.type === 'DELETED') return [];
    const service = event.object;
    const key = objectKey(service);
    if (needsCleanup(service)) return [key];
    if (event.type === 'ADDED' || !event.previous) return wantsLoadBalancer(service) ? [key] : [];
    return needsUpdate(event.previous, service) ? [key] : [];
  }

  sync(key: string, context: ControllerContext): void {
    if (!context.config.loadBalancer.enabled) return;
    if (key === NODES_KEY) {
      this.syncNodes(context);
      return;
    }
    const [namespace, name] = splitKey(key);
    const service = context.client.get(RESOURCES.services, namespace, name);
    if (!service) return;
    if (!wantsLoadBalancer(service) || needsCleanup(service)) this.deleteLoadBalancer(service, context);
    else this.ensureLoadBalancer(key, service, context);
  }

  private deleteLoadBalancer(service: Readonly<KubeObject>, context: ControllerContext): void {
    if (hasFinalizer(service)) {
      context.events.record(service, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', SOURCE);
      const updated = context.client.copy(service);
      updated.metadata.finalizers = (updated.metadata.finalizers ?? []).filter(
        (finalizer) => finalizer !== LOAD_BALANCER_CLEANUP_FINALIZER,
      );
      if (updated.metadata.finalizers.length === 0) delete updated.metadata.finalizers;
      context.client.update(RESOURCES.services, updated);
    }
    context.events.record(service, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', SOURCE);
    this.patchStatus(service, [], context);
  }

  private ensureLoadBalancer(key: string, service: Readonly<KubeObject>, context: ControllerContext): void {
    context.events.record(service, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
    if (!hasFinalizer(service)) {
      const updated = context.client.copy(service);
      updated.metadata.finalizers = [...(updated.metadata.finalizers ?? []), LOAD_BALANCER_CLEANUP_FINALIZER];
      context.client.update(RESOURCES.services, updated);
    }
    if (stableNodes(context.client.list(RESOURCES.nodes)).length === 0) {
      const message = 'There are no available nodes for LoadBalancer';
      context.events.record(service, 'Warning', 'UnAvailableLoadBalancer', message, SOURCE);
    }
    const services = context.client.list(RESOURCES.services);
    const choice = chooseAddress(service, services, context.config.loadBalancer.addressPool);
    if ('error' in choice) {
      const message = `Error syncing load balancer: failed to ensure load balancer: ${choice.error}`;
      context.events.record(service, 'Warning', 'SyncLoadBalancerFailed', message, SOURCE);
      context.after(this.retryDelay(service, context), key);
      return;
    }
    context.events.record(service, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
    this.patchStatus(service, [{ ip: choice.ip }], context);
  }

  private patchStatus(service: Readonly<KubeObject>, ingress: Array<{ ip: string }>, context: ControllerContext): void {
    const current = context.client.get(RESOURCES.services, service.metadata.namespace, service.metadata.name ?? '');
    if (!current) return;
    const previous = ingressOf(current).map((entry) => (isRecord(entry) ? entry.ip : undefined));
    if (previous.length === ingress.length && ingress.every((entry, index) => entry.ip === previous[index])) return;
    const updated = context.client.copy(current);
    const status = isRecord(updated.status) ? updated.status : (updated.status = {});
    status.loadBalancer = ingress.length ? { ingress } : {};
    context.client.updateStatus(RESOURCES.services, updated);
  }

  /** ItemExponentialFailureRateLimiter, counting failures by the Warning event's count. */
  private retryDelay(service: Readonly<KubeObject>, context: ControllerContext): number {
    const failures = context.client
      .list(RESOURCES.events, service.metadata.namespace)
      .filter((event) => {
        const involved = isRecord(event.involvedObject) ? event.involvedObject : {};
        return involved.uid === service.metadata.uid && event.reason === 'SyncLoadBalancerFailed';
      })
      .reduce((total, event) => total + (typeof event.count === 'number' ? event.count : 1), 0);
    return Math.min(MIN_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
  }

  /** updateLoadBalancerHosts: every load balancer is told about the new set of nodes. */
  private syncNodes(context: ControllerContext): void {
    const hosts = stableNodes(context.client.list(RESOURCES.nodes));
    for (const service of context.client.list(RESOURCES.services)) {
      if (!wantsLoadBalancer(service) || !hasFinalizer(service)) continue;
      if (hosts.length === 0) {
        const message = 'There are no available nodes for LoadBalancer';
        context.events.record(service, 'Warning', 'UnAvailableLoadBalancer', message, SOURCE);
      } else {
        const message = 'Updated load balancer with new hosts';
        context.events.record(service, 'Normal', 'UpdatedLoadBalancer', message, SOURCE);
      }
    }
  }
}

/** Node adds and deletes, and changes to the exclusion label or providerID, resync load balancers. */
function nodeChangeMatters(event: StoreEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.previous) return true;
  const excluded = (node: Readonly<KubeObject>): boolean =>
    'node.kubernetes.io/exclude-from-external-load-balancers' in (node.metadata.labels ?? {});
  const providerID = (node: Readonly<KubeObject>): unknown => (isRecord(node.spec) ? node.spec.providerID : undefined);
  return excluded(event.previous) !== excluded(event.object) || providerID(event.previous) !== providerID(event.object);
}
