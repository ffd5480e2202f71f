// The `kubectl.kubernetes.io/last-applied-configuration` annotation: the
// applied configuration as compact JSON with sorted keys (unstructured
// objects marshal their maps sorted), itself carrying an empty annotation map.
import type { KubeObject } from '@kubelab/cluster';
import { goJsonCompact } from '../../resources/manifests-yaml';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** util.GetModifiedConfiguration: the object with the annotation removed, serialised. */
export function modifiedConfiguration(object: KubeObject): string {
  const metadata = { ...(object.metadata ?? {}) } as Record<string, unknown>;
  const annotations = { ...((metadata['annotations'] as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  metadata['annotations'] = annotations;
  return goJsonCompact({ ...object, metadata });
}

/** The object carrying its own last-applied annotation (what `apply` and `create --save-config` send). */
export function lastAppliedAnnotated(object: KubeObject): KubeObject {
  const config = modifiedConfiguration(object);
  const metadata = { ...(object.metadata ?? {}) } as Record<string, unknown>;
  const annotations = {
    ...((metadata['annotations'] as Record<string, string> | undefined) ?? {}),
    [LAST_APPLIED]: `${config}\n`,
  };
  return { ...object, metadata: { ...metadata, annotations } };
}
