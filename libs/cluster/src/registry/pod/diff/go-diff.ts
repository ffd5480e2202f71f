// cmp.Diff(x, y) of github.com/google/go-cmp over GoValues: FormatDiff,
// formatDiffList and FormatValue of report_compare.go / report_reflect.go,
// with go-cmp's context of two equal records around each difference and its
// verbosity limits. Specialised slice and string diffs are not reproduced.
import { formatType, formatValue, level, mapKey, type Options } from './go-format';
import {
  appendEllipsis,
  list,
  nodeLength,
  renderText,
  TEXT_NIL,
  wrap,
  type TextNode,
  type TextRecord,
} from './go-text';
import { goEqual, isZero, type GoValue } from './go-value';

interface Pair {
  key: string;
  x: GoValue | undefined;
  y: GoValue | undefined;
}

const NUM_CONTEXT_RECORDS = 2;
const MAX_VERBOSITY_PRESET = 6;

/** cmp.Diff(x, y): the report go-cmp prints, or '' when equal. */
export function goDiff(x: GoValue, y: GoValue): string {
  if (goEqual(x, y)) return '';
  const node = formatDiff({ key: '', x, y }, { mode: '', typeMode: 'emit', verbosity: 0, limit: false });
  return node ? renderText(node) : '';
}

interface NodeStats {
  children: number;
  depth: number;
}

function isLeaf(pair: Pair): boolean {
  const { x, y } = pair;
  if (!x || !y || x.kind !== y.kind) return true;
  switch (x.kind) {
    case 'ptr':
      return x.elem === null || (y as typeof x).elem === null;
    case 'slice':
      return (
        x.items === null ||
        (y as typeof x).items === null ||
        (x.items.length === 0 && (y as typeof x).items?.length === 0)
      );
    case 'map':
      return (
        x.entries === null ||
        (y as typeof x).entries === null ||
        (x.entries.length === 0 && (y as typeof x).entries?.length === 0)
      );
    case 'struct':
      return x.fields.length === 0;
    default:
      return true;
  }
}

function childPairs(pair: Pair): Pair[] {
  const { x, y } = pair;
  if (!x || !y) return [];
  if (x.kind === 'ptr' && y.kind === 'ptr' && x.elem && y.elem) return [{ key: '', x: x.elem, y: y.elem }];
  if (x.kind === 'struct' && y.kind === 'struct') {
    return x.fields.map(([name, field], index) => ({ key: name, x: field, y: y.fields[index]?.[1] }));
  }
  if (x.kind === 'map' && y.kind === 'map') {
    const left = new Map(x.entries ?? []);
    const right = new Map(y.entries ?? []);
    const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
    return keys.map((key) => ({ key: mapKey(key, x.keyStringer), x: left.get(key), y: right.get(key) }));
  }
  if (x.kind === 'slice' && y.kind === 'slice') return alignSlices(x.items ?? [], y.items ?? []);
  return [];
}

/** Pairs equal elements in order (a longest common subsequence); the rest are removed or inserted. */
function alignSlices(xs: GoValue[], ys: GoValue[]): Pair[] {
  if (xs.length === ys.length) return xs.map((x, index) => ({ key: '', x, y: ys[index] }));
  const table = xs.map(() => ys.map(() => 0));
  const cell = (i: number, j: number): number => table[i]?.[j] ?? 0;
  for (let i = xs.length - 1; i >= 0; i--) {
    for (let j = ys.length - 1; j >= 0; j--) {
      const row = table[i];
      if (!row) continue;
      row[j] = goEqual(xs[i] as GoValue, ys[j] as GoValue)
        ? cell(i + 1, j + 1) + 1
        : Math.max(cell(i + 1, j), cell(i, j + 1));
    }
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    if (i < xs.length && j < ys.length && goEqual(xs[i] as GoValue, ys[j] as GoValue))
      pairs.push({ key: '', x: xs[i++], y: ys[j++] });
    else if (j >= ys.length || (i < xs.length && cell(i + 1, j) >= cell(i, j + 1)))
      pairs.push({ key: '', x: xs[i++], y: undefined });
    else pairs.push({ key: '', x: undefined, y: ys[j++] });
  }
  return pairs;
}

function stats(pair: Pair): NodeStats {
  if (isLeaf(pair)) return { children: 0, depth: 0 };
  let children = 0;
  let depth = 0;
  for (const child of childPairs(pair)) {
    const inner = stats(child);
    children += 1 + inner.children;
    depth = Math.max(depth, 1 + inner.depth);
  }
  return { children, depth };
}

const pairEqual = (pair: Pair): boolean => (pair.x && pair.y ? goEqual(pair.x, pair.y) : pair.x === pair.y);

function formatDiff(pair: Pair, given: Options): TextNode | null {
  let options = given;
  if (options.mode === ' ') options = { ...options, verbosity: 1, limit: true };
  else if (level(options) < 3) options = { ...options, verbosity: 3, limit: true };
  const sample = pair.x ?? pair.y;
  if (!sample) return null;
  if (isLeaf(pair)) {
    if (options.mode === '-') return formatValue(pair.x, options);
    if (options.mode === '+') return formatValue(pair.y, options);
    const outx = formatValue(pair.x, options);
    const outy = formatValue(pair.y, options);
    if (pairEqual(pair)) return outx && outy && nodeLength(outx) < nodeLength(outy) ? outx : (outy ?? outx);
    const records: TextRecord[] = [];
    const elided = { ...options, typeMode: 'elide' as const };
    const x = formatValue(pair.x, elided);
    const y = formatValue(pair.y, elided);
    if (x) records.push({ diff: '-', key: '', value: x });
    if (y) records.push({ diff: '+', key: '', value: y });
    return formatType(sample, list(records), { ...options, typeMode: 'emit' });
  }
  if (sample.kind === 'ptr') {
    const inner = childPairs(pair)[0];
    const out = inner ? formatDiff(inner, options) : null;
    return wrap('&', out ?? TEXT_NIL);
  }
  return formatType(sample, formatDiffList(childPairs(pair), sample.kind, options), options);
}

function formatDiffList(pairs: Pair[], kind: GoValue['kind'], given: Options): TextNode {
  const name = kind === 'struct' ? 'field' : kind === 'map' ? 'entry' : 'element';
  let options: Options = { ...given, typeMode: kind === 'struct' ? 'auto' : 'elide' };
  let maxLen = -1;
  if (options.limit) {
    maxLen = options.mode === ' ' ? ((1 << level(options)) >> 1) << 2 : (1 << level(options)) << 1;
    options = { ...options, verbosity: options.verbosity - 1 };
  }
  const records: TextRecord[] = [];
  if (options.mode !== '') {
    let deferredEllipsis = false;
    for (const pair of pairs) {
      if (records.length === maxLen) {
        deferredEllipsis = true;
        break;
      }
      if (kind === 'struct') {
        const zero =
          options.mode === ' '
            ? !pair.x || !pair.y || isZero(pair.x) || isZero(pair.y)
            : options.mode === '-'
              ? !pair.x || isZero(pair.x)
              : !pair.y || isZero(pair.y);
        if (zero) continue;
      }
      const out = formatDiff(pair, options);
      if (out) records.push({ diff: '', key: pair.key, value: out });
    }
    if (deferredEllipsis) appendEllipsis(records);
    return wrap('{', list(records), '}');
  }
  formatDifferences(pairs, name, options, maxLen, records);
  return wrap('{', list(records), '}');
}

/** The diffUnknown half of formatDiffList: equal runs with context, differing records in full. */
function formatDifferences(pairs: Pair[], name: string, options: Options, maxLen: number, records: TextRecord[]): void {
  const groups: Array<{ equal: boolean; pairs: Pair[] }> = [];
  for (const pair of pairs) {
    const equal = pairEqual(pair);
    const last = groups[groups.length - 1];
    if (last && last.equal === equal) last.pairs.push(pair);
    else groups.push({ equal, pairs: [pair] });
  }
  let numDiffs = 0;
  const dropped = { identical: 0, removed: 0, inserted: 0, modified: 0 };
  groups.forEach((group, index) => {
    if (maxLen >= 0 && numDiffs >= maxLen) {
      for (const pair of group.pairs)
        dropped[!group.equal ? (!pair.y ? 'removed' : !pair.x ? 'inserted' : 'modified') : 'identical']++;
      return;
    }
    if (group.equal) {
      const count = group.pairs.length;
      let lo = index !== 0 ? Math.min(NUM_CONTEXT_RECORDS, count) : 0;
      let hi = index !== groups.length - 1 ? Math.min(NUM_CONTEXT_RECORDS, count - lo) : 0;
      if (count - (lo + hi) === 1) hi++;
      lo = Math.min(lo, count);
      const identical = { ...options, mode: ' ' as const };
      for (const pair of group.pairs.slice(0, lo))
        records.push({ diff: '', key: pair.key, value: formatDiff(pair, identical) ?? TEXT_NIL });
      if (count > lo + hi) appendEllipsis(records, describe({ identical: count - lo - hi }, name));
      for (const pair of group.pairs.slice(count - hi))
        records.push({ diff: '', key: pair.key, value: formatDiff(pair, identical) ?? TEXT_NIL });
      return;
    }
    for (const pair of group.pairs) {
      const nodeStats = stats(pair);
      if (nodeStats.children === nodeStats.depth) {
        let outx = formatDiff(pair, { ...options, mode: '-' });
        let outy = formatDiff(pair, { ...options, mode: '+' });
        for (let preset = 0; preset <= MAX_VERBOSITY_PRESET && outx && outy && renderedEqual(outx, outy); preset++) {
          const verbosity = level(options) + 2 * preset;
          outx = formatDiff(pair, { ...options, verbosity, mode: '-' });
          outy = formatDiff(pair, { ...options, verbosity, mode: '+' });
        }
        if (outx) records.push({ diff: '-', key: pair.key, value: outx });
        if (outy) records.push({ diff: '+', key: pair.key, value: outy });
      } else {
        records.push({ diff: '', key: pair.key, value: formatDiff(pair, options) ?? TEXT_NIL });
      }
    }
    numDiffs += group.pairs.length;
  });
  const droppedTotal = dropped.identical + dropped.removed + dropped.inserted + dropped.modified;
  if (droppedTotal) appendEllipsis(records, describe(dropped, name));
}

function renderedEqual(a: TextNode, b: TextNode): boolean {
  return renderText(a) === renderText(b);
}

/** diffStats.String(): `6 identical fields`, `1 removed and 2 inserted elements`. */
function describe(
  counts: { identical?: number; removed?: number; inserted?: number; modified?: number },
  name: string,
): string {
  const parts: string[] = [];
  let sum = 0;
  for (const label of ['identical', 'removed', 'inserted', 'modified'] as const) {
    const count = counts[label] ?? 0;
    if (count > 0) parts.push(`${count} ${label}`);
    sum += count;
  }
  let noun = name;
  if (sum > 1) noun = name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
  if (parts.length <= 2) return `${parts.join(' and ')} ${noun}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1] ?? ''} ${noun}`;
}
