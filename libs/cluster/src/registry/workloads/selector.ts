// The workload controllers' label selectors: metav1.LabelSelectorAsSelector
// semantics (a nil selector selects nothing, an empty one everything), the
// selector checks shared by the apps kinds, and the Scale's selector string.
import { fieldErrors, goStringMap, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import {
  labelSelectorFromObject,
  labelSelectorToString,
  matchesLabelSelector,
  selectorFromSet,
  validateLabelSelector,
} from '../../store/label-selector';
import { goLabelSelector } from './go-values';
import { labelSelectorOf, templateLabels, type LabelSelector } from './types';

export type LabelMatcher = (labels: Record<string, string>) => boolean;

/** A selector as LabelSelectorAsSelector makes it: a nil one selects nothing, an empty one everything. */
export interface ParsedSelector {
  matches: LabelMatcher;
  /** selector.Empty(): selects everything, so template checks are skipped. */
  empty: boolean;
}

const NOTHING: ParsedSelector = { matches: () => false, empty: false };

/** LabelSelectorAsSelector; undefined when the selector cannot be parsed. */
export function parseSelector(selector: LabelSelector | undefined): ParsedSelector | undefined {
  if (!selector) return NOTHING;
  try {
    const parsed = labelSelectorFromObject(selector);
    return { matches: (labels) => matchesLabelSelector(parsed, labels), empty: isEmptySelector(selector) };
  } catch {
    return undefined;
  }
}

/** A map selector (ReplicationController): SelectorFromSet. */
export function parseSetSelector(selector: Record<string, string> | undefined): ParsedSelector {
  const parsed = selectorFromSet(selector ?? {});
  return { matches: (labels) => matchesLabelSelector(parsed, labels), empty: Object.keys(selector ?? {}).length === 0 };
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0;
}

/** The selector checks of ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateStatefulSetSpec. */
export function validateRequiredSelector(
  selector: LabelSelector | undefined,
  path: string,
  emptyMessage: string,
): FieldError[] {
  if (!selector) return [fieldErrors.required(path)];
  const errors = validateLabelSelector(selector, path);
  if (isEmptySelector(selector)) errors.push(fieldErrors.invalid(path, goLabelSelector(selector), emptyMessage));
  return errors;
}

/** `selector` does not match template `labels`; an empty selector matches anything. */
export function validateTemplateLabelsMatch(
  selector: ParsedSelector,
  labels: Record<string, string> | undefined,
  templatePath: string,
): FieldError[] {
  if (selector.empty || selector.matches(labels ?? {})) return [];
  return [
    fieldErrors.invalid(
      `${templatePath}.metadata.labels`,
      goStringMap(labels),
      '`selector` does not match template `labels`',
    ),
  ];
}

/** `status.selector` of a Scale: the workload's selector as a string. */
export function selectorText(object: Readonly<KubeObject>): string {
  const selector = labelSelectorOf(object);
  if (!selector) return '';
  try {
    return labelSelectorToString(labelSelectorFromObject(selector));
  } catch {
    return '';
  }
}

export function setSelectorText(selector: Record<string, string> | undefined): string {
  return labelSelectorToString(selectorFromSet(selector ?? {}));
}

/** Whether an object's template labels are selected by its own selector. */
export function templateMatchesSelector(object: Readonly<KubeObject>): boolean {
  return parseSelector(labelSelectorOf(object))?.matches(templateLabels(object)) ?? false;
}
