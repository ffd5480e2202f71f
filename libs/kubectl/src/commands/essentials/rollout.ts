// `kubectl rollout status|history|undo|restart|pause|resume` for
// Deployments (kubectl's polymorphic helpers: rollout_status.go,
// history.go, rollback.go, objectrestarter.go).
import { formatTimestamp, type KubeObject, type WatchEvent } from '@kubelab/cluster';
import { KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { TabWriter } from '../../printers/tabwriter';
import { selectResources } from '../../resources/builder';
import { kindAndGroup, type ResourceMapping } from '../../resources/rest-mapper';

interface DeploymentShape {
  metadata?: { name?: string; generation?: number; uid?: string; annotations?: Record<string, string> };
  spec?: { replicas?: number; paused?: boolean; template?: Record<string, unknown> };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: Array<{ type?: string; reason?: string }>;
  };
}

interface ReplicaSetShape {
  metadata?: {
    name?: string;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ uid?: string; controller?: boolean }>;
  };
  spec?: {
    template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } } & Record<
      string,
      unknown
    >;
  };
}

/** The one object a rollout command works on, which must be a Deployment here. */
function target(inv: Invocation): { mapping: ResourceMapping; name: string } {
  const [selection] = selectResources(inv.mapper, inv.args);
  if (!selection) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const name = selection.names?.[0];
  if (!name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  if (selection.mapping.resource !== 'deployments') {
    throw new KubectlError(
      `error: no ${inv.path.split(' ')[1] ?? ''} viewer has been implemented for ${JSON.stringify(selection.mapping.kind)}`,
    );
  }
  return { mapping: selection.mapping, name };
}

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(deployment: DeploymentShape): { text: string; done: boolean } {
  const name = deployment.metadata?.name ?? '';
  const status = deployment.status ?? {};
  if ((deployment.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    throw new KubectlError(`error: deployment ${JSON.stringify(name)} exceeded its progress deadline`);
  }
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  if (updated < desired) {
    return {
      text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${desired} new replicas have been updated...\n`,
      done: false,
    };
  }
  if ((status.replicas ?? 0) > updated) {
    return {
      text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return {
      text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { text: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

async function rolloutStatus(inv: Invocation): Promise<number> {
  const { mapping, name } = target(inv);
  const namespace = inv.namespace;
  const first = inv.client.get(mapping, namespace, name) as DeploymentShape;
  const initial = deploymentStatus(first);
  inv.out(initial.text);
  if (initial.done || (inv.changed('watch') && !inv.bool('watch'))) return 0;
  const timeoutMs = inv.int('timeout');
  const deadline = timeoutMs > 0 ? inv.ctx.clock.now() + timeoutMs : Infinity;
  let done = false;
  let failure: KubectlError | undefined;
  const handle = inv.ctx.cluster.tryWatch(
    {
      group: mapping.group,
      version: mapping.version,
      resource: mapping.resource,
      namespace,
      query: {
        fieldSelector: `metadata.name=${name}`,
        resourceVersion: (first as KubeObject).metadata?.resourceVersion ?? '0',
      },
    },
    (event: WatchEvent) => {
      if (done || failure) return;
      if (event.type === 'DELETED') failure = new KubectlError('error: object has been deleted');
      if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
      try {
        const status = deploymentStatus(event.object as DeploymentShape);
        inv.out(status.text);
        done = status.done;
      } catch (error) {
        if (error instanceof KubectlError) failure = error;
        else throw error;
      }
    },
  );
  if (!('stop' in handle)) throw new KubectlError(statusMessage(handle.status));
  try {
    while (!done && !failure && !inv.ctx.signal.aborted) {
      if (inv.ctx.clock.now() >= deadline) throw new KubectlError('error: timed out waiting for the condition');
      if (!(await inv.ctx.clock.sleep(1000, { stream: true }))) break;
    }
  } finally {
    handle.stop();
  }
  if (failure) throw failure;
  return 0;
}

function ownedReplicaSets(inv: Invocation, deployment: KubeObject): ReplicaSetShape[] {
  const uid = deployment.metadata?.uid;
  return (inv.client.list(inv.mapper.require('replicasets'), inv.namespace).items as ReplicaSetShape[]).filter((set) =>
    (set.metadata?.ownerReferences ?? []).some((owner) => owner.uid === uid && owner.controller),
  );
}

function revisionOf(set: ReplicaSetShape): number {
  return Number(set.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

function rolloutHistory(inv: Invocation): number {
  const { mapping, name } = target(inv);
  const deployment = inv.client.get(mapping, inv.namespace, name);
  const sets = ownedReplicaSets(inv, deployment).filter((set) => revisionOf(set) > 0);
  const wanted = inv.int('revision');
  let body: string;
  if (sets.length === 0) body = 'No rollout history found.';
  else if (wanted > 0) {
    const set = sets.find((candidate) => revisionOf(candidate) === wanted);
    if (!set) throw new KubectlError('error: unable to find the specified revision');
    body = `Pod Template:\n  Labels:\t${Object.entries(set.spec?.template?.metadata?.labels ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join('\n\t')}\n`;
  } else {
    const writer = new TabWriter({ minWidth: 0, tabWidth: 8, padding: 2, padChar: ' ' });
    writer.write('REVISION\tCHANGE-CAUSE\n');
    for (const set of [...sets].sort((a, b) => revisionOf(a) - revisionOf(b))) {
      writer.write(`${revisionOf(set)}\t${set.metadata?.annotations?.['kubernetes.io/change-cause'] || '<none>'}\n`);
    }
    body = writer.flush();
  }
  const withRevision = wanted > 0 ? `with revision #${wanted}` : '';
  inv.out(`${kindAndGroup(mapping)}/${name} ${withRevision}\n${body}\n`);
  return 0;
}

function rolloutUndo(inv: Invocation): number {
  const { mapping, name } = target(inv);
  const deployment = inv.client.get(mapping, inv.namespace, name) as DeploymentShape & KubeObject;
  if (deployment.spec?.paused) {
    throw new KubectlError(
      `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`,
    );
  }
  const sets = ownedReplicaSets(inv, deployment).sort((a, b) => revisionOf(b) - revisionOf(a));
  const wanted = inv.int('to-revision');
  const current = sets[0];
  const previous = wanted > 0 ? sets.find((set) => revisionOf(set) === wanted) : sets.find((set) => set !== current);
  if (!previous) {
    throw new KubectlError(
      wanted > 0
        ? `error: unable to find specified revision ${wanted} in history`
        : 'error: no rollout history found for deployment "' + name + '"',
    );
  }
  const template = JSON.parse(JSON.stringify(previous.spec?.template ?? {})) as {
    metadata?: { labels?: Record<string, string> };
  };
  delete template.metadata?.labels?.['pod-template-hash'];
  if (JSON.stringify(template) === JSON.stringify(deployment.spec?.template ?? {})) {
    inv.out(
      `${kindAndGroup(mapping)}/${name} skipped rollback (current template already matches revision ${revisionOf(previous)})\n`,
    );
    return 0;
  }
  inv.client.patch(mapping, inv.namespace, name, 'json', [{ op: 'replace', path: '/spec/template', value: template }]);
  inv.out(`${kindAndGroup(mapping)}/${name} rolled back\n`);
  return 0;
}

function rolloutRestart(inv: Invocation): number {
  const { mapping, name } = target(inv);
  const deployment = inv.client.get(mapping, inv.namespace, name) as DeploymentShape;
  if (deployment.spec?.paused)
    throw new KubectlError(`error: can't restart paused deployment (run rollout resume first)`);
  const restartedAt = formatTimestamp(inv.ctx.clock.now());
  const patch = {
    spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } },
  };
  inv.client.patch(mapping, inv.namespace, name, 'strategic', patch, { fieldManager: 'kubectl-rollout' });
  inv.out(`${kindAndGroup(mapping)}/${name} restarted\n`);
  return 0;
}

function pauseOrResume(paused: boolean) {
  return (inv: Invocation): number => {
    const { mapping, name } = target(inv);
    const deployment = inv.client.get(mapping, inv.namespace, name) as DeploymentShape;
    const verb = paused ? 'paused' : 'resumed';
    if (Boolean(deployment.spec?.paused) === paused) {
      throw new KubectlError(`error: ${kindAndGroup(mapping)}/${name} is already ${verb}`);
    }
    inv.client.patch(
      mapping,
      inv.namespace,
      name,
      'strategic',
      { spec: { paused } },
      { fieldManager: 'kubectl-rollout' },
    );
    inv.out(`${kindAndGroup(mapping)}/${name} ${verb}\n`);
    return 0;
  };
}

export const rolloutCommands: KubectlCommand[] = [
  { path: 'rollout status', run: rolloutStatus },
  { path: 'rollout history', run: rolloutHistory },
  { path: 'rollout undo', run: rolloutUndo },
  { path: 'rollout restart', run: rolloutRestart },
  { path: 'rollout pause', run: pauseOrResume(true) },
  { path: 'rollout resume', run: pauseOrResume(false) },
];
