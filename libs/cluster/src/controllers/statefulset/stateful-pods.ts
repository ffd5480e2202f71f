// stateful_set_utils.go: a StatefulSet as its controller reads it, the
// stable identity of its pods (`web-0`, hostname, subdomain, pod-name and
// pod-index labels, claim volumes) and the pod states it waits on.
import { cloneJson, isRecord, type KubeObject } from '../../api/objects';
import type { IntOrString, LabelSelector } from '../../registry/workloads';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { isPodAvailable, isPodReady, podPhase } from '../workloads/pod-state';
import { newControllerRef } from '../workloads/owner-refs';
import { sortedLabels } from '../../api/go-json';

export const STATEFUL_SET_KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
/** apps.StatefulSetRevisionLabel. */
export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (PodIndexLabel is on in 1.32). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export interface StatefulSetView {
  namespace: string;
  name: string;
  replicas: number;
  startOrdinal: number;
  serviceName: string;
  parallel: boolean;
  strategy: string;
  /** spec.updateStrategy.rollingUpdate.partition, when rollingUpdate is set. */
  partition: number | undefined;
  maxUnavailable: IntOrString | undefined;
  minReadySeconds: number;
  revisionHistoryLimit: number;
  selector: LabelSelector | undefined;
  template: Record<string, unknown>;
  claimTemplates: Record<string, unknown>[];
  currentRevision: string;
  currentReplicas: number;
  collisionCount: number;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

export function readStatefulSet(set: Readonly<KubeObject>): StatefulSetView {
  const spec = isRecord(set.spec) ? set.spec : {};
  const status = isRecord(set.status) ? set.status : {};
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
  const maxUnavailable = rollingUpdate?.maxUnavailable;
  return {
    namespace: set.metadata.namespace ?? '',
    name: set.metadata.name ?? '',
    replicas: numberOr(spec.replicas, 1),
    startOrdinal: isRecord(spec.ordinals) ? numberOr(spec.ordinals.start, 0) : 0,
    serviceName: typeof spec.serviceName === 'string' ? spec.serviceName : '',
    parallel: spec.podManagementPolicy === 'Parallel',
    strategy: typeof strategy.type === 'string' ? strategy.type : 'RollingUpdate',
    partition: rollingUpdate ? numberOr(rollingUpdate.partition, 0) : undefined,
    maxUnavailable:
      typeof maxUnavailable === 'number' || typeof maxUnavailable === 'string' ? maxUnavailable : undefined,
    minReadySeconds: numberOr(spec.minReadySeconds, 0),
    revisionHistoryLimit: numberOr(spec.revisionHistoryLimit, 10),
    selector: isRecord(spec.selector) ? spec.selector : undefined,
    template: isRecord(spec.template) ? spec.template : {},
    claimTemplates: Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates.filter(isRecord) : [],
    currentRevision: typeof status.currentRevision === 'string' ? status.currentRevision : '',
    currentReplicas: numberOr(status.currentReplicas, 0),
    collisionCount: numberOr(status.collisionCount, 0),
  };
}

/** getParentNameAndOrdinal: `web-2` is ordinal 2 of `web`; -1 when the name has no ordinal. */
export function parentAndOrdinal(pod: Readonly<KubeObject>): { parent: string; ordinal: number } {
  const match = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? '');
  if (!match) return { parent: '', ordinal: -1 };
  const ordinal = Number(match[2]);
  return { parent: match[1] ?? '', ordinal: ordinal <= 2147483647 ? ordinal : -1 };
}

export function ordinalOf(pod: Readonly<KubeObject>): number {
  return parentAndOrdinal(pod).ordinal;
}

export function podName(view: StatefulSetView, ordinal: number): string {
  return `${view.name}-${ordinal}`;
}

/** isMemberOf. */
export function isMemberOf(view: StatefulSetView, pod: Readonly<KubeObject>): boolean {
  return parentAndOrdinal(pod).parent === view.name;
}

export function inOrdinalRange(view: StatefulSetView, pod: Readonly<KubeObject>): boolean {
  const ordinal = ordinalOf(pod);
  return ordinal >= view.startOrdinal && ordinal <= view.startOrdinal + view.replicas - 1;
}

/** identityMatches. */
export function identityMatches(view: StatefulSetView, pod: Readonly<KubeObject>): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    parent === view.name &&
    pod.metadata.name === podName(view, ordinal) &&
    pod.metadata.namespace === view.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

function claimName(view: StatefulSetView, claim: Record<string, unknown>, ordinal: number): string {
  const metadata = isRecord(claim.metadata) ? claim.metadata : {};
  return `${typeof metadata.name === 'string' ? metadata.name : ''}-${view.name}-${ordinal}`;
}

function claimTemplateName(claim: Record<string, unknown>): string {
  const metadata = isRecord(claim.metadata) ? claim.metadata : {};
  return typeof metadata.name === 'string' ? metadata.name : '';
}

function volumesOf(pod: Readonly<KubeObject>): Record<string, unknown>[] {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  return Array.isArray(spec.volumes) ? spec.volumes.filter(isRecord) : [];
}

/** storageMatches: the pod mounts the claim of each volumeClaimTemplate (no claims are served here). */
export function storageMatches(view: StatefulSetView, pod: Readonly<KubeObject>): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map(volumesOf(pod).map((volume) => [volume.name, volume]));
  return view.claimTemplates.every((claim) => {
    const volume = volumes.get(claimTemplateName(claim));
    const source = volume && isRecord(volume.persistentVolumeClaim) ? volume.persistentVolumeClaim : undefined;
    return source?.claimName === claimName(view, claim, ordinal);
  });
}

/** updateIdentity: name, namespace and the pod-name and pod-index labels. */
export function updateIdentity(view: StatefulSetView, pod: KubeObject): void {
  const ordinal = ordinalOf(pod);
  pod.metadata.name = podName(view, ordinal);
  pod.metadata.namespace = view.namespace;
  pod.metadata.labels = {
    ...pod.metadata.labels,
    [POD_NAME_LABEL]: pod.metadata.name,
    [POD_INDEX_LABEL]: String(ordinal),
  };
}

/** updateStorage: a volume per claim template, named after it, mounting `<claim>-<set>-<ordinal>`. */
export function updateStorage(view: StatefulSetView, pod: KubeObject): void {
  if (!view.claimTemplates.length) return;
  const ordinal = ordinalOf(pod);
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const names = new Set(view.claimTemplates.map(claimTemplateName));
  spec.volumes = [
    ...view.claimTemplates.map((claim) => ({
      name: claimTemplateName(claim),
      persistentVolumeClaim: { claimName: claimName(view, claim, ordinal) },
    })),
    ...volumesOf(pod).filter((volume) => !names.has(String(volume.name))),
  ];
  pod.spec = spec;
}

/** newStatefulSetPod from `set` (restored to a revision's template), labelled with `revision`. */
export function newStatefulSetPod(
  set: Readonly<KubeObject>,
  template: Record<string, unknown>,
  ordinal: number,
  revision: string,
): KubeObject {
  const view = readStatefulSet(set);
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const prefix = `${view.name}-`;
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(view, ordinal),
      // GetPodFromTemplate names a generateName too, which the explicit name overrides.
      generateName: nameIsDNSSubdomain(prefix, true).length ? view.name : prefix,
      namespace: view.namespace,
      labels: isRecord(metadata.labels) ? (cloneJson(metadata.labels) as Record<string, string>) : {},
      ...(isRecord(metadata.annotations)
        ? { annotations: cloneJson(metadata.annotations) as Record<string, string> }
        : {}),
      ...(Array.isArray(metadata.finalizers) ? { finalizers: metadata.finalizers.map(String) } : {}),
      ownerReferences: [newControllerRef(set, STATEFUL_SET_KIND.apiVersion, STATEFUL_SET_KIND.kind)],
    },
    spec: isRecord(template.spec) ? cloneJson(template.spec) : {},
  };
  updateIdentity(view, pod);
  const spec = pod.spec as Record<string, unknown>;
  spec.hostname = pod.metadata.name;
  if (view.serviceName) spec.subdomain = view.serviceName;
  updateStorage(view, pod);
  pod.metadata.labels = sortedLabels({ ...pod.metadata.labels, [REVISION_LABEL]: revision });
  return pod;
}

export function podRevision(pod: Readonly<KubeObject>): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** isCreated: the API server has given the pod a phase. */
export function isCreated(pod: Readonly<KubeObject>): boolean {
  return podPhase(pod) !== '';
}

export function isTerminating(pod: Readonly<KubeObject>): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

export function isRunningAndReady(pod: Readonly<KubeObject>): boolean {
  return podPhase(pod) === 'Running' && isPodReady(pod);
}

export function isRunningAndAvailable(pod: Readonly<KubeObject>, minReadySeconds: number, now: number): boolean {
  return isPodAvailable(pod, minReadySeconds, now);
}

export function isHealthy(pod: Readonly<KubeObject>): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
