import type { Cluster, KubeObject } from '@kubelab/cluster';
import type { ResourceCheck } from '@kubelab/labs';
import { closestName, formatLabels } from '../names';
import { ALL_NAMESPACES, hasLabels, listObjects, listPods, resolveKind, selectObjects } from '../objects';
import { findMismatch, formatPath, formatValue, type Mismatch, type PathSegment } from '../partial-match';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

export function checkResource(check: ResourceCheck, context: CheckContext): CheckOutcome {
  const cluster = context.target.cluster;
  const found = selectObjects(cluster, check.select);
  if ('error' in found) return failed(found.error);
  const kind = found.kind.resource.kind;
  const namespace = found.kind.resource.namespaced ? (check.select.namespace ?? 'default') : undefined;
  if (check.absent) {
    return found.selected.length === 0
      ? PASSED
      : failed(`${kind} ${found.selected.map((object) => object.metadata.name).join(', ')} still exists`);
  }
  const mismatches = found.selected.map((object) =>
    check.match
      ? findMismatch(check.match, object, {
          lists: check.lists ?? 'ordered',
          equivalents: (path, actual) => namedPortValues(cluster, object, path, actual),
        })
      : undefined,
  );
  const matching = mismatches.filter((mismatch) => mismatch === undefined).length;
  if (check.count !== undefined) {
    const { min, max } = typeof check.count === 'number' ? { min: check.count, max: check.count } : check.count;
    if ((min === undefined || matching >= min) && (max === undefined || matching <= max)) return PASSED;
    const wanted = min === max ? `${min}` : max === undefined ? `at least ${min}` : `at most ${max}`;
    return failed(`found ${matching} ${kind} object${matching === 1 ? '' : 's'} matching, expected ${wanted}`);
  }
  if (found.selected.length === 0) return failed(notFound(cluster, check, kind, namespace, found.all));
  const index = mismatches.findIndex((mismatch) => mismatch !== undefined);
  const mismatch = mismatches[index];
  const object = found.selected[index];
  return mismatch && object ? failed(describeMismatch(kind, object, mismatch)) : PASSED;
}

function notFound(
  cluster: Cluster,
  check: ResourceCheck,
  kind: string,
  namespace: string | undefined,
  inNamespace: KubeObject[],
): string {
  const where = namespace === undefined ? '' : ` in namespace ${namespace}`;
  const name = check.select.name;
  const what =
    name === undefined
      ? `no ${kind} matches ${check.select.labelSelector ?? 'the selection'}`
      : `${kind} ${name} not found`;
  if (name === undefined) return `${what}${where}`;
  const resolved = resolveKind(cluster, check.select.kind, check.select.apiVersion);
  if (resolved?.resource.namespaced) {
    const elsewhere = listObjects(cluster, resolved, { namespace: ALL_NAMESPACES });
    const other = 'error' in elsewhere ? undefined : elsewhere.find((object) => object.metadata.name === name);
    if (other?.metadata.namespace) return `${what}${where}; it exists in namespace ${other.metadata.namespace}`;
  }
  const near = closestName(
    name,
    inNamespace.map((object) => object.metadata.name ?? ''),
  );
  return `${what}${where}${near ? `; did you mean ${near}?` : ''}`;
}

/** A Service's named targetPort stands for the port its pods give that name. */
function namedPortValues(
  cluster: Cluster,
  object: KubeObject,
  path: readonly PathSegment[],
  actual: unknown,
): unknown[] {
  if (object.kind !== 'Service' || path[path.length - 1] !== 'targetPort' || typeof actual !== 'string') return [];
  const selector = (object['spec'] as { selector?: Record<string, string> } | undefined)?.selector;
  if (!selector) return [];
  return listPods(cluster, object.metadata.namespace ?? 'default')
    .filter((pod) => hasLabels(pod, selector))
    .flatMap((pod) => {
      const containers = (
        pod['spec'] as { containers?: Array<{ ports?: Array<{ name?: string; containerPort?: number }> }> }
      ).containers;
      return (containers ?? []).flatMap((container) =>
        (container.ports ?? []).filter((port) => port.name === actual).map((port) => port.containerPort),
      );
    });
}

export function describeMismatch(kind: string, object: KubeObject, mismatch: Mismatch): string {
  const subject = `${kind} ${object.metadata.name ?? ''} exists but`;
  const last = mismatch.path[mismatch.path.length - 1];
  const path = formatPath(mismatch.path);
  const { expected, actual } = mismatch;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return `${subject} ${path} has ${actual.length} entr${actual.length === 1 ? 'y' : 'ies'}, expected ${expected.length}`;
  }
  if (mismatch.path[0] === 'spec' && mismatch.path[1] === 'selector' && typeof last === 'string') {
    const selector = (object['spec'] as { selector?: Record<string, string> } | undefined)?.selector;
    return `${subject} selects ${formatLabels(selector)}, expected ${last}=${formatValue(expected)}`;
  }
  if (actual === undefined) return `${subject} ${path} is not set, expected ${formatValue(expected)}`;
  if (last === 'port' && mismatch.path.includes('ports')) {
    return `${subject} exposes port ${formatValue(actual)}, expected ${formatValue(expected)}`;
  }
  if (last === 'nodePort')
    return `${subject} nodePort ${formatValue(actual)} is set, expected ${formatValue(expected)}`;
  if (last === 'targetPort') {
    return `${subject} sends to targetPort ${formatValue(actual)}, expected ${formatValue(expected)}`;
  }
  if (path === 'spec.type') return `${subject} is of type ${formatValue(actual)}, expected ${formatValue(expected)}`;
  return `${subject} ${path} is ${formatValue(actual)}, expected ${formatValue(expected)}`;
}
