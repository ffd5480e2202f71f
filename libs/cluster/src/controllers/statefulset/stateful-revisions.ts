// A StatefulSet's ControllerRevisions (getStatefulSetRevisions,
// truncateHistory, AdoptOrphanRevisions): the update revision is the set's
// template now, reused or renumbered when an equal revision exists (a
// rollback), created `<set>-<hash>` otherwise; the current revision is the
// one status.currentRevision names.
import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { ParsedSelector } from '../../registry/workloads';
import type { ControllerContext } from '../controller';
import {
  controllerRevisionName,
  equalRevision,
  hashControllerRevision,
  newControllerRevision,
  revisionNumber,
  revisionPatch,
  sameRevisionData,
  sortRevisions,
} from '../history/controller-history';
import { controllerRefOf, newControllerRef } from '../workloads/owner-refs';
import { podRevision, readStatefulSet, STATEFUL_SET_KIND } from './stateful-pods';

export interface StatefulRevisions {
  current: Readonly<KubeObject>;
  update: Readonly<KubeObject>;
  collisionCount: number;
}

/** ListControllerRevisions: revisions the selector matches that the set owns or nobody does. */
export function listRevisions(
  set: Readonly<KubeObject>,
  selector: ParsedSelector,
  context: ControllerContext,
): Readonly<KubeObject>[] {
  return context.client.list(RESOURCES.controllerrevisions, set.metadata.namespace).filter((revision) => {
    if (!selector.matches(revision.metadata.labels ?? {})) return false;
    const owner = controllerRefOf(revision);
    return !owner || owner.uid === set.metadata.uid;
  });
}

/** adoptOrphanRevisions: a set that is not being deleted takes the orphans it selects. */
export function adoptOrphanRevisions(set: Readonly<KubeObject>, selector: ParsedSelector, context: ControllerContext) {
  const orphans = listRevisions(set, selector, context).filter((revision) => !controllerRefOf(revision));
  if (!orphans.length || set.metadata.deletionTimestamp) return;
  for (const orphan of orphans) {
    const copy = context.client.copy(orphan);
    const reference = newControllerRef(set, STATEFUL_SET_KIND.apiVersion, STATEFUL_SET_KIND.kind);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), reference];
    context.client.update(RESOURCES.controllerrevisions, copy);
  }
}

/** CreateControllerRevision: a name taken by other data moves on to the next collision count. */
function createRevision(
  set: Readonly<KubeObject>,
  revision: KubeObject,
  collisionCount: number,
  context: ControllerContext,
): { created: Readonly<KubeObject>; collisionCount: number } {
  for (let count = collisionCount; ; count++) {
    const clone = context.client.copy(revision);
    clone.metadata.name = controllerRevisionName(set.metadata.name ?? '', hashControllerRevision(revision.data, count));
    try {
      return { created: context.client.create(RESOURCES.controllerrevisions, clone), collisionCount: count };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status.reason !== 'AlreadyExists') throw error;
      const existing = context.client.get(RESOURCES.controllerrevisions, set.metadata.namespace, clone.metadata.name);
      if (existing && sameRevisionData(existing, revision.data)) return { created: existing, collisionCount: count };
    }
  }
}

/** newRevision: the set's template as a revision, carrying the set's annotations. */
function newRevision(set: Readonly<KubeObject>, revision: number, collisionCount: number): KubeObject {
  const view = readStatefulSet(set);
  const metadata = view.template.metadata as { labels?: Record<string, string> } | undefined;
  const created = newControllerRevision(
    set,
    STATEFUL_SET_KIND,
    metadata?.labels ?? {},
    revisionPatch(set),
    revision,
    collisionCount,
  );
  if (set.metadata.annotations) created.metadata.annotations = { ...set.metadata.annotations };
  return created;
}

/** getStatefulSetRevisions, from the set's revisions sorted oldest first. */
export function statefulSetRevisions(
  set: Readonly<KubeObject>,
  revisions: readonly Readonly<KubeObject>[],
  context: ControllerContext,
): StatefulRevisions {
  const view = readStatefulSet(set);
  let collisionCount = view.collisionCount;
  const last = revisions[revisions.length - 1];
  const candidate = newRevision(set, last ? revisionNumber(last) + 1 : 1, collisionCount);
  const equal = revisions.filter((revision) => equalRevision(revision, candidate));
  const lastEqual = equal[equal.length - 1];
  let update: Readonly<KubeObject>;
  if (last && lastEqual && equalRevision(last, lastEqual)) {
    update = last;
  } else if (lastEqual) {
    // Back to an earlier template: that revision becomes the newest.
    const copy = context.client.copy(lastEqual);
    copy.revision = candidate.revision;
    update = context.client.update(RESOURCES.controllerrevisions, copy);
  } else {
    const outcome = createRevision(set, candidate, collisionCount, context);
    update = outcome.created;
    collisionCount = outcome.collisionCount;
  }
  const current = revisions.find((revision) => revision.metadata.name === view.currentRevision) ?? update;
  return { current, update, collisionCount };
}

/** truncateHistory: revisions no pod, nor the current or update revision, uses, beyond revisionHistoryLimit. */
export function truncateHistory(
  set: Readonly<KubeObject>,
  pods: readonly Readonly<KubeObject>[],
  revisions: readonly Readonly<KubeObject>[],
  live: { current?: Readonly<KubeObject>; update?: Readonly<KubeObject> },
  context: ControllerContext,
): void {
  const used = new Set<string>(pods.map(podRevision));
  if (live.current) used.add(live.current.metadata.name ?? '');
  if (live.update) used.add(live.update.metadata.name ?? '');
  const history = sortRevisions(revisions).filter((revision) => !used.has(revision.metadata.name ?? ''));
  const excess = history.length - readStatefulSet(set).revisionHistoryLimit;
  for (const revision of history.slice(0, Math.max(0, excess))) {
    context.client.delete(RESOURCES.controllerrevisions, revision.metadata.namespace, revision.metadata.name ?? '');
  }
}
