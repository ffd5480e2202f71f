// apiequality.Semantic.DeepEqual on JSON: an empty map or list equals an
// absent one, as Go's nil and empty maps and slices compare equal.
import { jsonEqual } from '../../api/handlers/decode';
import { isRecord } from '../../api/objects';

function withoutEmpties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpties);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const normalized = withoutEmpties(item);
    if (normalized === undefined) continue;
    if (Array.isArray(normalized) && normalized.length === 0) continue;
    if (isRecord(normalized) && Object.keys(normalized).length === 0) continue;
    result[key] = normalized;
  }
  return result;
}

export function semanticEqual(left: unknown, right: unknown): boolean {
  return jsonEqual(withoutEmpties(left), withoutEmpties(right));
}
