// The order the controllers' ByCreationTimestamp sorts share: the oldest
// first, ties broken by name.
import type { KubeObject } from '../api/objects';
import { parseTimestamp } from '../runtime/clock';

function creationTime(object: Readonly<KubeObject>): number {
  return parseTimestamp(object.metadata.creationTimestamp) ?? 0;
}

export function byCreation(left: Readonly<KubeObject>, right: Readonly<KubeObject>): number {
  const difference = creationTime(left) - creationTime(right);
  if (difference !== 0) return difference;
  const a = left.metadata.name ?? '';
  const b = right.metadata.name ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}
