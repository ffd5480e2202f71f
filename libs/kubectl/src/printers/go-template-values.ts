// The reflect.Values a template sees after kubectl decodes an object with apimachinery's json.Unmarshal:
// map[string]interface{}, []interface{}, string, bool, int64 (integral numbers), float64 and nil, plus the
// int, bool and string values that template literals and functions produce.
import { compareByCodePoint } from './json';
import { utf8Encode } from '@kubelab/cluster';

export type Concrete =
  | { k: 'string'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'int' | 'int64' | 'uint8'; v: bigint }
  | { k: 'float64'; v: number }
  | { k: 'map'; v: Record<string, unknown> }
  | { k: 'slice'; v: unknown[] };

/** A reflect.Value: invalid (the zero Value), an interface{} (elem null when nil) or a concrete value. */
export type GoValue = { k: 'invalid' } | { k: 'iface'; elem: Concrete | null } | Concrete;

export const INVALID: GoValue = { k: 'invalid' };

const INT64_LIMIT = 2 ** 63;

/** A decoded JSON value; null is a nil interface, so callers wrap it. */
export function fromJson(raw: unknown): Concrete | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return { k: 'string', v: raw };
  if (typeof raw === 'boolean') return { k: 'bool', v: raw };
  if (typeof raw === 'bigint') return { k: 'int64', v: raw };
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && Math.abs(raw) < INT64_LIMIT
      ? { k: 'int64', v: BigInt(raw) }
      : { k: 'float64', v: raw };
  }
  if (Array.isArray(raw)) return { k: 'slice', v: raw };
  return { k: 'map', v: raw as Record<string, unknown> };
}

/** A map value or slice element: its static type is interface{}. */
export const element = (raw: unknown): GoValue => ({ k: 'iface', elem: fromJson(raw) });

/** indirectInterface: the concrete value inside an interface, or the zero Value. */
export function concrete(v: GoValue): Concrete | null {
  if (v.k === 'invalid') return null;
  if (v.k === 'iface') return v.elem;
  return v;
}

/** evalPipeline's unwrapping of an interface{} result. */
export function unwrap(v: GoValue): GoValue {
  if (v.k !== 'iface') return v;
  return v.elem ?? INVALID;
}

/** reflect.Type.String(). */
export function typeName(v: GoValue): string {
  switch (v.k) {
    case 'iface':
      return 'interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'invalid':
      return '<nil>';
    default:
      return v.k;
  }
}

export const sortedKeys = (m: Record<string, unknown>): string[] =>
  Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareByCodePoint);

/** isTrue; `undefined` when the value has no truth (never for JSON values). */
export function isTrue(v: Concrete | null): boolean {
  if (v === null) return false;
  switch (v.k) {
    case 'string':
      return v.v.length > 0;
    case 'bool':
      return v.v;
    case 'int':
    case 'int64':
    case 'uint8':
      return v.v !== 0n;
    case 'float64':
      return v.v !== 0;
    case 'map':
      return sortedKeys(v.v).length > 0;
    case 'slice':
      return v.v.length > 0;
  }
}

/** reflect.Value.Len for the kinds that have one. */
export function lengthOf(v: Concrete): number | undefined {
  if (v.k === 'string') return utf8Encode(v.v).length;
  if (v.k === 'map') return sortedKeys(v.v).length;
  if (v.k === 'slice') return v.v.length;
  return undefined;
}
