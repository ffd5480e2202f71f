// describe for ReplicaSets (describe.go describeReplicaSet): selector,
// owner, replica counts, the phases of the pods it controls, its template.
import type { KubeObject } from '@kubelab/cluster';
import { writePodTemplate, type PodSpecShape } from './containers';
import { selectorString } from './formats';
import { writePodsStatus } from './pod-phases';
import {
  eventsFor,
  PrefixWriter,
  writeAnnotations,
  writeEvents,
  writeLabels,
  type DescribeReader,
} from './prefix-writer';

interface ReplicaSetShape {
  spec?: {
    replicas?: number;
    selector?: {
      matchLabels?: Record<string, string>;
      matchExpressions?: Array<{ key?: string; operator?: string; values?: string[] }>;
    };
    template?: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: PodSpecShape;
    };
  };
  status?: { replicas?: number; conditions?: Array<{ type?: string; status?: string; reason?: string }> };
}

export function describeReplicaSet(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const set = object as ReplicaSetShape;
  const metadata = object.metadata ?? {};
  const selector = selectorString(set.spec?.selector);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  const owner = (metadata.ownerReferences ?? []).find((reference) => reference.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${set.status?.replicas ?? 0} current / ${set.spec?.replicas ?? 1} desired\n`);
  writePodsStatus(w, object, selector === '<none>' ? '' : selector, reader);
  writePodTemplate(w, set.spec?.template);
  const conditions = set.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const condition of conditions)
      w.write(1, `${condition.type ?? ''} \t${condition.status ?? ''}\t${condition.reason ?? ''}\n`);
  }
  if (showEvents) writeEvents(w, eventsFor(reader, object), reader.now());
  return w.text();
}
