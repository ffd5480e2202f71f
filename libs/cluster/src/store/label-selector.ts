// Label selectors as k8s.io/apimachinery/pkg/labels v0.32 has them: parsed
// from text (`-l`, `?labelSelector=`), built from a map or a metav1.LabelSelector
// object, matched against labels and printed in Go's canonical form.
import { compareGoStrings } from '../api/validation/names';
import { requirementMatches, requirementToString, type LabelSelector } from './label-requirement';

export {
  newRequirement,
  SelectorParseError,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
} from './label-requirement';
export { parseLabelSelector } from './label-selector-parser';
export {
  labelSelectorFromObject,
  labelSelectorObjectAsMap,
  labelSelectorObjectAsString,
  validateLabelSelector,
  type LabelSelectorObject,
  type LabelSelectorRequirementObject,
  type LabelSelectorValidationOptions,
} from './label-selector-object';

/** labels.Everything(): no requirements, selects every object. */
export function everythingLabelSelector(): LabelSelector {
  return { requirements: [], nothing: false };
}

/** labels.Nothing(): selects no object (a nil metav1.LabelSelector). */
export function nothingLabelSelector(): LabelSelector {
  return { requirements: [], nothing: true };
}

/** Selector.Empty(): true when it does not restrict (Everything); false for Nothing. */
export function isEmptyLabelSelector(selector: LabelSelector): boolean {
  return !selector.nothing && selector.requirements.length === 0;
}

export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (selector.nothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((requirement) => requirementMatches(requirement, set));
}

/** Selector.String(): requirements by key, joined by ','; '' for Everything and Nothing. */
export function labelSelectorToString(selector: LabelSelector): string {
  if (selector.nothing) return '';
  return selector.requirements.map(requirementToString).join(',');
}

/** labels.SelectorFromSet: `key=value` for each entry, sorted by key; an empty map selects everything. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): LabelSelector {
  const keys = Object.keys(set ?? {}).sort(compareGoStrings);
  return {
    requirements: keys.map((key) => ({ key, operator: '=', values: [set?.[key] ?? ''] })),
    nothing: false,
  };
}

/** labels.FormatLabels: `a=b,c=d` sorted as whole `key=value` strings, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(labels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .sort(compareGoStrings);
  return pairs.join(',') || '<none>';
}
