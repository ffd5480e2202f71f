// kuttl/Chainsaw-style partial matching: the expected value is a pattern.
// Maps are subsets (fields left out are not checked); lists of objects match
// in any order (ports, containers, env: their meaning does not depend on
// it); lists of scalars in order, or as a subset with `contains`. Scalars
// compare by meaning: 6379 and "6379" (int-or-string), 0.5 and 500m, 1Gi and 1024Mi.

import { quantityNumber } from '@kubelab/cluster';

export type PathSegment = string | number;

export interface Mismatch {
  path: PathSegment[];
  expected: unknown;
  /** undefined when the field is missing. */
  actual: unknown;
}

export interface MatchOptions {
  lists: 'ordered' | 'contains';
  /** Other values an actual scalar stands for (a named targetPort and its container port). */
  equivalents?: (path: readonly PathSegment[], actual: unknown) => unknown[];
}

/** A number, a numeric string or a Kubernetes quantity as a number; undefined otherwise. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? quantityNumber(value.trim()) : undefined;
}

export function scalarsEqual(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  const [a, b] = [numericValue(expected), numericValue(actual)];
  if (a !== undefined && b !== undefined) return Math.abs(a - b) <= Math.abs(a) * 1e-9;
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function findMismatch(
  expected: unknown,
  actual: unknown,
  options: MatchOptions,
  path: PathSegment[] = [],
): Mismatch | undefined {
  if (isRecord(expected)) {
    if (!isRecord(actual)) return { path, expected, actual };
    for (const [key, value] of Object.entries(expected)) {
      const mismatch = findMismatch(value, actual[key], options, [...path, key]);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return { path, expected, actual };
    return expected.some(isRecord) || options.lists === 'contains'
      ? unorderedMismatch(expected, actual, options, path)
      : orderedMismatch(expected, actual, options, path);
  }
  if (actual === undefined) return { path, expected, actual };
  const alternatives = [actual, ...(options.equivalents?.(path, actual) ?? [])];
  return alternatives.some((candidate) => scalarsEqual(expected, candidate)) ? undefined : { path, expected, actual };
}

function orderedMismatch(
  expected: unknown[],
  actual: unknown[],
  options: MatchOptions,
  path: PathSegment[],
): Mismatch | undefined {
  for (const [index, item] of expected.entries()) {
    const mismatch = findMismatch(item, actual[index], options, [...path, index]);
    if (mismatch) return mismatch;
  }
  return actual.length === expected.length ? undefined : { path, expected, actual };
}

/** Each expected element matches a different actual one; the nearest miss is reported for the first that does not. */
function unorderedMismatch(
  expected: unknown[],
  actual: unknown[],
  options: MatchOptions,
  path: PathSegment[],
): Mismatch | undefined {
  const used = new Set<number>();
  for (const item of expected) {
    const free = actual.map((candidate, index) => ({ candidate, index })).filter(({ index }) => !used.has(index));
    const found = free.find(({ candidate, index }) => !findMismatch(item, candidate, options, [...path, index]));
    if (found) {
      used.add(found.index);
      continue;
    }
    // The nearest is the element agreeing on most of the expected fields (`name: http` beats `name: https`).
    const nearest = free
      .map(({ candidate, index }) => ({
        agreement: agreement(item, candidate, options),
        mismatch: findMismatch(item, candidate, options, [...path, index]),
      }))
      .sort((a, b) => b.agreement - a.agreement)[0]?.mismatch;
    return nearest ?? { path: [...path, actual.length], expected: item, actual: undefined };
  }
  if (options.lists === 'ordered' && actual.length !== expected.length) return { path, expected, actual };
  return undefined;
}

/** How many of the expected fields an actual object already matches. */
function agreement(expected: unknown, actual: unknown, options: MatchOptions): number {
  if (!isRecord(expected) || !isRecord(actual)) return 0;
  return Object.entries(expected).filter(([key, value]) => !findMismatch(value, actual[key], options)).length;
}

export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${segment}`))
    .join('');
}

export function formatValue(value: unknown): string {
  if (value === undefined) return 'not set';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
