// The vocabulary of the Go type tables: kinds of Go types and builders for
// the fields of internal (pkg/apis/core) structs.

export type GoField = [goName: string, jsonKey: string | null, type: GoType];

export type GoType =
  | { kind: 'string'; name: string }
  | { kind: 'int'; name: string }
  | { kind: 'bool'; name: string }
  | { kind: 'quantity' }
  | { kind: 'intstr' }
  | { kind: 'any' }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'slice'; elem: GoType }
  | { kind: 'map'; name: string; keyStringer: boolean; elem: GoType }
  | { kind: 'struct'; name: string; fields: GoField[] }
  | { kind: 'named'; ref: string };

export const str = (name = 'string'): GoType => ({ kind: 'string', name });
export const int32: GoType = { kind: 'int', name: 'int32' };
export const int64: GoType = { kind: 'int', name: 'int64' };
export const bool: GoType = { kind: 'bool', name: 'bool' };
export const ptr = (elem: GoType): GoType => ({ kind: 'ptr', elem });
export const slice = (elem: GoType): GoType => ({ kind: 'slice', elem });
export const ref = (name: string): GoType => ({ kind: 'named', ref: name });
export const struct = (name: string, fields: GoField[]): GoType => ({ kind: 'struct', name: `core.${name}`, fields });
export const any: GoType = { kind: 'any' };
export const quantity: GoType = { kind: 'quantity' };
export const resourceList: GoType = { kind: 'map', name: 'core.ResourceList', keyStringer: true, elem: quantity };
export const stringMap: GoType = { kind: 'map', name: 'map[string]string', keyStringer: false, elem: str() };
export const localRef: GoField = ['LocalObjectReference', null, ref('LocalObjectReference')];
