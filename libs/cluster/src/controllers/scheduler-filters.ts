// The default scheduler profile's Filter plugins, in their 1.32 order, each
// returning the reasons kube-scheduler reports when a node does not fit:
// NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit.
import { isRecord, type KubeObject } from '../api/objects';
import {
  isTerminal,
  nodeAllocatable,
  nodeReadyStatus,
  nodeTaints,
  nodeUnschedulable,
  podSpec,
} from './kubelet/pod-spec';
import type { PodSpecView, Taint, Toleration } from './kubelet/pod-spec';
import { parseQuantity, podRequests } from './kubelet/resources';

/** How a node failed: UnschedulableAndUnresolvable means preemption cannot help. */
export interface FilterFailure {
  reasons: string[];
  unresolvable: boolean;
}

const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const operator = toleration.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  return operator === 'Equal' && (toleration.value ?? '') === (taint.value ?? '');
}

/**
 * The node's taints, plus the one the node lifecycle controller puts on a node
 * whose kubelet is not Ready (no such controller runs here).
 */
export function effectiveTaints(node: Readonly<KubeObject>): Taint[] {
  const taints = nodeTaints(node);
  const ready = nodeReadyStatus(node);
  if (ready !== 'True') {
    const key = ready === 'Unknown' ? TAINT_UNREACHABLE : TAINT_NOT_READY;
    if (!taints.some((taint) => taint.key === key && taint.effect === 'NoSchedule')) {
      taints.push({ key, effect: 'NoSchedule' });
    }
  }
  return taints;
}

function untoleratedTaint(node: Readonly<KubeObject>, tolerations: Toleration[]): Taint | undefined {
  return effectiveTaints(node).find(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !tolerations.some((toleration) => toleratesTaint(toleration, taint)),
  );
}

function requirementMatches(requirement: Record<string, unknown>, value: string | undefined): boolean {
  const values = Array.isArray(requirement.values) ? requirement.values.map(String) : [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = Number(values[0]);
      const actual = Number(value);
      if (value === undefined || !/^-?\d+$/.test(value) || !Number.isFinite(bound)) return false;
      return requirement.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

function termMatches(term: Record<string, unknown>, node: Readonly<KubeObject>): boolean {
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions.filter(isRecord) : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields.filter(isRecord) : [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return (
    expressions.every((requirement) => requirementMatches(requirement, labels[String(requirement.key)])) &&
    fields.every(
      (requirement) =>
        requirement.key === 'metadata.name' && requirementMatches(requirement, node.metadata.name ?? undefined),
    )
  );
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution (nodeaffinity.GetRequiredNodeAffinity). */
export function matchesNodeAffinity(spec: PodSpecView, node: Readonly<KubeObject>): boolean {
  const labels = node.metadata.labels ?? {};
  if (Object.entries(spec.nodeSelector).some(([key, value]) => labels[key] !== value)) return false;
  const nodeAffinity = isRecord(spec.affinity?.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!isRecord(required)) return true;
  const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms.filter(isRecord) : [];
  return terms.some((term) => termMatches(term, node));
}

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

function hostPorts(spec: PodSpecView): HostPort[] {
  const ports: HostPort[] = [];
  for (const container of [...spec.initContainers, ...spec.containers]) {
    for (const port of container.ports) {
      if (!port.hostPort) continue;
      ports.push({ ip: port.hostIP || '0.0.0.0', protocol: port.protocol || 'TCP', port: port.hostPort });
    }
  }
  return ports;
}

function portsConflict(wanted: HostPort, used: HostPort): boolean {
  if (wanted.port !== used.port || wanted.protocol !== used.protocol) return false;
  return wanted.ip === '0.0.0.0' || used.ip === '0.0.0.0' || wanted.ip === used.ip;
}

/** The pods the scheduler's cache holds for a node: assigned there and not finished. */
export function podsOnNode(pods: readonly KubeObject[], nodeName: string): KubeObject[] {
  return pods.filter((pod) => podSpec(pod).nodeName === nodeName && !isTerminal(pod));
}

function resourceReasons(spec: PodSpecView, node: Readonly<KubeObject>, assigned: KubeObject[]): string[] {
  const reasons: string[] = [];
  const allocatable = nodeAllocatable(node);
  const allowedPods = parseQuantity(allocatable.pods ?? '110') ?? 110;
  if (assigned.length + 1 > allowedPods) reasons.push('Too many pods');
  const wanted = podRequests(spec);
  const used: Record<string, number> = {};
  for (const pod of assigned) {
    for (const [name, amount] of Object.entries(podRequests(podSpec(pod)))) used[name] = (used[name] ?? 0) + amount;
  }
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const amount = wanted[name] ?? 0;
    const capacity = parseQuantity(allocatable[name] ?? '') ?? 0;
    // Compare cpu in millicores, as the scheduler does, to avoid float noise.
    const scale = name === 'cpu' ? 1000 : 1;
    if (amount > 0 && Math.round(amount * scale) > Math.round((capacity - (used[name] ?? 0)) * scale)) {
      reasons.push(`Insufficient ${name}`);
    }
  }
  return reasons;
}

/** Runs the filters in order; the first that rejects the node speaks for it. */
export function filterNode(
  spec: PodSpecView,
  node: Readonly<KubeObject>,
  allPods: readonly KubeObject[],
): FilterFailure | undefined {
  if (nodeUnschedulable(node)) {
    const tolerates = spec.tolerations.some((toleration) =>
      toleratesTaint(toleration, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' }),
    );
    if (!tolerates) return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  }
  const taint = untoleratedTaint(node, spec.tolerations);
  if (taint) {
    return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
  }
  if (!matchesNodeAffinity(spec, node)) {
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  }
  const assigned = podsOnNode(allPods, node.metadata.name ?? '');
  const wanted = hostPorts(spec);
  if (wanted.length) {
    const used = assigned.flatMap((pod) => hostPorts(podSpec(pod)));
    if (wanted.some((port) => used.some((other) => portsConflict(port, other)))) {
      return { reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
    }
  }
  const reasons = resourceReasons(spec, node, assigned);
  return reasons.length ? { reasons, unresolvable: false } : undefined;
}
