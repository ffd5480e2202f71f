// Applies a PATCH body of the declared type to a stored object, with the
// API server's errors for malformed or inapplicable patches.
import { ApiError } from '../errors';
import { cloneJson, type KubeObject } from '../objects';
import type { PatchType } from '../request';
import { applyJsonPatch } from './json-patch';
import { applyMergePatch } from './json-merge-patch';
import { PatchError } from './patch-error';
import { applyStrategicMergePatch } from './strategic-merge-patch';

export function applyPatch(kind: string, type: PatchType, original: Readonly<KubeObject>, patch: unknown): unknown {
  const base = cloneJson(original);
  try {
    switch (type) {
      case 'json':
        return applyJsonPatch(base, patch);
      case 'merge':
        return applyMergePatch(base, patch);
      case 'strategic':
        return applyStrategicMergePatch(kind, base, patch);
    }
  } catch (error) {
    // The patch code already knows the exact Status patch.go would answer with.
    if (error instanceof PatchError) throw new ApiError(error.toStatus());
    throw error;
  }
}
