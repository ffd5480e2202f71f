// What a kind's printer is: its column definitions (AddHandlers) and a
// function from an object to the row's cells (the print<Kind> functions).
// kube-apiserver always prints with Wide: true, so rows carry every column
// and clients hide the priority-1 ones themselves.
import type { KubeObject, TableCell, TableColumnDefinition, TableRowCondition } from '../api/objects';
import { DOCS } from './docs';
import { records, str } from './fields';

export interface PrintContext {
  /** Epoch milliseconds the ages are measured against. */
  now: number;
}

export interface PrintedRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
}

export interface Printer {
  columns: readonly TableColumnDefinition[];
  print(object: Readonly<KubeObject>, context: PrintContext): PrintedRow;
}

type ColumnType = 'string' | 'integer' | 'boolean' | 'number' | 'date';

/** A column definition; `priority: 1` columns show only with `-o wide`. */
export function column(
  name: string,
  type: ColumnType,
  description: string,
  options: { format?: string; priority?: number } = {},
): TableColumnDefinition {
  return { name, type, format: options.format ?? '', description, priority: options.priority ?? 0 };
}

/** The first column of nearly every kind: the object's name. */
export const NAME_COLUMN = column('Name', 'string', DOCS.ObjectMeta.name, { format: 'name' });
export const AGE_COLUMN = column('Age', 'string', DOCS.ObjectMeta.creationTimestamp);

/** The `-o wide` columns of the kinds with a pod template, filled by layoutContainerCells. */
export const CONTAINER_COLUMNS = [
  column('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
] as const;

/** layoutContainerCells: container names and images, each comma-joined. */
export function layoutContainerCells(containers: unknown): [names: string, images: string] {
  const list = records(containers);
  return [
    list.map((container) => str(container.name)).join(','),
    list.map((container) => str(container.image)).join(','),
  ];
}
