// describe for DaemonSets, StatefulSets and ReplicationControllers
// (describe.go describeDaemonSet, describeStatefulSet, describeReplicationController).
import type { KubeObject } from '@kubelab/cluster';
import { writePodTemplate, type PodSpecShape } from './containers';
import { formatRfc1123z, selectorString } from './formats';
import { writePodsStatus } from './pod-phases';
import {
  eventsFor,
  formatLabels,
  PrefixWriter,
  writeAnnotations,
  writeEvents,
  writeLabels,
  type DescribeReader,
} from './prefix-writer';

type Selector = Parameters<typeof selectorString>[0];
interface Template {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: PodSpecShape;
}

interface DaemonSetShape {
  spec?: { selector?: Selector; template?: Template };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    numberMisscheduled?: number;
  };
}

interface ClaimTemplate {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { storageClassName?: string; accessModes?: string[]; resources?: { requests?: Record<string, string> } };
}

interface StatefulSetShape {
  spec?: {
    replicas?: number;
    selector?: Selector;
    template?: Template;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
    volumeClaimTemplates?: ClaimTemplate[];
  };
  status?: { replicas?: number };
}

interface ReplicationControllerShape {
  spec?: { replicas?: number; selector?: Record<string, string>; template?: Template };
  status?: { replicas?: number; conditions?: Array<{ type?: string; status?: string; reason?: string }> };
}

/** labels.Selector's String(): empty (not `<none>`) when it selects everything. */
function selectorText(selector: Selector): string {
  const text = selectorString(selector);
  return text === '<none>' ? '' : text;
}

function finish(w: PrefixWriter, object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  if (showEvents) writeEvents(w, eventsFor(reader, object), reader.now());
  return w.text();
}

export function describeDaemonSet(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const { spec = {}, status = {} } = object as DaemonSetShape;
  const metadata = object.metadata ?? {};
  const selector = selectorText(spec.selector);
  const w = new PrefixWriter();
  // describeDaemonSet prints no Namespace line.
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
  writePodsStatus(w, object, selector, reader);
  writePodTemplate(w, spec.template ?? {});
  return finish(w, object, reader, showEvents);
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
function claimClass(claim: ClaimTemplate): string {
  return claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? claim.spec?.storageClassName ?? '';
}

/** describeVolumeClaimTemplates. */
function writeClaimTemplates(w: PrefixWriter, claims: readonly ClaimTemplate[]): void {
  if (claims.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const claim of claims) {
    w.write(1, `Name:\t${claim.metadata?.name ?? ''}\n`);
    w.write(1, `StorageClass:\t${claimClass(claim)}\n`);
    writeLabels(w, 'Labels', claim.metadata?.labels, '  ');
    writeLabels(w, 'Annotations', claim.metadata?.annotations, '  ');
    w.write(1, `Capacity:\t${claim.spec?.resources?.requests?.['storage'] ?? '<default>'}\n`);
    // Go's %s of a slice: [ReadWriteOnce ReadOnlyMany].
    w.write(1, `Access Modes:\t[${(claim.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const { spec = {}, status = {} } = object as StatefulSetShape;
  const metadata = object.metadata ?? {};
  const selector = selectorText(spec.selector);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${formatRfc1123z(metadata.creationTimestamp ?? undefined)}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${status.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const rolling = spec.updateStrategy?.rollingUpdate;
  if (rolling?.partition !== undefined) {
    w.write(1, `Partition:\t${rolling.partition}\n`);
    if (rolling.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${String(rolling.maxUnavailable)}\n`);
  }
  writePodsStatus(w, object, selector, reader);
  writePodTemplate(w, spec.template ?? {});
  writeClaimTemplates(w, spec.volumeClaimTemplates ?? []);
  return finish(w, object, reader, showEvents);
}

export function describeReplicationController(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const { spec = {}, status = {} } = object as ReplicationControllerShape;
  const metadata = object.metadata ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  w.write(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
  // labels.SelectorFromSet(...).String(): the same sorted k=v list, empty when it selects everything.
  const selector = formatLabels(spec.selector);
  writePodsStatus(w, object, selector === '<none>' ? '' : selector, reader);
  writePodTemplate(w, spec.template);
  const conditions = status.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const condition of conditions)
      w.write(1, `${condition.type ?? ''} \t${condition.status ?? ''}\t${condition.reason ?? ''}\n`);
  }
  return finish(w, object, reader, showEvents);
}
