// jq's compile-time check that every called function exists.
import type { JqNode } from './ast';

const KNOWN = new Set(
  (
    'empty/0 not/0 error/0 error/1 length/0 utf8bytelength/0 keys/0 keys_unsorted/0 has/1 in/1 contains/1 inside/1 ' +
    'select/1 map/1 map_values/1 recurse/0 recurse/1 to_entries/0 from_entries/0 with_entries/1 add/0 any/0 all/0 any/1 all/1 ' +
    'range/1 range/2 floor/0 ceil/0 round/0 fabs/0 sqrt/0 pow/2 log/0 tostring/0 tonumber/0 type/0 infinite/0 nan/0 isinfinite/0 ' +
    'isnan/0 sort/0 sort_by/1 group_by/1 unique/0 unique_by/1 min/0 max/0 min_by/1 max_by/1 reverse/0 join/1 ascii_downcase/0 ' +
    'ascii_upcase/0 ltrimstr/1 rtrimstr/1 startswith/1 endswith/1 first/0 last/0 first/1 last/1 nth/1 limit/2 flatten/0 ' +
    'flatten/1 paths/0 paths/1 leaf_paths/0 path/1 del/1 getpath/1 setpath/2 delpaths/1 tojson/0 fromjson/0 env/0 builtins/0 ' +
    'input_filename/0 explode/0 implode/0 indices/1 index/1 rindex/1 walk/1 transpose/0 tostream/0 splits/1 halt/0 ' +
    'arrays/0 objects/0 iterables/0 booleans/0 numbers/0 strings/0 nulls/0 values/0 scalars/0 ' +
    'test/1 test/2 match/1 match/2 capture/1 capture/2 scan/1 scan/2 split/1 split/2 sub/2 sub/3 gsub/2 gsub/3'
  ).split(' '),
);

/** The first `name/arity` called but defined nowhere, if any. */
export function checkDefined(
  node: JqNode,
  scope: ReadonlySet<string> = new Set(),
): { name: string; at: number } | undefined {
  const visit = (child: JqNode | undefined, inner = scope) => (child ? checkDefined(child, inner) : undefined);
  switch (node.k) {
    case 'call': {
      const key = `${node.name}/${node.args.length}`;
      if (!scope.has(key) && !KNOWN.has(key)) return { name: key, at: node.at ?? 0 };
      for (const arg of node.args) {
        const missing = visit(arg);
        if (missing) return missing;
      }
      return undefined;
    }
    case 'def': {
      const inner = new Set(scope);
      inner.add(`${node.name}/${node.params.length}`);
      const bodyScope = new Set(inner);
      for (const param of node.params) if (!param.startsWith('$')) bodyScope.add(`${param}/0`);
      for (const param of node.params) if (param.startsWith('$')) bodyScope.add(`${param.slice(1)}/0`);
      return visit(node.body, bodyScope) ?? visit(node.rest, inner);
    }
    case 'string':
      for (const part of node.parts) {
        const missing = typeof part === 'string' ? undefined : visit(part);
        if (missing) return missing;
      }
      return undefined;
    case 'object':
      for (const entry of node.entries) {
        const missing = visit(entry.key) ?? visit(entry.value);
        if (missing) return missing;
      }
      return undefined;
    default:
      for (const value of Object.values(node)) {
        if (value && typeof value === 'object' && 'k' in value) {
          const missing = visit(value as JqNode);
          if (missing) return missing;
        }
      }
      return undefined;
  }
}
