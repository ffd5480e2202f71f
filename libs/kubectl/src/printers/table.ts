// kubectl's HumanReadablePrinter for server-side Tables (cli-runtime
// tableprinter.go): priority-0 columns unless wide, NAMESPACE first with -A,
// `-L` label columns, `--show-labels`, `kind/name` when several kinds print,
// an EVENT column for --output-watch-events, one blank line between kinds.
import type { Table, TableCell, TableColumnDefinition, TableRow } from '@kubelab/cluster';
import { goValueText } from './jsonpath/go-values';
import { kubectlTabWriter, type TabWriter } from './tabwriter';

export interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: readonly string[];
  /** -A: a NAMESPACE column (not for cluster-scoped kinds). */
  withNamespace: boolean;
  /** Prefix names with `kind[.group]/`. */
  withKind: boolean;
  /** A watch event's type, printed in an EVENT column first. */
  eventType?: string;
}

export interface TableKind {
  kind: string;
  group: string;
  namespaced: boolean;
}

export interface TableGroup {
  kind: TableKind;
  table: Table;
}

type Cell = TableCell | undefined;

/** formatEventType: watch event types padded to one width. */
const EVENT_TYPES: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when there are none. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',') : '<none>';
}

function labelHeader(key: string): string {
  const parts = key.split('/');
  return (parts[parts.length - 1] ?? '').toUpperCase();
}

/** decorateTable: the extra columns and cells the options ask for. */
function decorate(
  table: Table,
  kind: TableKind,
  options: TablePrintOptions,
): { columns: TableColumnDefinition[]; rows: Cell[][] } {
  const column = (name: string): TableColumnDefinition => ({
    name,
    type: 'string',
    format: '',
    description: '',
    priority: 0,
  });
  const withNamespace = options.withNamespace && kind.namespaced;
  const base = table.columnDefinitions ?? [];
  const columns = [
    ...(options.eventType !== undefined ? [column('Event')] : []),
    ...(withNamespace ? [column('Namespace')] : []),
    ...base,
    ...options.labelColumns.map((key) => column(labelHeader(key))),
    ...(options.showLabels ? [column('Labels')] : []),
  ];
  const nameColumn = options.withKind ? base.findIndex((def) => def.format === 'name' && def.type === 'string') : -1;
  const prefix = (kind.group ? `${kind.kind}.${kind.group}` : kind.kind).toLowerCase();
  const rows = table.rows.map((row: TableRow) => {
    const cells: Cell[] = [...row.cells];
    if (nameColumn !== -1) cells[nameColumn] = `${prefix}/${goValueText(cells[nameColumn])}`;
    const metadata = row.object?.metadata;
    const labels = metadata?.labels ?? {};
    return [
      ...(options.eventType !== undefined ? [EVENT_TYPES[options.eventType] ?? options.eventType] : []),
      ...(withNamespace ? [metadata ? (metadata.namespace ?? '') : undefined] : []),
      ...cells,
      ...options.labelColumns.map((key) => (metadata ? (labels[key] ?? '') : undefined)),
      ...(options.showLabels ? [metadata ? formatLabels(labels) : undefined] : []),
    ];
  });
  return { columns, rows };
}

/** printers.WriteEscaped: terminal control characters print escaped. */
function escaped(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (char) => `^${String.fromCharCode(char.charCodeAt(0) ^ 0x40)}`);
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return escaped(goValueText(cell));
  const cut = cell.search(/[\f\n\r]/);
  return cut === -1 ? escaped(cell) : `${escaped(cell.slice(0, cut))}...`;
}

/** printTable: header (unless there are no rows) and one tab-separated line per row. */
function tableLines(
  columns: readonly TableColumnDefinition[],
  rows: readonly Cell[][],
  options: TablePrintOptions,
): string {
  const shown = columns.map((def, index) => ({ def, index })).filter(({ def }) => options.wide || def.priority === 0);
  let text = '';
  if (!options.noHeaders) {
    if (rows.length === 0) return '';
    text += `${shown.map(({ def }) => def.name.toUpperCase()).join('\t')}\n`;
  }
  for (const row of rows) text += `${shown.map(({ index }) => cellText(row[index])).join('\t')}\n`;
  return text;
}

/**
 * A HumanReadablePrinter with its tab writer: headers once per kind (again
 * when the columns change), widths remembered across calls for watch output.
 */
export class TablePrinter {
  private readonly writer: TabWriter = kubectlTabWriter();
  private lastColumns: TableColumnDefinition[] | undefined;
  private printedHeaders = false;

  print(group: TableGroup, options: TablePrintOptions): string {
    const table = group.table;
    const columns = table.columnDefinitions?.length ? table.columnDefinitions : (this.lastColumns ?? []);
    const sameColumns = JSON.stringify(columns) === JSON.stringify(this.lastColumns);
    const noHeaders = options.noHeaders || (this.printedHeaders && (!table.columnDefinitions?.length || sameColumns));
    if (!sameColumns) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    const decorated = decorate({ ...table, columnDefinitions: columns }, group.kind, options);
    this.writer.write(tableLines(decorated.columns, decorated.rows, { ...options, noHeaders }));
    return this.writer.flush();
  }

  /** A new kind: kubectl starts a new printer and forgets the column widths. */
  reset(): void {
    this.writer.setRememberedWidths([]);
    this.lastColumns = undefined;
    this.printedHeaders = false;
  }
}

/** `kubectl get` of one or several kinds: their tables, separated by a blank line. */
export function printTables(groups: readonly TableGroup[], options: TablePrintOptions): string {
  const printer = new TablePrinter();
  let out = '';
  let writtenSinceSeparator = false;
  groups.forEach((group, index) => {
    printer.reset();
    const text = printer.print(group, options);
    if (index > 0 && !options.noHeaders && writtenSinceSeparator && text !== '') {
      out += '\n';
      writtenSinceSeparator = false;
    }
    if (text !== '') writtenSinceSeparator = true;
    out += text;
  });
  return out;
}
