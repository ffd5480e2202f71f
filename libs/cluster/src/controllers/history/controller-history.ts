// pkg/controller/history and the revision helpers the DaemonSet and
// StatefulSet controllers share: a ControllerRevision holds a strategic merge
// patch that puts a workload's pod template back (`$patch: replace`), named
// after a hash of that patch as Go's encoding/json writes it.
import { isRecord, type KubeObject } from '../../api/objects';
import { parseTimestamp } from '../../runtime/clock';
import { safeEncodeString } from '../workloads/template-hash';
import { newControllerRef } from '../workloads/owner-refs';

/** history.ControllerRevisionHashLabel. */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

const FNV32_OFFSET = 2166136261;
const FNV32_PRIME = 16777619;

function goString(text: string): string {
  // encoding/json escapes HTML characters and the JavaScript line separators.
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  });
}

/** json.Marshal of a map[string]interface{}: keys sorted at every level. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${goString(key)}:${goJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return 'null';
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return bytes;
}

/** hash/fnv New32 (FNV-1, not 1a). */
function fnv32(bytes: readonly number[], hash = FNV32_OFFSET): number {
  let result = hash;
  for (const byte of bytes) result = (Math.imul(result, FNV32_PRIME) ^ byte) >>> 0;
  return result;
}

/** The canonical copy of a JSON value (sorted keys), as the revision's data is stored. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) copy[key] = sortedCopy(value[key]);
  return copy;
}

/** A label map in the key order Go's encoding/json writes maps. */
export function sortedLabels(labels: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) sorted[key] = labels[key] ?? '';
  return sorted;
}

/** getPatch: what a revision stores of a DaemonSet or StatefulSet. */
export function revisionPatch(owner: Readonly<KubeObject>): Record<string, unknown> {
  const spec = isRecord(owner.spec) ? owner.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  return sortedCopy({ spec: { template: { ...template, $patch: 'replace' } } }) as Record<string, unknown>;
}

/** HashControllerRevision: FNV-32 of the data, then of the collision count's decimal digits. */
export function hashControllerRevision(data: unknown, probe?: number): string {
  let hash = fnv32(utf8(goJson(data)));
  if (probe !== undefined) hash = fnv32(utf8(String(probe)), hash);
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
    if (difference !== 0) return difference;
    const createdLeft = parseTimestamp(left.metadata.creationTimestamp) ?? 0;
    const createdRight = parseTimestamp(right.metadata.creationTimestamp) ?? 0;
    if (createdLeft !== createdRight) return createdLeft - createdRight;
    const nameLeft = left.metadata.name ?? '';
    const nameRight = right.metadata.name ?? '';
    return nameLeft < nameRight ? -1 : nameLeft > nameRight ? 1 : 0;
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
