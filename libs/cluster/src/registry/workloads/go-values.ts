// Bad values of workload validation as Go's `%#v` prints the internal types
// (field.Error falls back to %#v for structs): the selector in
// `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`.
import { goPointer, goQuote, goStringMap, goStringSlice, goValue, type GoRendered } from '../../api/field-errors';
import { isRecord } from '../../api/objects';
import { goIntOrString, isIntOrString } from './intstr';
import { stringMapOf } from './types';

function goValues(value: unknown): string {
  return goStringSlice(Array.isArray(value) ? value.map(String) : undefined).go;
}

function goRequirement(value: unknown): string {
  const requirement = isRecord(value) ? value : {};
  const key = typeof requirement.key === 'string' ? requirement.key : '';
  const operator = typeof requirement.operator === 'string' ? requirement.operator : '';
  return `v1.LabelSelectorRequirement{Key:${goQuote(key)}, Operator:${goQuote(operator)}, Values:${goValues(requirement.values)}}`;
}

function labelSelectorText(selector: Record<string, unknown>): string {
  const matchLabels = goStringMap(isRecord(selector.matchLabels) ? stringMapOf(selector.matchLabels) : undefined).go;
  const expressions = Array.isArray(selector.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions.map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:${expressions}}`;
}

/** A *metav1.LabelSelector as a bad value: `null` when absent. */
export function goLabelSelector(selector: unknown): GoRendered | null {
  return isRecord(selector) ? goValue(labelSelectorText(selector)) : null;
}

/** A nested pointer field: `(*apps.RollingUpdateDeployment)(nil)` or an address. */
function goPointerTo(type: string, value: unknown): string {
  return goPointer(type, value === undefined || value === null);
}

/** A strategy struct `{Type, RollingUpdate *T}` as %#v prints it. */
export function goStrategy(structName: string, rollingUpdateType: string, strategy: unknown): GoRendered {
  const record = isRecord(strategy) ? strategy : {};
  const type = typeof record.type === 'string' ? record.type : '';
  return goValue(
    `apps.${structName}{Type:${goQuote(type)}, RollingUpdate:${goPointerTo(`apps.${rollingUpdateType}`, record.rollingUpdate)}}`,
  );
}

/** apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}. */
export function goStatefulSetRollingUpdate(rollingUpdate: Record<string, unknown>): GoRendered {
  const partition = typeof rollingUpdate.partition === 'number' ? rollingUpdate.partition : 0;
  const maxUnavailable = goPointerTo('intstr.IntOrString', rollingUpdate.maxUnavailable);
  return goValue(`apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${maxUnavailable}}`);
}

/** An IntOrString field read from JSON, rendered; non-IntOrString values print as 0. */
export function goIntOrStringField(value: unknown): GoRendered {
  return goIntOrString(isIntOrString(value) ? value : undefined);
}
