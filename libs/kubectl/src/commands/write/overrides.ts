// `--overrides`: a JSON document merged into the generated object (JSON merge patch, RFC 7386).
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

export function applyOverrides(inv: Invocation, object: KubeObject): KubeObject {
  const overrides = inv.string('overrides');
  if (overrides === '') return object;
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw new KubectlError(`error: Invalid JSON Patch`);
  }
  return mergePatch(object, patch) as KubeObject;
}
