// A DaemonSet's ControllerRevisions (update.go constructHistory, snapshot,
// dedupCurHistories, cleanupHistory): one revision per template, named
// `<daemonset>-<hash>`, the current one renumbered to the newest, the oldest
// dropped beyond revisionHistoryLimit unless a pod still runs them.
import { ApiError } from '../../api/errors';
import { sortedLabels } from '../../api/go-json';
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { ParsedSelector } from '../../registry/workloads';
import { revisionNumber, revisionPatch, sameRevisionData, sortRevisions } from '../history/controller-history';
import { computeTemplateHash } from '../workloads/template-hash';
import { claimAll, claimTarget, newControllerRef } from '../workloads/owner-refs';
import type { ControllerContext } from '../controller';
import { DAEMON_SET_KIND, podsByNode, readDaemonSet, REVISION_HASH_LABEL } from './daemon-pods';

export interface DaemonHistory {
  current: Readonly<KubeObject>;
  old: Readonly<KubeObject>[];
}

/** controlledHistories: the revisions the DaemonSet claims (adopting orphans its selector matches). */
function controlledHistories(
  ds: Readonly<KubeObject>,
  selector: ParsedSelector,
  context: ControllerContext,
): Readonly<KubeObject>[] {
  const target = claimTarget(ds, DAEMON_SET_KIND, RESOURCES.controllerrevisions, context.client);
  const revisions = context.client.list(RESOURCES.controllerrevisions, ds.metadata.namespace);
  return claimAll(target, revisions, (revision) => selector.matches(revision.metadata.labels ?? {}));
}

function withHashLabel(revision: Readonly<KubeObject>, context: ControllerContext): Readonly<KubeObject> {
  if (revision.metadata.labels?.[REVISION_HASH_LABEL] !== undefined) return revision;
  const copy = context.client.copy(revision);
  copy.metadata.labels = { ...copy.metadata.labels, [REVISION_HASH_LABEL]: copy.metadata.name ?? '' };
  return context.client.update(RESOURCES.controllerrevisions, copy);
}

/** snapshot: a new revision of the current template; a name taken by another template bumps collisionCount. */
function snapshot(ds: Readonly<KubeObject>, revision: number, context: ControllerContext): Readonly<KubeObject> {
  const view = readDaemonSet(ds);
  const data = revisionPatch(ds);
  const hash = computeTemplateHash(view.template, view.collisionCount);
  const name = `${view.name}-${hash}`;
  const labels = sortedLabels({ ...(readLabels(view.template) ?? {}), [REVISION_HASH_LABEL]: hash });
  const history: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: view.namespace,
      labels,
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(ds, DAEMON_SET_KIND.apiVersion, DAEMON_SET_KIND.kind)],
    },
    data,
    revision,
  };
  try {
    return context.client.create(RESOURCES.controllerrevisions, history);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status.reason !== 'AlreadyExists') throw error;
    const existing = context.client.get(RESOURCES.controllerrevisions, view.namespace, name);
    if (existing && sameRevisionData(existing, data)) return existing;
    const current = context.client.get(RESOURCES.daemonsets, view.namespace, view.name);
    if (!current) throw error;
    const copy = context.client.copy(current);
    const status = (copy.status ?? {}) as Record<string, unknown>;
    status.collisionCount = (typeof status.collisionCount === 'number' ? status.collisionCount : 0) + 1;
    copy.status = status;
    context.client.updateStatus(RESOURCES.daemonsets, copy);
    throw error;
  }
}

function readLabels(template: Record<string, unknown>): Record<string, string> | undefined {
  const metadata = template.metadata as { labels?: Record<string, string> } | undefined;
  return metadata?.labels;
}

/** dedupCurHistories: keep the newest equal revision, relabel pods of the others, delete them. */
function dedup(
  currents: Readonly<KubeObject>[],
  claimPods: () => Readonly<KubeObject>[],
  context: ControllerContext,
): Readonly<KubeObject> {
  const keep = currents.reduce((kept, candidate) =>
    revisionNumber(candidate) >= revisionNumber(kept) ? candidate : kept,
  );
  if (currents.length === 1) return keep;
  const hash = keep.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  for (const pod of claimPods()) {
    if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) continue;
    const copy = context.client.copy(pod);
    copy.metadata.labels = { ...copy.metadata.labels, [REVISION_HASH_LABEL]: hash };
    context.client.update(RESOURCES.pods, copy);
  }
  for (const duplicate of currents) {
    if (duplicate.metadata.name === keep.metadata.name) continue;
    context.client.delete(RESOURCES.controllerrevisions, duplicate.metadata.namespace, duplicate.metadata.name ?? '');
  }
  return keep;
}

/** constructHistory: the current revision (created or renumbered as needed) and the old ones. */
export function constructHistory(
  ds: Readonly<KubeObject>,
  selector: ParsedSelector,
  claimPods: () => Readonly<KubeObject>[],
  context: ControllerContext,
): DaemonHistory {
  const data = revisionPatch(ds);
  const currents: Readonly<KubeObject>[] = [];
  const old: Readonly<KubeObject>[] = [];
  for (const claimed of controlledHistories(ds, selector, context)) {
    const history = withHashLabel(claimed, context);
    if (sameRevisionData(history, data)) currents.push(history);
    else old.push(history);
  }
  const next = Math.max(0, ...old.map(revisionNumber)) + 1;
  if (currents.length === 0) return { current: snapshot(ds, next, context), old };
  const current = dedup(currents, claimPods, context);
  if (revisionNumber(current) >= next) return { current, old };
  const copy = context.client.copy(current);
  copy.revision = next;
  return { current: context.client.update(RESOURCES.controllerrevisions, copy), old };
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit, oldest first, unless a pod still uses them. */
export function cleanupHistory(
  ds: Readonly<KubeObject>,
  old: readonly Readonly<KubeObject>[],
  claimPods: () => Readonly<KubeObject>[],
  context: ControllerContext,
): void {
  let toKill = old.length - readDaemonSet(ds).revisionHistoryLimit;
  if (toKill <= 0) return;
  const liveHashes = new Set<string>();
  for (const pods of podsByNode(claimPods(), true).values()) {
    for (const pod of pods) {
      const hash = pod.metadata.labels?.[REVISION_HASH_LABEL];
      if (hash) liveHashes.add(hash);
    }
  }
  for (const history of sortRevisions(old)) {
    if (toKill <= 0) break;
    if (liveHashes.has(history.metadata.labels?.[REVISION_HASH_LABEL] ?? '')) continue;
    context.client.delete(RESOURCES.controllerrevisions, history.metadata.namespace, history.metadata.name ?? '');
    toKill--;
  }
}
