// The EndpointSlice mirroring controller of kube-controller-manager: a
// Service without a selector gets its hand-written Endpoints copied into
// EndpointSlices, unless the Endpoints opts out with the skip-mirror label
// (as the API server's own `kubernetes` Endpoints does).
import type { KubeObject } from '../../api/objects';
import { keyOf, RESOURCES } from '../../api/resource-refs';
import type { StoreEvent } from '../../store/object-store';
import type { Controller, ControllerContext } from '../controller';
import { objectKey, splitKey } from '../queue-keys';
import { MAX_ENDPOINTS_PER_SUBSET, planMirroredSlices } from './mirroring-reconciler';
import { selectorOf } from './service-pods';
import { managedSlices } from './slice-objects';
import { applySliceWrites, SliceWriteError } from './slice-writes';
import {
  LEADER_ELECTION_ANNOTATION,
  MANAGED_BY_LABEL,
  MIRRORING_CONTROLLER_NAME,
  SERVICE_NAME_LABEL,
  SKIP_MIRROR_LABEL,
} from './types';

const SOURCE = { component: 'endpoint-slice-mirroring-controller' };

/** shouldMirror: not opted out, and no leader-election record. */
function shouldMirror(endpoints: Readonly<KubeObject> | undefined): boolean {
  if (!endpoints) return false;
  if (endpoints.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true') return false;
  return !(LEADER_ELECTION_ANNOTATION in (endpoints.metadata.annotations ?? {}));
}

function mirroredSliceKey(slice: Readonly<KubeObject> | undefined): string | undefined {
  const labels = slice?.metadata.labels ?? {};
  const name = labels[SERVICE_NAME_LABEL];
  if (labels[MANAGED_BY_LABEL] !== MIRRORING_CONTROLLER_NAME || !name) return undefined;
  return `${slice?.metadata.namespace ?? ''}/${name}`;
}

export class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslice-mirroring-controller';

  constructor(private readonly maxEndpointsPerSubset = MAX_ENDPOINTS_PER_SUBSET) {}

  keysFor(event: StoreEvent): readonly string[] {
    const { object, previous } = event;
    if (event.resource === keyOf(RESOURCES.endpoints)) {
      return shouldMirror(object) || shouldMirror(previous) ? [objectKey(object)] : [];
    }
    if (event.resource === 'services') {
      const selectorless = selectorOf(object) === undefined;
      if (event.type !== 'MODIFIED' || !previous) return selectorless ? [objectKey(object)] : [];
      return selectorless !== (selectorOf(previous) === undefined) ? [objectKey(object)] : [];
    }
    if (event.resource === keyOf(RESOURCES.endpointslices)) {
      const keys = [mirroredSliceKey(object), mirroredSliceKey(previous)];
      return [...new Set(keys.filter((key): key is string => key !== undefined))];
    }
    return [];
  }

  sync(key: string, context: ControllerContext): void {
    const [namespace, name] = splitKey(key);
    const { client } = context;
    const endpoints = client.get(RESOURCES.endpoints, namespace, name);
    const service = client.get(RESOURCES.services, namespace, name);
    const mirrored = managedSlices(client.list(RESOURCES.endpointslices, namespace), name, MIRRORING_CONTROLLER_NAME);
    if (!endpoints || !shouldMirror(endpoints) || !service || selectorOf(service) !== undefined) {
      // Nothing (more) to mirror: the copies go.
      for (const slice of mirrored) client.delete(RESOURCES.endpointslices, namespace, slice.metadata.name ?? '');
      return;
    }

    const plan = planMirroredSlices(endpoints, mirrored, this.maxEndpointsPerSubset);
    if (plan.invalidAddresses > 0) {
      const message = `Skipped ${plan.invalidAddresses} invalid IP addresses when mirroring to EndpointSlices`;
      context.events.record(endpoints, 'Warning', 'InvalidIPAddress', message, SOURCE);
    }
    if (plan.skippedAddresses > plan.invalidAddresses) {
      const message =
        `A max of ${this.maxEndpointsPerSubset} addresses can be mirrored to EndpointSlices per Endpoints subset. ` +
        `${plan.skippedAddresses} addresses were skipped`;
      context.events.record(endpoints, 'Warning', 'TooManyAddressesToMirror', message, SOURCE);
    }
    try {
      applySliceWrites(client, plan, {
        namespace,
        description: `Endpoints ${namespace}/${name}`,
        deleting: endpoints.metadata.deletionTimestamp !== undefined,
      });
    } catch (error) {
      // The runtime retries API refusals.
      throw error instanceof SliceWriteError ? error.refusal : error;
    }
  }
}
