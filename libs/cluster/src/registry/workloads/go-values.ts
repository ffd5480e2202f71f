// Bad values of workload validation as Go's `%#v` prints the internal types
// (field.Error falls back to %#v for structs): the selector in
// `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`.
import { goQuote, goStringMap, goValue, type GoRendered } from '../../api/field-errors';
import { isRecord } from '../../api/objects';
import { goIntOrString, isIntOrString } from './intstr';
import { stringMapOf } from './types';

/** A fixed stand-in for the pointer address %#v prints for a nested non-nil pointer. */
const POINTER = '0xc000a4e3c0';

function goStringSlice(value: unknown): string {
  if (!Array.isArray(value)) return '[]string(nil)';
  return `[]string{${value.map((item) => goQuote(String(item))).join(', ')}}`;
}

function goRequirement(value: unknown): string {
  const requirement = isRecord(value) ? value : {};
  const key = typeof requirement.key === 'string' ? requirement.key : '';
  const operator = typeof requirement.operator === 'string' ? requirement.operator : '';
  return `v1.LabelSelectorRequirement{Key:${goQuote(key)}, Operator:${goQuote(operator)}, Values:${goStringSlice(requirement.values)}}`;
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
function goPointer(type: string, value: unknown): string {
  return value === undefined || value === null ? `(*${type})(nil)` : `(*${type})(${POINTER})`;
}

/** A strategy struct `{Type, RollingUpdate *T}` as %#v prints it. */
export function goStrategy(structName: string, rollingUpdateType: string, strategy: unknown): GoRendered {
  const record = isRecord(strategy) ? strategy : {};
  const type = typeof record.type === 'string' ? record.type : '';
  return goValue(
    `apps.${structName}{Type:${goQuote(type)}, RollingUpdate:${goPointer(`apps.${rollingUpdateType}`, record.rollingUpdate)}}`,
  );
}

/** apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}. */
export function goStatefulSetRollingUpdate(rollingUpdate: Record<string, unknown>): GoRendered {
  const partition = typeof rollingUpdate.partition === 'number' ? rollingUpdate.partition : 0;
  const maxUnavailable = goPointer('intstr.IntOrString', rollingUpdate.maxUnavailable);
  return goValue(`apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${maxUnavailable}}`);
}

/** An IntOrString field read from JSON, rendered; non-IntOrString values print as 0. */
export function goIntOrStringField(value: unknown): GoRendered {
  return goIntOrString(isIntOrString(value) ? value : undefined);
}
