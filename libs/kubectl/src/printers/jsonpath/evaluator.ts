// Port of client-go/util/jsonpath/jsonpath.go's FindResults/walk over JSON-like data
// (unstructured content: records, arrays, strings, numbers, booleans, null).
import { compareByCodePoint } from '../json';
import { compareGo } from './compare';
import { goTypeName, goValueText } from './go-values';
import { JsonPathError, type JsonPathNode, type ListNode } from './nodes';
import { utf8Encode } from '@kubelab/cluster';

type Value = unknown;
const isRecord = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Go's map iteration is random; a sorted order keeps the lab deterministic. */
const mapValues = (v: Record<string, unknown>): Value[] =>
  Object.keys(v)
    .sort(compareByCodePoint)
    .map((k) => v[k]);

export class JsonPathEvaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(
    private readonly root: ListNode,
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: Value): Value[][] {
    return this.find(data, this.root.nodes);
  }

  private find(data: Value, nodes: readonly JsonPathNode[]): Value[][] {
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as JsonPathNode;
      const results = this.walk([data], node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) for (const value of results) full.push(...this.find(value, rest));
        else this.find(null, rest);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => children(v));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], list: ListNode): Value[] {
    return list.nodes.reduce((cur, node) => this.walk(cur, node), input);
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathError('not in range, nothing to end');
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], field: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const value of input) {
      if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, field)) results.push(value[field]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${field} is not found`);
    return results;
  }

  private evalArray(input: Value[], node: Extract<JsonPathNode, { type: 'array' }>): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`);
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }));
      if (!p0 || !p1 || !p2) continue;
      const length = value.length;
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += length;
      if (!p1.known) p1.value = length;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += length;
      if (p1.value === p0.value) return result;
      if (p0.value >= length || p0.value < 0) {
        throw new JsonPathError(`array index out of bounds: index ${p0.value}, length ${length}`);
      }
      if (p1.value > length || p1.value < 0) {
        throw new JsonPathError(`array index out of bounds: index ${p1.value - 1}, length ${length}`);
      }
      if (p0.value > p1.value) {
        throw new JsonPathError(`starting index ${p0.value} is greater than ending index ${p1.value}`);
      }
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathError('step must be > 0');
        step = p2.value;
      }
      const slice = value.slice(p0.value, p1.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      const kids = children(value);
      if (kids.length !== 0) result.push(value, ...this.evalRecursive(kids));
    }
    return result;
  }

  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value))
        throw new JsonPathError(`${goValueText(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        if (node.operator === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.evalList([item], node.left);
          } catch {
            lefts = [];
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        if (compareGo(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

/** Elements of a map (sorted keys), slice, or a string's bytes, as the wildcard sees them. */
function children(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return mapValues(value);
  if (typeof value === 'string') return Array.from(utf8Encode(value));
  return [];
}
