// pkg/controller/history and the revision helpers the DaemonSet and
// StatefulSet controllers share: a ControllerRevision holds a strategic merge
// patch that puts a workload's pod template back (`$patch: replace`), named
// after a hash of that patch as Go's encoding/json writes it.
import { goJson, sortedLabels } from '../../api/go-json';
import { isRecord, type KubeObject } from '../../api/objects';
import { utf8Encode } from '../../runtime/bytes';
import { fnv32 } from '../../runtime/fnv';
import { safeEncodeString } from '../../runtime/random';
import { byCreation } from '../creation-order';
import { newControllerRef } from '../workloads/owner-refs';

/** history.ControllerRevisionHashLabel. */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/** The canonical copy of a JSON value (sorted keys), as the revision's data is stored. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) copy[key] = sortedCopy(value[key]);
  return copy;
}

/** getPatch: what a revision stores of a DaemonSet or StatefulSet. */
export function revisionPatch(owner: Readonly<KubeObject>): Record<string, unknown> {
  const spec = isRecord(owner.spec) ? owner.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  return sortedCopy({ spec: { template: { ...template, $patch: 'replace' } } }) as Record<string, unknown>;
}

/** HashControllerRevision: FNV-32 of the data, then of the collision count's decimal digits. */
export function hashControllerRevision(data: unknown, probe?: number): string {
  let hash = fnv32(utf8Encode(goJson(data)));
  if (probe !== undefined) hash = fnv32(utf8Encode(String(probe)), hash);
  return safeEncodeString(String(hash));
}

/** ControllerRevisionName: `prefix-hash`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.slice(0, 223)}-${hash}`;
}

export function revisionNumber(revision: Readonly<KubeObject>): number {
  return typeof revision.revision === 'number' ? revision.revision : 0;
}

/** SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions<T extends Readonly<KubeObject>>(revisions: readonly T[]): T[] {
  return [...revisions].sort((left, right) => {
    const difference = revisionNumber(left) - revisionNumber(right);
    return difference !== 0 ? difference : byCreation(left, right);
  });
}

export function sameRevisionData(left: Readonly<KubeObject>, data: unknown): boolean {
  return goJson(left.data) === goJson(data);
}

function decimalHash(revision: Readonly<KubeObject>): number | undefined {
  const text = revision.metadata.labels?.[REVISION_HASH_LABEL];
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** EqualRevision: the hash labels (when both read as numbers) and the data agree. */
export function equalRevision(left: Readonly<KubeObject>, right: Readonly<KubeObject>): boolean {
  const leftHash = decimalHash(left);
  const rightHash = decimalHash(right);
  if (leftHash !== undefined && rightHash !== undefined && leftHash !== rightHash) return false;
  return sameRevisionData(left, right.data);
}

/** NewControllerRevision: owned by `parent`, labelled like its template plus the hash. */
export function newControllerRevision(
  parent: Readonly<KubeObject>,
  kind: { apiVersion: string; kind: string },
  templateLabels: Record<string, string>,
  data: Record<string, unknown>,
  revision: number,
  collisionCount: number,
): KubeObject {
  const hash = hashControllerRevision(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata.name ?? '', hash),
      namespace: parent.metadata.namespace,
      labels: sortedLabels({ ...templateLabels, [REVISION_HASH_LABEL]: hash }),
      ownerReferences: [newControllerRef(parent, kind.apiVersion, kind.kind)],
    },
    data,
    revision,
  };
}

/** The pod template a revision restores (ApplyRevision, for the template it replaces). */
export function revisionTemplate(revision: Readonly<KubeObject>): Record<string, unknown> {
  const data = isRecord(revision.data) ? revision.data : {};
  const spec = isRecord(data.spec) ? data.spec : {};
  const template = isRecord(spec.template) ? { ...spec.template } : {};
  delete template.$patch;
  return template;
}
