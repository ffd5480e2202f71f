// The EndpointSlice controller of kube-controller-manager
// (pkg/controller/endpointslice with the staging endpointslice reconciler):
// discovery.k8s.io/v1 EndpointSlices for every Service with a selector, at
// most 100 endpoints each, one group of slices per distinct port mapping,
// and a placeholder slice when there are no endpoints at all.
import type { KubeObject } from '../../api/objects';
import { keyOf, RESOURCES } from '../../api/resource-refs';
import { serviceSpec } from '../../registry/service';
import type { StoreEvent } from '../../store/object-store';
import type { Controller, ControllerContext } from '../controller';
import { objectKey, splitKey } from '../queue-keys';
import { podChangeKeys, serviceKeysOf } from './pod-changes';
import { podView } from './pod-view';
import { addressTypesForService, listSelectedPods, selectorOf } from './service-pods';
import { managedSlices, type EndpointSliceObject } from './slice-objects';
import { planSlices } from './slice-reconciler';
import { applySliceWrites, recycleSlices, SliceWriteError, stampTriggerTime } from './slice-writes';
import { TriggerTimeTracker } from './trigger-time';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, SLICE_CONTROLLER_NAME } from './types';

const SOURCE = { component: 'endpoint-slice-controller' };
/** --max-endpoints-per-slice's default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** The service queue's rate limiter: 1s doubling up to 1000s, dropped after 15 retries. */
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 1000 * 1000;
const MAX_RETRIES = 15;

/** The Service key of a slice this controller manages. */
function managedSliceKey(slice: Readonly<KubeObject> | undefined, controllerName: string): string | undefined {
  const labels = slice?.metadata.labels ?? {};
  const service = labels[SERVICE_NAME_LABEL];
  if (labels[MANAGED_BY_LABEL] !== controllerName || !service) return undefined;
  return `${slice?.metadata.namespace ?? ''}/${service}`;
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private readonly triggerTimes = new TriggerTimeTracker();
  private readonly failures = new Map<string, number>();

  constructor(private readonly maxEndpointsPerSlice = MAX_ENDPOINTS_PER_SLICE) {}

  keysFor(event: StoreEvent): readonly string[] {
    const { object, previous } = event;
    if (event.resource === 'services') return [objectKey(object)];
    if (event.resource === 'pods') return podChangeKeys(event);
    if (event.resource === keyOf(RESOURCES.endpointslices)) {
      // Someone else touched a managed slice (or took it over): resync its Service.
      const keys = [managedSliceKey(object, SLICE_CONTROLLER_NAME), managedSliceKey(previous, SLICE_CONTROLLER_NAME)];
      return [...new Set(keys.filter((key): key is string => key !== undefined))];
    }
    return [];
  }

  sync(key: string, context: ControllerContext): void {
    for (const service of serviceKeysOf(context.client, key)) this.syncService(service, context);
  }

  private syncService(key: string, context: ControllerContext): void {
    const [namespace, name] = splitKey(key);
    const { client } = context;
    const service = client.get(RESOURCES.services, namespace, name);
    if (!service) {
      this.triggerTimes.deleteService(namespace, name);
      this.failures.delete(key);
      this.collectOrphans(namespace, name, context);
      return;
    }
    if (serviceSpec(service).type === 'ExternalName') return;
    const selector = selectorOf(service);
    if (!selector) return;

    const pods = listSelectedPods(client, namespace, selector);
    const slices = managedSlices(client.list(RESOURCES.endpointslices, namespace), name, SLICE_CONTROLLER_NAME).filter(
      (slice) => !slice.metadata.deletionTimestamp,
    );
    const triggerTime = this.triggerTimes.compute(service, pods.map(podView), {
      now: context.now(),
      alreadySynced: slices.length > 0,
    });

    const errors: string[] = [];
    try {
      errors.push(...this.reconcile(service, pods, slices, triggerTime, context));
    } catch (error) {
      if (!(error instanceof SliceWriteError)) throw error;
      this.recordFailure(service, error.message, context);
      throw error.refusal;
    }
    if (errors.length === 0) {
      this.failures.delete(key);
      return;
    }
    this.recordFailure(service, errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`, context);
    const failures = (this.failures.get(key) ?? 0) + 1;
    if (failures > MAX_RETRIES) {
      this.failures.delete(key);
      return;
    }
    this.failures.set(key, failures);
    context.after(Math.min(RETRY_BASE_MS * 2 ** (failures - 1), RETRY_MAX_MS), key);
  }

  /** Reconcile: each address type the Service has, then slices of types it dropped. */
  private reconcile(
    service: Readonly<KubeObject>,
    pods: readonly KubeObject[],
    slices: readonly EndpointSliceObject[],
    triggerTime: number | undefined,
    context: ControllerContext,
  ): string[] {
    const { client } = context;
    const namespace = service.metadata.namespace ?? '';
    const types = addressTypesForService(service);
    const owner = {
      namespace,
      description: `Service ${namespace}/${service.metadata.name ?? ''}`,
      deleting: service.metadata.deletionTimestamp !== undefined,
    };
    const errors: string[] = [];
    for (const addressType of types) {
      const plan = planSlices({
        service,
        pods,
        existing: slices.filter((slice) => slice.addressType === addressType),
        addressType,
        node: (nodeName) => client.get(RESOURCES.nodes, undefined, nodeName),
        maxEndpointsPerSlice: this.maxEndpointsPerSlice,
        controllerName: SLICE_CONTROLLER_NAME,
      });
      errors.push(...plan.errors);
      applySliceWrites(client, recycleSlices(plan, service), owner, (slice) => stampTriggerTime(slice, triggerTime));
    }
    const unsupported = slices.filter((slice) => !types.includes(slice.addressType));
    applySliceWrites(client, { toCreate: [], toUpdate: [], toDelete: unsupported }, owner);
    return errors;
  }

  private recordFailure(service: Readonly<KubeObject>, reason: string, context: ControllerContext): void {
    const target = `${service.metadata.namespace ?? ''}/${service.metadata.name ?? ''}`;
    const message = `Error updating Endpoint Slices for Service ${target}: ${reason}`;
    context.events.record(service, 'Warning', 'FailedToUpdateEndpointSlices', message, SOURCE);
  }

  /**
   * What the garbage collector does for a deleted Service: its slices go
   * with it (they name it as their controlling owner).
   */
  private collectOrphans(namespace: string, name: string, context: ControllerContext): void {
    const live = new Set(context.client.list(RESOURCES.services, namespace).map((service) => service.metadata.uid));
    for (const slice of managedSlices(
      context.client.list(RESOURCES.endpointslices, namespace),
      name,
      SLICE_CONTROLLER_NAME,
    )) {
      const owner = (slice.metadata.ownerReferences ?? []).find((ref) => ref.controller && ref.kind === 'Service');
      if (owner && !live.has(owner.uid))
        context.client.delete(RESOURCES.endpointslices, namespace, slice.metadata.name ?? '');
    }
  }
}
