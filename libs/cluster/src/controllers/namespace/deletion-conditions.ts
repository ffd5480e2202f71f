// deletion/status_condition_utils.go: the five conditions the namespace
// controller keeps on a Terminating namespace, False with an "ok" reason
// unless something failed or remains.
import { isRecord, type KubeObject } from '../../api/objects';
import { formatTimestamp } from '../../runtime/clock';

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

const DISCOVERY_FAILURE = 'NamespaceDeletionDiscoveryFailure';
const GROUP_VERSION_FAILURE = 'NamespaceDeletionGroupVersionParsingFailure';
const CONTENT_FAILURE = 'NamespaceDeletionContentFailure';
const CONTENT_REMAINING = 'NamespaceContentRemaining';
const FINALIZERS_REMAINING = 'NamespaceFinalizersRemaining';

const CONDITION_TYPES = [
  DISCOVERY_FAILURE,
  GROUP_VERSION_FAILURE,
  CONTENT_FAILURE,
  CONTENT_REMAINING,
  FINALIZERS_REMAINING,
];

const OK: Record<string, { reason: string; message: string }> = {
  [DISCOVERY_FAILURE]: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  [GROUP_VERSION_FAILURE]: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  [CONTENT_FAILURE]: {
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  [CONTENT_REMAINING]: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  [FINALIZERS_REMAINING]: { reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
};

/** What deleteAllContent found: per resource what remains, per finalizer how many objects carry it. */
export interface ContentTotals {
  /** `pods.` / `deployments.apps` style names with their remaining counts. */
  remainingByResource: Map<string, number>;
  remainingByFinalizer: Map<string, number>;
  /** Messages of the errors deleting content. */
  deleteErrors: string[];
}

/** namespaceConditionUpdater: the failure conditions this pass produced. */
export function failureConditions(totals: ContentTotals, now: number): NamespaceCondition[] {
  const time = formatTimestamp(now);
  const conditions: NamespaceCondition[] = [];
  const counted = (entries: Map<string, number>, format: (name: string, count: number) => string): string[] =>
    [...entries]
      .filter(([, count]) => count > 0)
      .map(([name, count]) => format(name, count))
      .sort();
  if (totals.remainingByResource.size) {
    const remaining = counted(totals.remainingByResource, (name, count) => `${name} has ${count} resource instances`);
    conditions.push({
      type: CONTENT_REMAINING,
      status: 'True',
      lastTransitionTime: time,
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${remaining.join(', ')}`,
    });
  }
  if (totals.remainingByFinalizer.size) {
    const remaining = counted(totals.remainingByFinalizer, (name, count) => `${name} in ${count} resource instances`);
    conditions.push({
      type: FINALIZERS_REMAINING,
      status: 'True',
      lastTransitionTime: time,
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${remaining.join(', ')}`,
    });
  }
  if (totals.deleteErrors.length) {
    const messages = [...totals.deleteErrors].sort();
    conditions.push({
      type: CONTENT_FAILURE,
      status: 'True',
      lastTransitionTime: time,
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${messages.length} remaining: ${messages.join(', ')}`,
    });
  }
  return conditions;
}

function readConditions(namespace: Readonly<KubeObject>): Record<string, unknown>[] {
  const status = isRecord(namespace.status) ? namespace.status : {};
  return Array.isArray(status.conditions)
    ? status.conditions.filter(isRecord).map((condition) => ({ ...condition }))
    : [];
}

/** updateConditions: the conditions to store, or undefined when nothing changed. */
export function updatedConditions(
  namespace: Readonly<KubeObject>,
  failures: readonly NamespaceCondition[],
  now: number,
): Record<string, unknown>[] | undefined {
  const conditions = readConditions(namespace);
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const ok = OK[type] ?? { reason: '', message: '' };
    const wanted = failures.find((condition) => condition.type === type) ?? {
      type,
      status: 'False',
      lastTransitionTime: formatTimestamp(now),
      ...ok,
    };
    const existing = conditions.find((condition) => condition.type === type);
    if (!existing) {
      conditions.push({ ...wanted });
      changed = true;
    } else if (
      existing.status !== wanted.status ||
      existing.message !== wanted.message ||
      existing.reason !== wanted.reason
    ) {
      if (existing.status !== wanted.status) existing.lastTransitionTime = formatTimestamp(now);
      Object.assign(existing, { type, status: wanted.status, reason: wanted.reason, message: wanted.message });
      changed = true;
    }
  }
  return changed ? conditions : undefined;
}
