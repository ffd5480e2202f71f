// Where a DaemonSet's pods belong: NodeShouldRunDaemonPod, the tolerations
// every daemon pod gets (util.AddOrUpdateDaemonPodTolerations) and the node a
// pod was made for (util.GetTargetNodeName).
import { cloneJson, isRecord, type KubeObject } from '../../api/objects';
import type { StoreEvent } from '../../store/object-store';
import { podSpec, type Toleration } from '../kubelet/pod-spec';
import { effectiveTaints, matchesNodeAffinity, toleratesTaint } from '../scheduler-filters';

const DAEMON_TOLERATIONS: ReadonlyArray<Required<Pick<Toleration, 'key' | 'operator' | 'effect'>>> = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const NETWORK_UNAVAILABLE = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

export interface NodeVerdict {
  /** A daemon pod should be created here if there is none. */
  shouldRun: boolean;
  /** A daemon pod already here may stay. */
  shouldContinueRunning: boolean;
}

/** Toleration.MatchToleration: the same key, operator, value and effect. */
function sameToleration(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  return (
    (left.key ?? '') === (right.key ?? '') &&
    (left.operator ?? '') === (right.operator ?? '') &&
    (left.value ?? '') === (right.value ?? '') &&
    (left.effect ?? '') === (right.effect ?? '')
  );
}

/** v1helper.AddOrUpdateTolerationInPodSpec: replaces a matching toleration, else appends. */
function addOrUpdateToleration(spec: Record<string, unknown>, toleration: Record<string, unknown>): void {
  const existing = Array.isArray(spec.tolerations) ? spec.tolerations.filter(isRecord) : [];
  let updated = false;
  const next = existing.map((current) => {
    if (!sameToleration(current, toleration)) return current;
    updated = true;
    return { ...toleration };
  });
  if (!updated) next.push({ ...toleration });
  spec.tolerations = next;
}

/** util.AddOrUpdateDaemonPodTolerations, on a pod spec in place. */
export function addDaemonTolerations(spec: Record<string, unknown>): void {
  for (const toleration of DAEMON_TOLERATIONS) addOrUpdateToleration(spec, toleration);
  if (spec.hostNetwork === true) addOrUpdateToleration(spec, NETWORK_UNAVAILABLE);
}

/** NewPod: the template's spec bound to `nodeName`, with the daemon tolerations. */
function daemonPodSpec(template: Record<string, unknown>, nodeName: string): Record<string, unknown> {
  const spec = isRecord(template.spec) ? cloneJson(template.spec) : {};
  spec.nodeName = nodeName;
  addDaemonTolerations(spec);
  return spec;
}

/** NodeShouldRunDaemonPod with its predicates: node name, node affinity, taints. */
export function nodeShouldRunDaemonPod(node: Readonly<KubeObject>, template: Record<string, unknown>): NodeVerdict {
  const nodeName = node.metadata.name ?? '';
  const templateSpec = isRecord(template.spec) ? template.spec : {};
  const wanted = typeof templateSpec.nodeName === 'string' ? templateSpec.nodeName : '';
  if (wanted !== '' && wanted !== nodeName) return { shouldRun: false, shouldContinueRunning: false };
  const spec = podSpec({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: daemonPodSpec(template, nodeName) });
  if (!matchesNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const untolerated = (effects: string[]): boolean =>
    effectiveTaints(node).some(
      (taint) =>
        effects.includes(taint.effect) && !spec.tolerations.some((toleration) => toleratesTaint(toleration, taint)),
    );
  if (!untolerated(['NoSchedule', 'NoExecute'])) return { shouldRun: true, shouldContinueRunning: true };
  // Scheduled daemon pods keep running where they tolerate every NoExecute taint.
  return { shouldRun: false, shouldContinueRunning: !untolerated(['NoExecute']) };
}

/** util.GetTargetNodeName: spec.nodeName, or the node the daemon pod's affinity names. */
export function targetNodeName(pod: Readonly<KubeObject>): string | undefined {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') return spec.nodeName;
  const affinity = isRecord(spec.affinity) ? spec.affinity : {};
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  const terms = isRecord(required) && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
  for (const term of terms.filter(isRecord)) {
    const fields = Array.isArray(term.matchFields) ? term.matchFields.filter(isRecord) : [];
    for (const field of fields) {
      if (field.key !== 'metadata.name' || field.operator !== 'In') continue;
      const values = Array.isArray(field.values) ? field.values : [];
      return values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
    }
  }
  return undefined;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only go to `nodeName`. */
export function pinToNode(spec: Record<string, unknown>, nodeName: string): void {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const affinity = isRecord(spec.affinity) ? spec.affinity : {};
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  const required = isRecord(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution)
    ? nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
    : {};
  required.nodeSelectorTerms = [term];
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = required;
  affinity.nodeAffinity = nodeAffinity;
  spec.affinity = affinity;
}

function trueConditions(node: Readonly<KubeObject>): string {
  const status = isRecord(node.status) ? node.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
  return conditions
    .filter((condition) => condition.status === 'True')
    .map((condition) => String(condition.type))
    .sort()
    .join(',');
}

/** shouldIgnoreNodeUpdate inverted: labels, spec or the set of true conditions changed. */
export function nodeChangeMatters(event: StoreEvent): boolean {
  const { previous, object } = event;
  if (event.type !== 'MODIFIED' || !previous) return true;
  return (
    JSON.stringify(previous.metadata.labels ?? {}) !== JSON.stringify(object.metadata.labels ?? {}) ||
    JSON.stringify(previous.spec ?? null) !== JSON.stringify(object.spec ?? null) ||
    trueConditions(previous) !== trueConditions(object)
  );
}
