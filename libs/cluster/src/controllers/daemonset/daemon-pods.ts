// A DaemonSet as its controller reads it, and the pods it makes:
// util.CreatePodTemplate (hash and generation labels, daemon tolerations),
// controller.GetPodFromTemplate and the per-node grouping of its pods.
import { cloneJson, isRecord, type KubeObject } from '../../api/objects';
import type { IntOrString, LabelSelector } from '../../registry/workloads';
import { stringMapOf, TEMPLATE_GENERATION_ANNOTATION } from '../../registry/workloads';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { sortedLabels } from '../../api/go-json';
import { byCreation } from '../creation-order';
import { newControllerRef } from '../workloads/owner-refs';
import { podPhase } from '../workloads/pod-state';
import { addDaemonTolerations, pinToNode, targetNodeName } from './daemon-nodes';

/** apps.DefaultDaemonSetUniqueLabelKey. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** extensions.DaemonSetTemplateGenerationKey. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const DAEMON_SET_KIND = { apiVersion: 'apps/v1', kind: 'DaemonSet' };

export interface DaemonSetView {
  namespace: string;
  name: string;
  selector: LabelSelector | undefined;
  template: Record<string, unknown>;
  minReadySeconds: number;
  revisionHistoryLimit: number;
  strategy: string;
  maxUnavailable: IntOrString | undefined;
  maxSurge: IntOrString | undefined;
  /** util.GetTemplateGeneration: undefined when absent or unparsable. */
  templateGeneration: number | undefined;
  collisionCount: number | undefined;
  observedGeneration: number;
}

function numberField(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function intOrString(value: unknown): IntOrString | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

export function readDaemonSet(ds: Readonly<KubeObject>): DaemonSetView {
  const spec = isRecord(ds.spec) ? ds.spec : {};
  const status = isRecord(ds.status) ? ds.status : {};
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return {
    namespace: ds.metadata.namespace ?? '',
    name: ds.metadata.name ?? '',
    selector: isRecord(spec.selector) ? spec.selector : undefined,
    template: isRecord(spec.template) ? spec.template : {},
    minReadySeconds: numberField(spec.minReadySeconds, 0),
    revisionHistoryLimit: numberField(spec.revisionHistoryLimit, 10),
    strategy: typeof strategy.type === 'string' ? strategy.type : 'RollingUpdate',
    maxUnavailable: intOrString(rollingUpdate.maxUnavailable),
    maxSurge: intOrString(rollingUpdate.maxSurge),
    templateGeneration: generation !== undefined && /^[+-]?\d+$/.test(generation) ? Number(generation) : undefined,
    collisionCount: typeof status.collisionCount === 'number' ? status.collisionCount : undefined,
    observedGeneration: numberField(status.observedGeneration, 0),
  };
}

/** util.CreatePodTemplate: the template with daemon tolerations and the generation and hash labels. */
export function daemonPodTemplate(view: DaemonSetView, hash: string): Record<string, unknown> {
  const template = cloneJson(view.template);
  const spec = isRecord(template.spec) ? template.spec : {};
  addDaemonTolerations(spec);
  template.spec = spec;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const labels = stringMapOf(metadata.labels) ?? {};
  if (view.templateGeneration !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(view.templateGeneration);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  metadata.labels = sortedLabels(labels);
  template.metadata = metadata;
  return template;
}

/** getPodsPrefix: `<name>-` unless that is not a valid generateName. */
function podsPrefix(name: string): string {
  const prefix = `${name}-`;
  return nameIsDNSSubdomain(prefix, true).length ? name : prefix;
}

/** GetPodFromTemplate for the pod of `nodeName`, whose affinity pins it there. */
export function newDaemonPod(
  ds: Readonly<KubeObject>,
  template: Record<string, unknown>,
  nodeName: string,
): KubeObject {
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const spec = isRecord(template.spec) ? cloneJson(template.spec) : {};
  pinToNode(spec, nodeName);
  const meta: KubeObject['metadata'] = {
    generateName: podsPrefix(ds.metadata.name ?? ''),
    namespace: ds.metadata.namespace,
  };
  if (isRecord(metadata.labels)) meta.labels = cloneJson(metadata.labels) as Record<string, string>;
  if (isRecord(metadata.annotations)) meta.annotations = cloneJson(metadata.annotations) as Record<string, string>;
  if (Array.isArray(metadata.finalizers)) meta.finalizers = metadata.finalizers.map(String);
  meta.ownerReferences = [newControllerRef(ds, DAEMON_SET_KIND.apiVersion, DAEMON_SET_KIND.kind)];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
}

/** util.IsPodUpdated: the pod carries the current hash or template generation. */
export function isPodUpdated(pod: Readonly<KubeObject>, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const templateMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  return (hash.length > 0 && labels[REVISION_HASH_LABEL] === hash) || templateMatches;
}

function scheduled(pod: Readonly<KubeObject>): boolean {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  return typeof spec.nodeName === 'string' && spec.nodeName !== '';
}

/** podByCreationTimestampAndPhase: scheduled pods first, then the oldest, then by name. */
export function byCreationAndScheduling(left: Readonly<KubeObject>, right: Readonly<KubeObject>): number {
  if (scheduled(left) !== scheduled(right)) return scheduled(left) ? -1 : 1;
  return byCreation(left, right);
}

function isTerminal(pod: Readonly<KubeObject>): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * getNodesToDaemonPods: the claimed pods by the node they are for. Finished
 * pods already being deleted are left out unless `includeDeletedTerminal`.
 */
export function podsByNode(
  pods: readonly Readonly<KubeObject>[],
  includeDeletedTerminal: boolean,
): Map<string, Readonly<KubeObject>[]> {
  const byNode = new Map<string, Readonly<KubeObject>[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }
  return byNode;
}
