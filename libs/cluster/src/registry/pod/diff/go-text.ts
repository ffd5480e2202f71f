// The text tree of github.com/google/go-cmp's reporter (report_text.go):
// lines, wrapped nodes and lists that print on one line when they can and
// expand to indented, aligned lines otherwise. Regular spaces are used
// after the diff markers (go-cmp picks them or non-breaking spaces at random).

export type DiffMode = '' | ' ' | '-' | '+';

export interface TextLine {
  readonly kind: 'line';
  readonly text: string;
}

export interface TextWrap {
  readonly kind: 'wrap';
  readonly prefix: string;
  readonly value: TextNode;
  readonly suffix: string;
}

export interface TextRecord {
  diff: DiffMode;
  key: string;
  value: TextNode;
  elideComma?: boolean;
  comment?: string;
}

export interface TextList {
  readonly kind: 'list';
  readonly records: TextRecord[];
}

export type TextNode = TextLine | TextWrap | TextList;

const MAX_COLUMN_LENGTH = 80;

export const line = (text: string): TextLine => ({ kind: 'line', text });
export const wrap = (prefix: string, value: TextNode, suffix = ''): TextWrap => ({
  kind: 'wrap',
  prefix,
  value,
  suffix,
});
export const list = (records: TextRecord[]): TextList => ({ kind: 'list', records });
export const TEXT_NIL = line('nil');
export const TEXT_ELLIPSIS = line('...');

export function isLine(node: TextNode, text?: string): boolean {
  return node.kind === 'line' && (text === undefined || node.text === text);
}

/** textList.AppendEllipsis: one ellipsis record, with the statistics of what it stands for. */
export function appendEllipsis(records: TextRecord[], comment = ''): void {
  const last = records[records.length - 1];
  if (last && isLine(last.value, '...')) {
    if (comment) last.comment = comment;
    return;
  }
  records.push(
    comment
      ? { diff: '', key: '', value: TEXT_ELLIPSIS, elideComma: true, comment }
      : { diff: '', key: '', value: TEXT_ELLIPSIS, elideComma: true },
  );
}

export function nodeLength(node: TextNode): number {
  if (node.kind === 'line') return node.text.length;
  if (node.kind === 'wrap') return node.prefix.length + nodeLength(node.value) + node.suffix.length;
  return node.records.reduce(
    (total, record, index) =>
      total +
      record.key.length +
      (record.key ? 2 : 0) +
      nodeLength(record.value) +
      (index < node.records.length - 1 ? 2 : 0),
    0,
  );
}

function indent(depth: number, mode: DiffMode): string {
  const marker = mode === '-' ? '- ' : mode === '+' ? '+ ' : '  ';
  return marker + '\t'.repeat(depth);
}

const merge = (outer: DiffMode, inner: DiffMode): DiffMode => inner || outer;

/** formatCompactTo: the one-line text, and the node with collapsible parts replaced by lines. */
function compact(node: TextNode, mode: DiffMode): { text: string; node: TextNode } {
  if (node.kind === 'line') return { text: node.text, node };
  if (node.kind === 'wrap') {
    const inner = compact(node.value, mode);
    const text = node.prefix + inner.text + node.suffix;
    return inner.node.kind === 'line'
      ? { text, node: line(text) }
      : { text, node: wrap(node.prefix, inner.node, node.suffix) };
  }
  let multiLine = false;
  let text = '';
  const records = node.records.map((record, index) => {
    if (record.diff === '+' || record.diff === '-') multiLine = true;
    text += record.key + (record.key ? ': ' : '');
    const inner = compact(record.value, merge(mode, record.diff));
    text += inner.text;
    if (inner.node.kind !== 'line' || record.comment) multiLine = true;
    if (index < node.records.length - 1) text += ', ';
    return { ...record, value: inner.node };
  });
  if ((mode === '+' || mode === '-') && text.length > MAX_COLUMN_LENGTH) multiLine = true;
  return multiLine ? { text, node: list(records) } : { text, node: line(text) };
}

function alignLens(
  records: TextRecord[],
  skip: (record: TextRecord) => boolean,
  length: (record: TextRecord) => number,
): number[] {
  const lens = records.map(() => 0);
  let start = 0;
  let end = 0;
  let max = 0;
  const flush = (): void => {
    for (let j = start; j < end; j++) {
      const record = records[j];
      if (record) lens[j] = max - length(record);
    }
  };
  records.forEach((record, index) => {
    if (skip(record)) {
      flush();
      start = index + 1;
      end = index + 1;
      max = 0;
    } else {
      max = Math.max(max, length(record));
      end = index + 1;
    }
  });
  flush();
  return lens;
}

function expand(node: TextNode, mode: DiffMode, depth: number): string {
  if (node.kind === 'line') return node.text;
  if (node.kind === 'wrap') return node.prefix + expand(node.value, mode, depth) + node.suffix;
  const records = node.records;
  const keyPads = alignLens(
    records,
    (record) => record.key === '' || record.value.kind !== 'line',
    (record) => [...record.key].length,
  );
  const valuePads = alignLens(
    records,
    (record) => record.value.kind !== 'line' || isLine(record.value, '...') || !record.comment,
    (record) => (record.value.kind === 'line' ? [...record.value.text].length : 0),
  );
  const simple =
    records.length > 0 &&
    records.every((record) => !record.diff && !record.key && record.value.kind === 'line' && !record.comment);
  let out = '';
  if (simple) {
    let batch = '';
    const emit = (): void => {
      if (batch) out += `\n${indent(depth + 1, mode)}${batch.trimEnd()}`;
      batch = '';
    };
    for (const record of records) {
      const text = record.value.kind === 'line' ? record.value.text : '';
      if (batch.length + text.length + 2 > MAX_COLUMN_LENGTH) emit();
      batch += `${text}, `;
    }
    emit();
    return `${out}\n${indent(depth, mode)}`;
  }
  records.forEach((record, index) => {
    const recordMode = merge(mode, record.diff);
    out += `\n${indent(depth + 1, recordMode)}`;
    if (record.key) out += `${record.key}: `;
    out += ' '.repeat(keyPads[index] ?? 0);
    out += expand(record.value, recordMode, depth + 1);
    if (!record.elideComma) out += ',';
    out += ' '.repeat(valuePads[index] ?? 0);
    if (record.comment) out += ` // ${record.comment}`;
  });
  return `${out}\n${indent(depth, mode)}`;
}

/** textNode.String(): the report, with its leading indent and trailing newline. */
export function renderText(node: TextNode): string {
  const compacted = compact(node, '').node;
  return `${indent(0, '')}${expand(compacted, '', 0)}\n`;
}
