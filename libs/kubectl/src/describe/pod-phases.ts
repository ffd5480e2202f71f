// getPodStatusForController: how many of a controller's pods are in each phase.
import type { KubeObject } from '@kubelab/cluster';
import type { DescribeReader, PrefixWriter } from './prefix-writer';

/** Counts the pods matching `selector` whose controller is `object` (orphans and others' pods are skipped). */
export function podPhases(object: KubeObject, selector: string, reader: DescribeReader): Record<string, number> {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  const pods = reader.list('pods', object.metadata?.namespace, { labelSelector: selector });
  for (const pod of pods) {
    const owner = (pod.metadata?.ownerReferences ?? []).find((reference) => reference.controller);
    if (owner?.uid !== object.metadata?.uid) continue;
    const phase = (pod.status as { phase?: string } | undefined)?.phase ?? '';
    if (phase in counts) counts[phase] = (counts[phase] ?? 0) + 1;
  }
  return counts;
}

/** The `Pods Status:` line of the workload describers. */
export function writePodsStatus(w: PrefixWriter, object: KubeObject, selector: string, reader: DescribeReader): void {
  const phases = podPhases(object, selector, reader);
  w.write(
    0,
    `Pods Status:\t${phases.Running ?? 0} Running / ${phases.Pending ?? 0} Waiting / ${phases.Succeeded ?? 0} Succeeded / ${phases.Failed ?? 0} Failed\n`,
  );
}
