// `kubectl apply`'s patch: strategicpatch.CreateThreeWayMergePatch(original =
// last applied, modified = new configuration, current = live object):
// deletions are what the user removed since the last apply, changes are where
// the new configuration differs from the live object. Lists of objects merge
// by the Go types' patchMergeKey (containers by name, ports by port, ...).

type Json = Record<string, unknown>;

const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isMap = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isList(a) && isList(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** The patchMergeKey of a list field, given the list's items (service ports vs container ports). */
function mergeKeyOf(field: string, items: unknown[]): string | undefined {
  const sample = items.find(isMap);
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'ports':
      return sample && 'containerPort' in sample ? 'containerPort' : 'port';
    case 'volumeMounts':
      return 'mountPath';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'hostAliases':
      return 'ip';
    default:
      return undefined;
  }
}

/** Keys of `from` missing in `to` set to null, recursively (merge-key list items get `$patch: delete`). */
function deletions(from: Json, to: Json): Json {
  const patch: Json = {};
  for (const [key, value] of Object.entries(from)) {
    if (!(key in to)) {
      patch[key] = null;
      continue;
    }
    const next = to[key];
    if (isMap(value) && isMap(next)) {
      const inner = deletions(value, next);
      if (Object.keys(inner).length) patch[key] = inner;
    } else if (isList(value) && isList(next)) {
      const mergeKey = mergeKeyOf(key, [...value, ...next]);
      if (!mergeKey) continue;
      const items: Json[] = [];
      for (const item of value.filter(isMap)) {
        const match = next.filter(isMap).find((candidate) => deepEqual(candidate[mergeKey], item[mergeKey]));
        if (!match) items.push({ [mergeKey]: item[mergeKey], $patch: 'delete' });
        else {
          const inner = deletions(item, match);
          if (Object.keys(inner).length) items.push({ [mergeKey]: item[mergeKey], ...inner });
        }
      }
      if (items.length) patch[key] = items;
    }
  }
  return patch;
}

/** Where `modified` differs from `current`, ignoring what `current` has in addition. */
function changes(current: Json, modified: Json): Json {
  const patch: Json = {};
  for (const [key, value] of Object.entries(modified)) {
    const live = current[key];
    if (!(key in current)) {
      patch[key] = value;
    } else if (isMap(value) && isMap(live)) {
      const inner = changes(live, value);
      if (Object.keys(inner).length) patch[key] = inner;
    } else if (isList(value) && isList(live)) {
      const mergeKey = mergeKeyOf(key, [...value, ...live]);
      if (!mergeKey || !value.every(isMap)) {
        if (!deepEqual(value, live)) patch[key] = value;
        continue;
      }
      const items: Json[] = [];
      for (const item of value.filter(isMap)) {
        const match = live.filter(isMap).find((candidate) => deepEqual(candidate[mergeKey], item[mergeKey]));
        if (!match) items.push(item);
        else {
          const inner = changes(match, item);
          if (Object.keys(inner).length) items.push({ [mergeKey]: item[mergeKey], ...inner });
        }
      }
      const liveOrder = live.filter(isMap).map((item) => item[mergeKey]);
      const wantedOrder = value.filter(isMap).map((item) => item[mergeKey]);
      const reordered = !deepEqual(
        liveOrder.filter((key) => wantedOrder.some((wanted) => deepEqual(wanted, key))),
        wantedOrder.filter((key) => liveOrder.some((live) => deepEqual(live, key))),
      );
      if (items.length || reordered) patch[key] = items;
    } else if (!deepEqual(value, live)) {
      patch[key] = value;
    }
  }
  return patch;
}

/** Merges the deletion patch into the change patch (both describe the same object). */
function mergePatches(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (isMap(existing) && isMap(value)) out[key] = mergePatches(existing, value);
    else if (isList(existing) && isList(value)) out[key] = [...existing, ...value];
    else out[key] = value;
  }
  return out;
}

/** Adds `$setElementOrder/<list>` beside every merged list of the patch, listing the modified order. */
function withElementOrder(patch: Json, modified: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(patch)) {
    const source = modified[key];
    if (isList(value) && isList(source)) {
      const mergeKey = mergeKeyOf(key, source);
      if (mergeKey && source.every(isMap)) {
        out[`$setElementOrder/${key}`] = source.map((item) => ({ [mergeKey]: item[mergeKey] }));
        out[key] = value.map((item) => {
          if (!isMap(item)) return item;
          const match = source.find((candidate) => isMap(candidate) && deepEqual(candidate[mergeKey], item[mergeKey]));
          return isMap(match) ? withElementOrder(item, match) : item;
        });
        continue;
      }
    }
    out[key] = isMap(value) && isMap(source) ? withElementOrder(value, source) : value;
  }
  return out;
}

export function threeWayMergePatch(original: Json | undefined, modified: Json, current: Json): Json {
  const removed = original ? deletions(original, modified) : {};
  const changed = changes(current, modified);
  return withElementOrder(mergePatches(removed, changed), modified);
}
