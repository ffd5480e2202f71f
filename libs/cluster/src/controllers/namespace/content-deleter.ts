// deletion/namespaced_resources_deleter.go deleteAllContent: every namespaced
// resource that can be deleted is deleted (background propagation), then
// listed again to count what remains, which finalizers hold it, and how long
// terminating pods may still take.
import { ApiError } from '../../api/errors';
import { isRecord, type KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import { parseTimestamp } from '../../runtime/clock';
import type { InternalClient } from '../internal-client';
import type { ContentTotals } from './deletion-conditions';

/** finalizerEstimateSeconds: the wait assumed for objects held by finalizers. */
const FINALIZER_ESTIMATE_SECONDS = 15;

export interface ContentDeletion extends ContentTotals {
  /** Seconds before the remaining content is expected to be gone. */
  estimate: number;
}

/** gvr.String(): `/v1, Resource=pods`. */
function groupVersionResource(definition: ResourceDefinition): string {
  return `${definition.group}/${definition.version}, Resource=${definition.resource}`;
}

/** estimateGracefulTerminationForPods: the longest grace period of a pod still running, if not yet over. */
function podTerminationEstimate(pods: readonly Readonly<KubeObject>[], deletedAt: number, now: number): number {
  let estimate = 0;
  for (const pod of pods) {
    const status = isRecord(pod.status) ? pod.status : {};
    if (status.phase === 'Succeeded' || status.phase === 'Failed') continue;
    const spec = isRecord(pod.spec) ? pod.spec : {};
    const grace = spec.terminationGracePeriodSeconds;
    if (typeof grace === 'number' && grace > estimate) estimate = grace;
  }
  return now - deletedAt >= estimate * 1000 ? 0 : estimate;
}

function deleteEach(client: InternalClient, definition: ResourceDefinition, namespace: string): void {
  for (const object of client.list(definition, namespace)) {
    client.delete(definition, namespace, object.metadata.name ?? '', { propagationPolicy: 'Background' });
  }
}

/** deleteAllContentForGroupVersionResource, summed over every deletable namespaced resource. */
export function deleteAllContent(
  client: InternalClient,
  namespace: Readonly<KubeObject>,
  now: number,
): ContentDeletion {
  const name = namespace.metadata.name ?? '';
  const deletedAt = parseTimestamp(namespace.metadata.deletionTimestamp) ?? now;
  const result: ContentDeletion = {
    estimate: 0,
    remainingByResource: new Map(),
    remainingByFinalizer: new Map(),
    deleteErrors: [],
  };
  for (const definition of client.resources()) {
    if (!definition.namespaced || !definition.verbs.includes('delete')) continue;
    let estimate =
      definition.group === '' && definition.resource === 'pods'
        ? podTerminationEstimate(client.list(definition, name), deletedAt, now)
        : 0;
    try {
      deleteEach(client, definition, name);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result.deleteErrors.push(error.status.message ?? '');
      result.estimate = Math.max(result.estimate, estimate);
      continue;
    }
    const remaining = client.list(definition, name);
    if (!remaining.length) continue;
    const finalizers = new Map<string, number>();
    for (const object of remaining) {
      for (const finalizer of object.metadata.finalizers ?? [])
        finalizers.set(finalizer, (finalizers.get(finalizer) ?? 0) + 1);
    }
    if (estimate === 0 && finalizers.size === 0) {
      result.deleteErrors.push(
        `unexpected items still remain in namespace: ${name} for gvr: ${groupVersionResource(definition)}`,
      );
    } else if (estimate === 0) {
      estimate = FINALIZER_ESTIMATE_SECONDS;
    }
    result.estimate = Math.max(result.estimate, estimate);
    result.remainingByResource.set(`${definition.resource}.${definition.group}`, remaining.length);
    for (const [finalizer, count] of finalizers) {
      result.remainingByFinalizer.set(finalizer, (result.remainingByFinalizer.get(finalizer) ?? 0) + count);
    }
  }
  return result;
}
