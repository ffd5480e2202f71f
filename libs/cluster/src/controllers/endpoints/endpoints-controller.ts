// The Endpoints controller of kube-controller-manager
// (pkg/controller/endpoint): one core/v1 Endpoints per Service with a
// selector, named after it, listing the selected pods' addresses and the
// resolved target ports. Services without a selector keep whatever
// Endpoints their users write; ExternalName Services get none.
import { ApiError } from '../../api/errors';
import { cloneJson, type KubeObject } from '../../api/objects';
import { keyOf, RESOURCES } from '../../api/resource-refs';
import { formatTimestamp } from '../../runtime/clock';
import { serviceSpec } from '../../registry/service';
import type { StoreEvent } from '../../store/object-store';
import type { Controller, ControllerContext } from '../controller';
import { objectKey, splitKey } from '../queue-keys';
import { addressCount, desiredSubsets, MAX_CAPACITY, truncateSubsets } from './endpoints-subsets';
import { podChangeKeys, serviceKeysOf } from './pod-changes';
import { podView } from './pod-view';
import { isServiceIPSet, listSelectedPods, selectorOf } from './service-pods';
import { TriggerTimeTracker } from './trigger-time';
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME, OVER_CAPACITY, type EndpointSubset } from './types';

const SOURCE = { component: 'endpoint-controller' };

function subsetsOf(endpoints: Readonly<KubeObject> | undefined): EndpointSubset[] {
  return Array.isArray(endpoints?.subsets) ? (endpoints.subsets as EndpointSubset[]) : [];
}

/** Equal as the API would store them: targetRef resourceVersions aside, empty lists absent. */
function sameSubsets(a: readonly EndpointSubset[], b: readonly EndpointSubset[]): boolean {
  const canonical = (subsets: readonly EndpointSubset[]): string =>
    JSON.stringify(
      subsets.map((subset) => {
        const strip = (addresses: EndpointSubset['addresses']) =>
          addresses?.length
            ? addresses.map((address) => ({
                ip: address.ip,
                hostname: address.hostname ?? '',
                nodeName: address.nodeName ?? null,
                targetRef: address.targetRef ? { ...address.targetRef, resourceVersion: undefined } : null,
              }))
            : [];
        return {
          addresses: strip(subset.addresses),
          notReadyAddresses: strip(subset.notReadyAddresses),
          ports: (subset.ports ?? []).map((port) => [
            port.name ?? '',
            port.port,
            port.protocol ?? '',
            port.appProtocol,
          ]),
        };
      }),
    );
  return canonical(a) === canonical(b);
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const left = a ?? {};
  const right = b ?? {};
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}

/** capacityAnnotationSetCorrectly: within capacity and not marked truncated. */
function capacityAnnotationSetCorrectly(endpoints: Readonly<KubeObject>): boolean {
  if (addressCount(subsetsOf(endpoints)) > MAX_CAPACITY) return false;
  return !(OVER_CAPACITY in (endpoints.metadata.annotations ?? {}));
}

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  private readonly triggerTimes = new TriggerTimeTracker();

  keysFor(event: StoreEvent): readonly string[] {
    const { object } = event;
    if (event.resource === 'services') return [objectKey(object)];
    if (event.resource === 'pods') return podChangeKeys(event);
    // A deleted Endpoints comes back if its Service still wants it.
    if (event.resource === keyOf(RESOURCES.endpoints) && event.type === 'DELETED') return [objectKey(object)];
    return [];
  }

  sync(key: string, context: ControllerContext): void {
    for (const service of serviceKeysOf(context.client, key)) this.syncService(service, context);
  }

  private syncService(key: string, context: ControllerContext): void {
    const [namespace, name] = splitKey(key);
    const service = context.client.get(RESOURCES.services, namespace, name);
    if (!service) {
      // The Service is gone: so is its Endpoints, whoever wrote it.
      context.client.delete(RESOURCES.endpoints, namespace, name);
      this.triggerTimes.deleteService(namespace, name);
      return;
    }
    if (serviceSpec(service).type === 'ExternalName') return;
    const selector = selectorOf(service);
    if (!selector) return;

    const pods = listSelectedPods(context.client, namespace, selector);
    const current = context.client.get(RESOURCES.endpoints, namespace, name);
    // Computed on every sync, so the tracker learns even when nothing is written.
    const triggerTime = this.triggerTimes.compute(service, pods.map(podView), {
      now: context.now(),
      alreadySynced: current !== undefined,
    });
    const subsets = desiredSubsets(service, pods);

    const labels = { ...(current?.metadata.labels ?? {}) };
    delete labels[HEADLESS_LABEL];
    if (
      current &&
      sameSubsets(subsetsOf(current), subsets) &&
      sameLabels(labels, service.metadata.labels) &&
      capacityAnnotationSetCorrectly(current)
    ) {
      return;
    }
    this.write(service, current, subsets, triggerTime, context);
  }

  private write(
    service: Readonly<KubeObject>,
    current: Readonly<KubeObject> | undefined,
    subsets: EndpointSubset[],
    triggerTime: number | undefined,
    context: ControllerContext,
  ): void {
    const endpoints: KubeObject = current
      ? context.client.copy(current)
      : {
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata: { name: service.metadata.name ?? '', namespace: service.metadata.namespace ?? '' },
        };
    const annotations = { ...(endpoints.metadata.annotations ?? {}) };
    if (triggerTime !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = formatTimestamp(triggerTime);
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    const truncated = truncateSubsets(subsets);
    if (truncated) annotations[OVER_CAPACITY] = 'truncated';
    else delete annotations[OVER_CAPACITY];
    const finalSubsets = truncated ?? subsets;

    const labels: Record<string, string> = cloneJson(service.metadata.labels ?? {});
    if (!isServiceIPSet(service)) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];

    if (Object.keys(labels).length) endpoints.metadata.labels = labels;
    else delete endpoints.metadata.labels;
    if (Object.keys(annotations).length) endpoints.metadata.annotations = annotations;
    else delete endpoints.metadata.annotations;
    if (finalSubsets.length) endpoints.subsets = finalSubsets;
    else delete endpoints.subsets;

    try {
      if (current) context.client.update(RESOURCES.endpoints, endpoints);
      else context.client.create(RESOURCES.endpoints, endpoints);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // The namespace is going away: creates will keep failing, so stop here.
      if (!current && isNamespaceTerminating(error)) return;
      const namespace = service.metadata.namespace ?? '';
      const name = service.metadata.name ?? '';
      const message = current
        ? `Failed to update endpoint ${namespace}/${name}: ${error.message}`
        : `Failed to create endpoint for service ${namespace}/${name}: ${error.message}`;
      context.events.record(
        endpoints,
        'Warning',
        current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint',
        message,
        SOURCE,
      );
      throw error;
    }
  }
}

function isNamespaceTerminating(error: ApiError): boolean {
  return error.status.details?.causes?.some((cause) => cause.reason === 'NamespaceTerminating') ?? false;
}
