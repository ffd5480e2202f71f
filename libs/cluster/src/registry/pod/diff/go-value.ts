// Go values of the internal core API types, built from v1 JSON, for the
// go-cmp rendering of pod spec diffs: fields in Go's declaration order,
// Go type names, nil versus empty, resource.Quantity's internals.
import { isRecord } from '../../../api/objects';
import { readQuantity, type Quantity } from '../quantity';
import { GO_TYPES, type GoType } from './go-types';

export type GoValue =
  | { kind: 'string'; type: string; value: string }
  | { kind: 'int'; type: string; value: number }
  | { kind: 'bool'; type: string; value: boolean }
  | { kind: 'ptr'; type: string; elem: GoValue | null }
  | { kind: 'slice'; type: string; items: GoValue[] | null }
  | { kind: 'map'; type: string; keyStringer: boolean; entries: Array<[string, GoValue]> | null }
  | { kind: 'struct'; type: string; fields: Array<[string, GoValue]> }
  | { kind: 'quantity'; quantity: Quantity | null };

export function isZero(value: GoValue): boolean {
  switch (value.kind) {
    case 'string':
      return value.value === '';
    case 'int':
      return value.value === 0;
    case 'bool':
      return !value.value;
    case 'ptr':
      return value.elem === null;
    case 'slice':
      return value.items === null;
    case 'map':
      return value.entries === null;
    case 'struct':
      return value.fields.every(([, field]) => isZero(field));
    case 'quantity':
      return value.quantity === null;
  }
}

/**
 * Deep equality as go-cmp sees it (Quantity through its Equal method), or
 * with `semantic` as apiequality.Semantic does (nil and empty lists and maps alike).
 */
export function goEqual(x: GoValue, y: GoValue, semantic = false): boolean {
  if (x.kind !== y.kind) return false;
  const equal = (a: GoValue, b: GoValue): boolean => goEqual(a, b, semantic);
  switch (x.kind) {
    case 'string':
    case 'int':
    case 'bool':
      return x.value === (y as typeof x).value;
    case 'ptr': {
      const other = (y as typeof x).elem;
      return x.elem === null || other === null ? x.elem === other : equal(x.elem, other);
    }
    case 'slice': {
      const other = (y as typeof x).items;
      if (x.items === null || other === null) {
        return semantic ? (x.items ?? []).length === 0 && (other ?? []).length === 0 : x.items === other;
      }
      return x.items.length === other.length && x.items.every((item, index) => equal(item, other[index] as GoValue));
    }
    case 'map': {
      const other = (y as typeof x).entries;
      if (x.entries === null || other === null) {
        return semantic ? (x.entries ?? []).length === 0 && (other ?? []).length === 0 : x.entries === other;
      }
      return (
        x.entries.length === other.length &&
        x.entries.every(([key, item], index) => {
          const entry = other[index];
          return entry !== undefined && entry[0] === key && equal(item, entry[1]);
        })
      );
    }
    case 'struct': {
      const other = (y as typeof x).fields;
      return x.fields.every(([, field], index) => {
        const pair = other[index];
        return pair !== undefined && equal(field, pair[1]);
      });
    }
    case 'quantity': {
      const a = x.quantity;
      const b = (y as typeof x).quantity;
      if (a === null || b === null) return a === b;
      return compareQuantities(a, b) === 0;
    }
  }
}

function compareQuantities(a: Quantity, b: Quantity): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const left = a.mantissa * 10n ** BigInt(a.exponent - exponent);
  const right = b.mantissa * 10n ** BigInt(b.exponent - exponent);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The Go value of `json` read as `type` (absent and null are Go's zero values). */
export function toGo(type: GoType, json: unknown): GoValue {
  switch (type.kind) {
    case 'string':
      return { kind: 'string', type: type.name, value: typeof json === 'string' ? json : '' };
    case 'int':
      return { kind: 'int', type: type.name, value: typeof json === 'number' ? json : 0 };
    case 'bool':
      return { kind: 'bool', type: type.name, value: json === true };
    case 'quantity':
      return { kind: 'quantity', quantity: readQuantity(json) ?? null };
    case 'ptr':
      return {
        kind: 'ptr',
        type: `*${typeName(type.elem)}`,
        elem: json === undefined || json === null ? null : toGo(type.elem, json),
      };
    case 'slice':
      return {
        kind: 'slice',
        type: `[]${typeName(type.elem)}`,
        items: Array.isArray(json) ? json.map((item: unknown) => toGo(type.elem, item)) : null,
      };
    case 'map': {
      const entries = isRecord(json)
        ? Object.keys(json)
            .sort()
            .map((key): [string, GoValue] => [key, toGo(type.elem, json[key])])
        : null;
      return { kind: 'map', type: type.name, keyStringer: type.keyStringer, entries };
    }
    case 'struct':
      return structValue(type, isRecord(json) ? json : {});
    case 'named':
      return toGo(GO_TYPES[type.ref] ?? { kind: 'any' }, json);
    case 'intstr':
      return intOrString(json);
    case 'any':
      return anyValue(json);
  }
}

function structValue(type: Extract<GoType, { kind: 'struct' }>, json: Record<string, unknown>): GoValue {
  const fields: Array<[string, GoValue]> = type.fields.map(([name, key, fieldType]) => [
    name,
    // An embedded struct reads its fields from the same JSON object.
    key === null ? toGo(fieldType, json) : toGo(fieldType, json[key]),
  ]);
  return { kind: 'struct', type: type.name, fields };
}

function intOrString(json: unknown): GoValue {
  const isString = typeof json === 'string';
  return {
    kind: 'struct',
    type: 'intstr.IntOrString',
    fields: [
      ['Type', { kind: 'int', type: 'intstr.Type', value: isString ? 1 : 0 }],
      ['IntVal', { kind: 'int', type: 'int32', value: typeof json === 'number' ? json : 0 }],
      ['StrVal', { kind: 'string', type: 'string', value: isString ? json : '' }],
    ],
  };
}

/** Values outside the modelled types: objects become structs with capitalized field names. */
function anyValue(json: unknown): GoValue {
  if (typeof json === 'string') return { kind: 'string', type: 'string', value: json };
  if (typeof json === 'number') return { kind: 'int', type: 'int64', value: json };
  if (typeof json === 'boolean') return { kind: 'bool', type: 'bool', value: json };
  if (Array.isArray(json)) return { kind: 'slice', type: '[]any', items: json.map(anyValue) };
  if (isRecord(json)) {
    const fields = Object.keys(json).map((key): [string, GoValue] => [
      key.charAt(0).toUpperCase() + key.slice(1),
      anyValue(json[key]),
    ]);
    return { kind: 'ptr', type: '*struct', elem: { kind: 'struct', type: 'struct', fields } };
  }
  return { kind: 'ptr', type: '*struct', elem: null };
}

export function typeName(type: GoType): string {
  switch (type.kind) {
    case 'ptr':
      return `*${typeName(type.elem)}`;
    case 'slice':
      return `[]${typeName(type.elem)}`;
    case 'named':
      return typeName(GO_TYPES[type.ref] ?? { kind: 'any' });
    case 'quantity':
      return 'resource.Quantity';
    case 'intstr':
      return 'intstr.IntOrString';
    case 'any':
      return 'any';
    default:
      return type.name;
  }
}
