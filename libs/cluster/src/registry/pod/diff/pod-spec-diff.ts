// A v1 pod spec as the internal core.PodSpec Go value (host namespaces
// move into the security context, as the conversion does), its semantic
// comparison, and the cmp.Diff report ValidatePodUpdate appends.
import { isRecord } from '../../../api/objects';
import type { JsonRecord } from '../json';
import { goDiff } from './go-diff';
import { GO_TYPES } from './go-types';
import { goEqual, toGo, type GoValue } from './go-value';

const HOST_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers'];

export function internalPodSpec(spec: JsonRecord): GoValue {
  const internal: JsonRecord = { ...spec };
  const hostFields = HOST_FIELDS.filter((key) => spec[key] !== undefined);
  if (isRecord(spec.securityContext) || hostFields.length) {
    const context: JsonRecord = isRecord(spec.securityContext) ? { ...spec.securityContext } : {};
    for (const key of hostFields) context[key] = spec[key];
    internal.securityContext = context;
  }
  const type = GO_TYPES.PodSpec;
  if (!type) throw new Error('PodSpec type missing');
  return toGo(type, internal);
}

/** apiequality.Semantic.DeepEqual of two v1 pod specs. */
export function podSpecsSemanticallyEqual(left: JsonRecord, right: JsonRecord): boolean {
  return goEqual(internalPodSpec(left), internalPodSpec(right), true);
}

/** cmp.Diff(old, new) of two v1 pod specs, as the internal Go types print. */
export function podSpecDiff(old: JsonRecord, updated: JsonRecord): string {
  return goDiff(internalPodSpec(old), internalPodSpec(updated));
}
