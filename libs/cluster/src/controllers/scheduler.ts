// kube-scheduler's default profile in miniature: binds each pending pod that
// names no node to the feasible node where it spreads best, or explains, as
// kube-scheduler does, why no node fits (FitError and the preemption verdict).
// Unschedulable pods are tried again when nodes or bound pods change, and
// every five minutes (podMaxInUnschedulablePodsDuration).
import { isRecord, type KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { formatTimestamp } from '../runtime/clock';
import type { StoreEvent } from '../store/object-store';
import { bindPod } from '../registry/pod';
import { parseSelector, parseSetSelector, type LabelMatcher } from '../registry/workloads/selector';
import type { Controller, ControllerContext } from './controller';
import { objectKey, splitKey } from './queue-keys';
import { podSpec, podStatus, type PodSpecView } from './kubelet/pod-spec';
import { filterNode, podsOnNode, type FilterFailure } from './scheduler-filters';

export const SCHEDULER_NAME = 'default-scheduler';
const SOURCE = { component: SCHEDULER_NAME };
/** Re-examine every pod still waiting for a node. */
const RETRY_ALL = '*unschedulable';
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;

export interface ScheduleResult {
  node?: string;
  /** The FitError message when no node fits. */
  message?: string;
}

function waitsForScheduler(pod: Readonly<KubeObject>): boolean {
  const spec = podSpec(pod);
  return (
    spec.nodeName === '' &&
    spec.schedulerName === SCHEDULER_NAME &&
    spec.schedulingGates.length === 0 &&
    !pod.metadata.deletionTimestamp &&
    podStatus(pod).phase !== 'Succeeded' &&
    podStatus(pod).phase !== 'Failed'
  );
}

function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Node changes that can make a pod fit: labels, taints, cordoning, readiness, capacity. */
function nodeChangeMatters(event: StoreEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.previous) return event.type === 'ADDED';
  const before = event.previous;
  const after = event.object;
  const status = (node: KubeObject): unknown => {
    const record = isRecord(node.status) ? node.status : {};
    const conditions = Array.isArray(record.conditions) ? record.conditions : [];
    return [record.allocatable, conditions.map((condition) => (isRecord(condition) ? condition.status : null))];
  };
  return (
    json(before.metadata.labels) !== json(after.metadata.labels) ||
    json(before.spec) !== json(after.spec) ||
    json(status(before)) !== json(status(after))
  );
}

/** A bound pod going away, or finishing, frees its node's capacity and ports. */
function podFreesNode(event: StoreEvent): boolean {
  if (!podSpec(event.object).nodeName) return false;
  if (event.type === 'DELETED') return true;
  const phase = podStatus(event.object).phase;
  const before = event.previous ? podStatus(event.previous).phase : undefined;
  return (phase === 'Succeeded' || phase === 'Failed') && before !== phase;
}

/** helper.DefaultSelector: the Services and controllers that select the pod, whose pods it spreads from. */
function spreadSelectors(pod: Readonly<KubeObject>, context: ControllerContext): LabelMatcher[] {
  const namespace = pod.metadata.namespace ?? '';
  const labels = pod.metadata.labels ?? {};
  const matchers: LabelMatcher[] = [];
  for (const service of context.client.list(RESOURCES.services, namespace)) {
    const selector = isRecord(service.spec) ? service.spec.selector : undefined;
    if (!isRecord(selector) || Object.keys(selector).length === 0) continue;
    const parsed = parseSetSelector(selector as Record<string, string>);
    if (parsed.matches(labels)) matchers.push(parsed.matches);
  }
  const owner = (pod.metadata.ownerReferences ?? []).find((reference) => reference.controller);
  const ownerRef =
    owner?.kind === 'ReplicaSet'
      ? RESOURCES.replicasets
      : owner?.kind === 'StatefulSet'
        ? RESOURCES.statefulsets
        : owner?.kind === 'ReplicationController'
          ? RESOURCES.replicationcontrollers
          : undefined;
  const controller = owner && ownerRef ? context.client.get(ownerRef, namespace, owner.name) : undefined;
  const selector = controller && isRecord(controller.spec) ? controller.spec.selector : undefined;
  if (isRecord(selector)) {
    const parsed =
      owner?.kind === 'ReplicationController'
        ? parseSetSelector(selector as Record<string, string>)
        : parseSelector(selector);
    if (parsed) matchers.push(parsed.matches);
  }
  return matchers;
}

/** Orders feasible nodes: fewest pods of the same Service/controller, then fewest pods; ties broken at random. */
function pickNode(
  pod: Readonly<KubeObject>,
  nodes: string[],
  pods: readonly KubeObject[],
  context: ControllerContext,
): string | undefined {
  const matchers = spreadSelectors(pod, context);
  const namespace = pod.metadata.namespace;
  const score = (node: string): [number, number] => {
    const assigned = podsOnNode(pods, node);
    const siblings = matchers.length
      ? assigned.filter(
          (other) =>
            other.metadata.namespace === namespace &&
            !other.metadata.deletionTimestamp &&
            matchers.every((matches) => matches(other.metadata.labels ?? {})),
        ).length
      : 0;
    return [siblings, assigned.length];
  };
  const scored = nodes.map((node) => ({ node, score: score(node) }));
  const best = scored.reduce<[number, number]>(
    (min, entry) =>
      entry.score[0] < min[0] || (entry.score[0] === min[0] && entry.score[1] < min[1]) ? entry.score : min,
    [Infinity, Infinity],
  );
  const candidates = scored.filter((entry) => entry.score[0] === best[0] && entry.score[1] === best[1]);
  return candidates.length === 1 ? candidates[0]?.node : context.random.pick(candidates)?.node;
}

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => `${count} ${reason}`)
    .sort()
    .join(', ');
}

/** FitError.Error() followed by DefaultPreemption's PostFilter message. */
export function fitErrorMessage(spec: PodSpecView, failures: FilterFailure[]): string {
  const total = failures.length;
  const filterMsg = histogram(failures.flatMap((failure) => failure.reasons));
  let message = `0/${total} nodes are available:`;
  if (filterMsg) message += ` ${filterMsg}.`;
  if (spec.preemptionPolicy === 'Never') return `${message} preemption: not eligible due to preemptionPolicy=Never.`;
  // With every pod at the same priority no node has victims to offer.
  const verdicts = failures.map((failure) =>
    failure.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod',
  );
  return `${message} preemption: 0/${total} nodes are available: ${histogram(verdicts)}.`;
}

/** Runs one scheduling cycle for a pod: where it would go, or why it cannot. */
export function schedulePod(pod: Readonly<KubeObject>, context: ControllerContext): ScheduleResult {
  const spec = podSpec(pod);
  const nodes = context.client.list(RESOURCES.nodes);
  if (nodes.length === 0) return { message: 'no nodes available to schedule pods' };
  const pods = context.client.list(RESOURCES.pods);
  const failures: FilterFailure[] = [];
  const feasible: string[] = [];
  for (const node of nodes) {
    const failure = filterNode(spec, node, pods);
    if (failure) failures.push(failure);
    else feasible.push(node.metadata.name ?? '');
  }
  if (feasible.length === 0) return { message: fitErrorMessage(spec, failures) };
  return { node: pickNode(pod, feasible, pods, context) };
}

function recordUnschedulable(pod: Readonly<KubeObject>, message: string, context: ControllerContext): void {
  context.events.record(pod, 'Warning', 'FailedScheduling', message, SOURCE);
  const status = podStatus(pod);
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
  const current = conditions.find((condition) => condition.type === 'PodScheduled');
  if (current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message) return;
  const updated = context.client.copy(pod);
  const condition = {
    lastProbeTime: null,
    lastTransitionTime:
      current?.status === 'False' && typeof current.lastTransitionTime === 'string'
        ? current.lastTransitionTime
        : formatTimestamp(context.now()),
    message,
    reason: 'Unschedulable',
    status: 'False',
    type: 'PodScheduled',
  };
  const others = conditions.filter((entry) => entry.type !== 'PodScheduled');
  updated.status = { ...status, conditions: [...others, condition], phase: status.phase ?? 'Pending' };
  context.client.updateStatus(RESOURCES.pods, updated);
}

export class SchedulerController implements Controller {
  readonly name = SCHEDULER_NAME;

  keysFor(event: StoreEvent): readonly string[] {
    if (event.resource === 'nodes') return event.type !== 'DELETED' && nodeChangeMatters(event) ? [RETRY_ALL] : [];
    if (event.resource !== 'pods') return [];
    if (podFreesNode(event)) return [RETRY_ALL];
    if (event.type === 'DELETED' || !waitsForScheduler(event.object)) return [];
    // The scheduler's own status writes do not requeue a pod; changes to what it asks for do.
    const before = event.previous;
    if (
      before &&
      json(before.spec) === json(event.object.spec) &&
      json(before.metadata.labels) === json(event.object.metadata.labels)
    ) {
      return [];
    }
    return [objectKey(event.object)];
  }

  sync(key: string, context: ControllerContext): void {
    if (key === RETRY_ALL) {
      for (const pod of context.client.list(RESOURCES.pods)) {
        if (waitsForScheduler(pod)) this.scheduleOne(pod, context);
      }
      return;
    }
    const [namespace, name] = splitKey(key);
    const pod = context.client.get(RESOURCES.pods, namespace, name);
    if (pod && waitsForScheduler(pod)) this.scheduleOne(pod, context);
  }

  private scheduleOne(pod: Readonly<KubeObject>, context: ControllerContext): void {
    const result = schedulePod(pod, context);
    if (result.node) {
      bindPod(context.client, pod, result.node);
      context.events.record(
        pod,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} to ${result.node}`,
        SOURCE,
      );
      return;
    }
    recordUnschedulable(pod, result.message ?? '', context);
    context.after(UNSCHEDULABLE_RETRY_MS, objectKey(pod));
  }
}
