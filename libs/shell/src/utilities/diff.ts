// GNU diff: normal output and -u (unified, 3 lines of context, mtime
// headers); exit 0 same, 1 different, 2 trouble.
import { diffArrays } from 'diff';
import type { Command, CommandContext } from '../runtime/command';
import { strerror } from '../fs/errors';
import { parseOptions } from './support/options';
import { absolute } from './support/io';
import { baseName } from './path-names';
import { formatDate } from './time-tools';

interface Side {
  name: string;
  lines: string[];
  /** The last line lacks its newline. */
  partial: boolean;
  mtime: number;
}

/** A change: old lines [oldStart, oldEnd) replaced by new lines [newStart, newEnd). */
interface Change {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function changesBetween(a: string[], b: string[]): Change[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  let pending: Change | undefined;
  for (const part of diffArrays(a, b)) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (pending) changes.push(pending);
      pending = undefined;
      i += count;
      j += count;
      continue;
    }
    pending ??= { oldStart: i, oldEnd: i, newStart: j, newEnd: j };
    if (part.removed) {
      i += count;
      pending.oldEnd = i;
    } else {
      j += count;
      pending.newEnd = j;
    }
  }
  if (pending) changes.push(pending);
  return changes;
}

const range = (start: number, end: number) =>
  end - start <= 1 ? String(end - start === 1 ? start + 1 : start) : `${start + 1},${end}`;

function lineOut(prefix: string, side: Side, index: number): string {
  const text = `${prefix}${side.lines[index] ?? ''}\n`;
  return side.partial && index === side.lines.length - 1 ? `${text}\\ No newline at end of file\n` : text;
}

function normalFormat(a: Side, b: Side, changes: Change[]): string {
  let out = '';
  for (const change of changes) {
    const removed = change.oldEnd > change.oldStart;
    const added = change.newEnd > change.newStart;
    const op = removed && added ? 'c' : removed ? 'd' : 'a';
    const left = removed ? range(change.oldStart, change.oldEnd) : String(change.oldStart);
    const right = added ? range(change.newStart, change.newEnd) : String(change.newStart);
    out += `${left}${op}${right}\n`;
    for (let i = change.oldStart; i < change.oldEnd; i++) out += lineOut('< ', a, i);
    if (removed && added) out += '---\n';
    for (let j = change.newStart; j < change.newEnd; j++) out += lineOut('> ', b, j);
  }
  return out;
}

function unifiedRange(start: number, count: number): string {
  if (count === 1) return String(start + 1);
  return `${count === 0 ? start : start + 1},${count}`;
}

function unifiedFormat(a: Side, b: Side, changes: Change[], context: number): string {
  const stamp = (side: Side) =>
    formatDate(side.mtime, '%Y-%m-%d %H:%M:%S') + `.${String(side.mtime % 1000).padStart(3, '0')}000000 +0000`;
  let out = `--- ${a.name}\t${stamp(a)}\n+++ ${b.name}\t${stamp(b)}\n`;
  // Changes closer than 2*context lines share a hunk.
  const groups: Change[][] = [];
  for (const change of changes) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && change.oldStart - previous.oldEnd <= 2 * context) group.push(change);
    else groups.push([change]);
  }
  for (const group of groups) {
    const firstChange = group[0];
    const lastChange = group[group.length - 1];
    if (!firstChange || !lastChange) continue;
    const oldStart = Math.max(0, firstChange.oldStart - context);
    const newStart = Math.max(0, firstChange.newStart - context);
    const oldEnd = Math.min(a.lines.length, lastChange.oldEnd + context);
    const newEnd = Math.min(b.lines.length, lastChange.newEnd + context);
    out += `@@ -${unifiedRange(oldStart, oldEnd - oldStart)} +${unifiedRange(newStart, newEnd - newStart)} @@\n`;
    let i = oldStart;
    for (const change of group) {
      for (; i < change.oldStart; i++) out += lineOut(' ', a, i);
      for (let k = change.oldStart; k < change.oldEnd; k++) out += lineOut('-', a, k);
      for (let k = change.newStart; k < change.newEnd; k++) out += lineOut('+', b, k);
      i = change.oldEnd;
    }
    for (; i < oldEnd; i++) out += lineOut(' ', a, i);
  }
  return out;
}

function readSide(ctx: CommandContext, name: string, other: string): Side | string {
  let path = absolute(ctx, name);
  let shown = name;
  const stat = ctx.session.fs.stat(path);
  if (stat.ok && stat.value.type === 'directory') {
    shown = `${name.replace(/\/+$/, '')}/${baseName(other)}`;
    path = absolute(ctx, shown);
  }
  const read = ctx.session.fs.readFile(path);
  const info = ctx.session.fs.stat(path);
  if (!read.ok || !info.ok) return `diff: ${shown}: ${strerror(read.ok ? 'ENOENT' : read.error.code)}\n`;
  const lines = read.value.split('\n');
  const partial = lines[lines.length - 1] !== '';
  if (!partial) lines.pop();
  return { name: shown, lines, partial, mtime: info.value.mtime };
}

export const diff: Command = async (ctx) => {
  const parsed = parseOptions('diff', ctx.args.slice(1), {
    flags: 'uqsNwBi',
    values: 'U',
    long: { unified: { key: 'U', value: 'optional' }, brief: { key: 'q' } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message.replace("\nTry 'diff --help'", "\ndiff: Try 'diff --help'"));
    return 2;
  }
  const options = parsed.options;
  const [left, right, extra] = options.operands;
  if (left === undefined || right === undefined || extra !== undefined) {
    const problem = extra !== undefined ? `extra operand '${extra}'` : `missing operand after '${left ?? 'diff'}'`;
    ctx.stderr.write(`diff: ${problem}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const stdinText = left === '-' || right === '-' ? await ctx.stdin.readAll() : '';
  const sides = [left, right].map((name, index) => {
    if (name !== '-') return readSide(ctx, name, index === 0 ? right : left);
    const lines = stdinText.split('\n');
    const partial = lines[lines.length - 1] !== '';
    if (!partial) lines.pop();
    return { name: '-', lines, partial, mtime: ctx.session.clock.now() };
  });
  const [a, b] = sides;
  let trouble = false;
  for (const side of sides) {
    if (typeof side === 'string') {
      ctx.stderr.write(side);
      trouble = true;
    }
  }
  if (trouble || typeof a !== 'object' || typeof b !== 'object' || !a || !b) return 2;
  // A missing final newline makes the last lines differ even when the text matches.
  const key = (side: Side) =>
    side.lines.map((line, i) => (side.partial && i === side.lines.length - 1 ? `${line}\u0000` : line));
  const changes = changesBetween(key(a), key(b));
  if (changes.length === 0) return 0;
  if (options.has('q')) {
    ctx.stdout.write(`Files ${a.name} and ${b.name} differ\n`);
    return 1;
  }
  const unified = options.has('u') || options.has('U');
  const context = Number(options.value('U') || 3);
  ctx.stdout.write(unified ? unifiedFormat(a, b, changes, context) : normalFormat(a, b, changes));
  return 1;
};
