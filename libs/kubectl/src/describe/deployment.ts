// describe for Deployments (describe.go DeploymentDescriber).
import { formatRfc1123z, selectorString } from './formats';
import type { KubeObject } from '@kubelab/cluster';
import { writePodTemplate, type PodSpecShape } from './containers';
import {
  eventsFor,
  PrefixWriter,
  writeAnnotations,
  writeEvents,
  writeLabels,
  type DescribeReader,
} from './prefix-writer';

interface DeploymentShape {
  spec?: {
    replicas?: number;
    selector?: {
      matchLabels?: Record<string, string>;
      matchExpressions?: Array<{ key?: string; operator?: string; values?: string[] }>;
    };
    strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
    minReadySeconds?: number;
    template?: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: PodSpecShape;
    };
  };
  status?: {
    updatedReplicas?: number;
    replicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: Array<{ type?: string; status?: string; reason?: string }>;
  };
}

interface ReplicaSetShape {
  metadata?: {
    name?: string;
    ownerReferences?: Array<{ uid?: string; controller?: boolean }>;
    labels?: Record<string, string>;
  };
  spec?: { replicas?: number; template?: { metadata?: { labels?: Record<string, string> } } };
  status?: { replicas?: number };
}

function replicaSetsText(sets: readonly ReplicaSetShape[]): string {
  if (sets.length === 0) return '<none>';
  return sets
    .map(
      (set) => `${set.metadata?.name ?? ''} (${set.status?.replicas ?? 0}/${set.spec?.replicas ?? 0} replicas created)`,
    )
    .join(', ');
}

/** The Deployment's ReplicaSets: the one whose template matches its own is new; old ones with replicas follow. */
function replicaSets(
  deployment: KubeObject,
  reader: DescribeReader,
): { old: ReplicaSetShape[]; current: ReplicaSetShape | undefined } {
  const uid = deployment.metadata?.uid;
  const owned = (reader.list('replicasets', deployment.metadata?.namespace) as ReplicaSetShape[]).filter((set) =>
    (set.metadata?.ownerReferences ?? []).some((owner) => owner.uid === uid && owner.controller),
  );
  const templateLabels = (deployment as DeploymentShape).spec?.template?.metadata?.labels ?? {};
  const sameTemplate = (set: ReplicaSetShape) => {
    const labels = { ...(set.spec?.template?.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return JSON.stringify(Object.entries(labels).sort()) === JSON.stringify(Object.entries(templateLabels).sort());
  };
  const revision = (set: ReplicaSetShape) =>
    Number(
      (set.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.[
        'deployment.kubernetes.io/revision'
      ] ?? 0,
    );
  const candidates = owned.filter(sameTemplate).sort((a, b) => revision(b) - revision(a));
  const current = candidates[0];
  const old = owned.filter((set) => set !== current);
  return { old, current };
}

export function describeDeployment(deployment: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const w = new PrefixWriter();
  const metadata = deployment.metadata ?? {};
  const { spec = {}, status = {} } = deployment as DeploymentShape;
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${formatRfc1123z(metadata.creationTimestamp ?? undefined)}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const rolling = spec.strategy?.rollingUpdate;
  if (rolling)
    w.write(
      0,
      `RollingUpdateStrategy:\t${String(rolling.maxUnavailable ?? '')} max unavailable, ${String(rolling.maxSurge ?? '')} max surge\n`,
    );
  writePodTemplate(w, spec.template);
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const condition of status.conditions)
      w.write(1, `${condition.type ?? ''} \t${condition.status ?? ''}\t${condition.reason ?? ''}\n`);
  }
  const { old, current } = replicaSets(deployment, reader);
  w.write(0, `OldReplicaSets:\t${replicaSetsText(old)}\n`);
  w.write(0, `NewReplicaSet:\t${replicaSetsText(current ? [current] : [])}\n`);
  if (showEvents) writeEvents(w, eventsFor(reader, deployment), reader.now());
  return w.text();
}
