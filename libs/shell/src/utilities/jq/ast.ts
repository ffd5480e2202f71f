// The syntax tree of a jq program.
import type { Json } from './json';

export type JqNode =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'field'; target: JqNode; name: string }
  | { k: 'index'; target: JqNode; index: JqNode }
  | { k: 'slice'; target: JqNode; from?: JqNode; to?: JqNode }
  | { k: 'iterate'; target: JqNode }
  | { k: 'literal'; value: Json }
  | { k: 'string'; parts: Array<string | JqNode>; format?: string }
  | { k: 'format'; name: string }
  | { k: 'pipe'; left: JqNode; right: JqNode }
  | { k: 'comma'; left: JqNode; right: JqNode }
  | { k: 'alt'; left: JqNode; right: JqNode }
  | { k: 'binop'; op: string; left: JqNode; right: JqNode }
  | { k: 'assign'; op: string; target: JqNode; value: JqNode }
  | { k: 'and' | 'or'; left: JqNode; right: JqNode }
  | { k: 'neg'; operand: JqNode }
  | { k: 'array'; body?: JqNode }
  | { k: 'object'; entries: Array<{ key: JqNode; value?: JqNode }> }
  | { k: 'var'; name: string }
  | { k: 'if'; cond: JqNode; then: JqNode; else?: JqNode }
  | { k: 'try'; body: JqNode; handler?: JqNode }
  | { k: 'reduce'; source: JqNode; pattern: string; init: JqNode; update: JqNode }
  | { k: 'foreach'; source: JqNode; pattern: string; init: JqNode; update: JqNode; extract?: JqNode }
  | { k: 'call'; name: string; args: JqNode[]; at?: number }
  | { k: 'def'; name: string; params: string[]; body: JqNode; rest: JqNode }
  | { k: 'as'; source: JqNode; name: string; body: JqNode };
