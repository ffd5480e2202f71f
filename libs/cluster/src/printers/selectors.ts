// Selectors as the printers write them: labels.FormatLabels for map
// selectors and metav1.LabelSelectorAsSelector(...).String() for label
// selectors (requirements sorted by key, set values sorted).
import { isRecord } from '../api/objects';
import { records, str, stringMap, strings } from './fields';

/** labels.Set.String(): `key=value` pairs sorted as whole strings, comma-joined. */
export function labelsString(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join(',');
}

/** labels.FormatLabels: `<none>` for an empty map. */
export function formatLabels(labels: Record<string, string>): string {
  return labelsString(labels) || '<none>';
}

const OPERATORS: Record<string, (key: string, values: string[]) => string | undefined> = {
  In: (key, values) => (values.length ? `${key} in (${[...values].sort().join(',')})` : undefined),
  NotIn: (key, values) => (values.length ? `${key} notin (${[...values].sort().join(',')})` : undefined),
  Exists: (key, values) => (values.length ? undefined : key),
  DoesNotExist: (key, values) => (values.length ? undefined : `!${key}`),
};

/**
 * LabelSelectorAsSelector(selector).String(); undefined where Go returns an
 * error (an unknown operator, values where none belong or none where some must).
 * A nil selector (labels.Nothing) and an empty one (labels.Everything) print as ''.
 */
export function labelSelectorString(selector: unknown): string | undefined {
  if (!isRecord(selector)) return '';
  const requirements: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(stringMap(selector.matchLabels))) {
    requirements.push({ key, text: `${key}=${value}` });
  }
  for (const expression of records(selector.matchExpressions)) {
    const key = str(expression.key);
    const render = OPERATORS[str(expression.operator)];
    const text = render?.(key, strings(expression.values));
    if (text === undefined) return undefined;
    requirements.push({ key, text });
  }
  // Selector.Add sorts requirements by key.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map((requirement) => requirement.text).join(',');
}

/** metav1.FormatLabelSelector: `<none>` when empty, `<error>` when it cannot be parsed. */
export function formatLabelSelector(selector: unknown): string {
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text || '<none>';
}
