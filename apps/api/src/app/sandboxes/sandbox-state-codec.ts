import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { SandboxSnapshot } from '@kubelab/shell';

export interface EncodedState {
  /** gzip of the snapshot's JSON. */
  bytes: Uint8Array<ArrayBuffer>;
  jsonBytes: number;
}

/** Level 1: the JSON compresses 5-9x at this level, and quickly (see docs/benchmarks.md). */
const GZIP_LEVEL = 1;

export function encodeState(snapshot: SandboxSnapshot): EncodedState {
  const json = Buffer.from(JSON.stringify(snapshot), 'utf8');
  const compressed = gzipSync(json, { level: GZIP_LEVEL });
  return { bytes: new Uint8Array(compressed), jsonBytes: json.length };
}

export function decodeState(bytes: Uint8Array): SandboxSnapshot {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as SandboxSnapshot;
}

/**
 * What a snapshot holds apart from the shell history and the moment it was
 * taken: two snapshots with the same fingerprint restore to the same sandbox
 * once the history is replayed from the transcript.
 */
export function stateFingerprint(snapshot: SandboxSnapshot): string {
  const comparable = {
    ...snapshot,
    cluster: { ...snapshot.cluster, takenAt: 0 },
    shell: { ...snapshot.shell, history: [] },
  };
  return createHash('sha256').update(JSON.stringify(comparable)).digest('base64url');
}
