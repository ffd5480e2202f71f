// SandboxQuota admission: the lab's limits (config.quotas) enforced where
// kube-apiserver runs ResourceQuota (last in the chain), refused in
// ResourceQuota's words: `exceeded quota: sandbox, requested: pods=1,
// used: pods=100, limited: pods=100`. Resources named here: `objects` (all
// objects but Events), `pods` (pods that still count, as the pod quota
// evaluator decides), `replicas` (spec.replicas of one workload) and
// `object-bytes` (one object's JSON).
import type { AdmissionAttributes, AdmissionPlugin } from '../api/admission/admission';
import { keyOf, RESOURCES } from '../api/resource-refs';
import { storageKey } from '../api/resources';
import type { StrategyContext } from '../api/strategy';
import { goLen } from '../api/validation/names';
import { parseTimestamp } from '../runtime/clock';
import { record, text } from '../registry/pod/json';
import { admissionForbidden } from './admission-errors';

export const SANDBOX_QUOTA_NAME = 'sandbox';

const REPLICATED = new Set(['deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'replicationcontrollers']);

function exceeded(
  attributes: AdmissionAttributes,
  resource: string,
  requested: number,
  used: number,
  limited: number,
): Error {
  return admissionForbidden(
    attributes,
    `exceeded quota: ${SANDBOX_QUOTA_NAME}, requested: ${resource}=${requested}, used: ${resource}=${used}, limited: ${resource}=${limited}`,
  );
}

/** QuotaV1Pod: terminal pods and pods past their grace period no longer count. */
function podCounts(
  pod: Readonly<{ status?: unknown; metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number } }>,
  now: number,
): boolean {
  const phase = text(record(pod.status).phase);
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = parseTimestamp(pod.metadata.deletionTimestamp);
  const grace = pod.metadata.deletionGracePeriodSeconds;
  return !(deletion !== undefined && grace !== undefined && now > deletion + grace * 1000);
}

function countObjects(context: StrategyContext, resource: string): number {
  const keys = new Set(Object.values(RESOURCES).map((ref) => keyOf(ref)));
  keys.add(resource);
  keys.delete(keyOf(RESOURCES.events));
  let total = 0;
  for (const key of keys) total += context.store.count(key);
  return total;
}

export const sandboxQuotaAdmission: AdmissionPlugin = {
  name: 'SandboxQuota',
  validate(attributes, context) {
    const { operation, definition, object } = attributes;
    if (operation === 'DELETE' || !object) return;
    const resource = storageKey(definition);
    const quotas = context.config.quotas;
    if (resource === keyOf(RESOURCES.events)) return;
    if (operation === 'CREATE') {
      const used = countObjects(context, resource);
      if (used + 1 > quotas.objects) throw exceeded(attributes, 'objects', 1, used, quotas.objects);
      if (resource === keyOf(RESOURCES.pods)) {
        const pods = context.store.list(resource).filter((pod) => podCounts(pod, context.now)).length;
        if (pods + 1 > quotas.pods) throw exceeded(attributes, 'pods', 1, pods, quotas.pods);
      }
    }
    if (attributes.subresource) return;
    if (REPLICATED.has(resource)) {
      const replicas = record(object.spec).replicas;
      const previous = record(attributes.old?.spec).replicas;
      if (typeof replicas === 'number' && replicas > quotas.replicas && replicas !== previous) {
        throw exceeded(attributes, 'replicas', replicas, 0, quotas.replicas);
      }
    }
    const bytes = goLen(JSON.stringify(object));
    if (bytes > quotas.objectBytes) throw exceeded(attributes, 'object-bytes', bytes, 0, quotas.objectBytes);
  },
};
