// The query string of a Kubernetes API URL, decoded as Go's url.ParseQuery
// does (`+` is a space), and mapped to the request vocabulary of the cluster.
import type { RequestQuery } from '../api/request';

export type QueryValues = Map<string, string>;

/** Splits `a=1&b=x+y` into values; a repeated key keeps its first value, as `Values.Get` does. */
export function parseQueryString(query: string): QueryValues {
  const values: QueryValues = new Map();
  for (const part of query.split('&')) {
    if (!part) continue;
    const equals = part.indexOf('=');
    const key = decodeComponent(equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? '' : decodeComponent(part.slice(equals + 1));
    if (!values.has(key)) values.set(key, value);
  }
  return values;
}

function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Go's strconv.ParseBool, as the apiserver's query decoder uses it. */
export function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}

const PROPAGATION = ['Orphan', 'Background', 'Foreground'] as const;
const INCLUDE_OBJECT = ['None', 'Metadata', 'Object'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** The options the cluster understands; unknown parameters are ignored as the real server ignores them. */
export function requestQuery(values: QueryValues): RequestQuery {
  const query: RequestQuery = {};
  const text = (key: string): string | undefined => {
    const value = values.get(key);
    return value === undefined || value === '' ? undefined : value;
  };
  const labelSelector = text('labelSelector');
  if (labelSelector !== undefined) query.labelSelector = labelSelector;
  const fieldSelector = text('fieldSelector');
  if (fieldSelector !== undefined) query.fieldSelector = fieldSelector;
  if (values.get('dryRun') === 'All') query.dryRun = 'All';
  const fieldManager = text('fieldManager');
  if (fieldManager !== undefined) query.fieldManager = fieldManager;
  const resourceVersion = text('resourceVersion');
  if (resourceVersion !== undefined) query.resourceVersion = resourceVersion;
  const limit = parseInteger(values.get('limit'));
  if (limit !== undefined && limit > 0) query.limit = limit;
  const continueToken = text('continue');
  if (continueToken !== undefined) query.continue = continueToken;
  const gracePeriodSeconds = parseInteger(values.get('gracePeriodSeconds'));
  if (gracePeriodSeconds !== undefined) query.gracePeriodSeconds = gracePeriodSeconds;
  const propagationPolicy = oneOf(PROPAGATION, values.get('propagationPolicy'));
  if (propagationPolicy) query.propagationPolicy = propagationPolicy;
  const container = text('container');
  if (container !== undefined) query.container = container;
  const previous = parseBool(values.get('previous'));
  if (previous !== undefined) query.previous = previous;
  const tailLines = parseInteger(values.get('tailLines'));
  if (tailLines !== undefined) query.tailLines = tailLines;
  const sinceSeconds = parseInteger(values.get('sinceSeconds'));
  if (sinceSeconds !== undefined) query.sinceSeconds = sinceSeconds;
  const timestamps = parseBool(values.get('timestamps'));
  if (timestamps !== undefined) query.timestamps = timestamps;
  const includeObject = oneOf(INCLUDE_OBJECT, values.get('includeObject'));
  if (includeObject) query.includeObject = includeObject;
  return query;
}
