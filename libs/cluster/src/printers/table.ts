// Table assembly as kube-apiserver does it for `Accept: as=Table`: the
// kind's printer (or the default NAME / CREATED AT convertor), the list's or
// object's resourceVersion, and each row's object per includeObject.
import { fieldErrorMessage, fieldErrors } from '../api/field-errors';
import { cloneJson, type KubeObject, type Table, type TableColumnDefinition, type TableRow } from '../api/objects';
import { formatTimestamp } from '../runtime/clock';
import { DOCS } from './docs';
import { timestampMs } from './duration';
import { column, NAME_COLUMN, type Printer } from './printer';
import { printerFor } from './registry';

/** TableOptions.includeObject; '' means the default, Metadata. */
export type IncludeObject = 'None' | 'Metadata' | 'Object' | '';

export interface BuildTableOptions {
  /** Epoch milliseconds the ages are measured against. */
  now: number;
  includeObject?: IncludeObject;
  /** The list's resourceVersion; leave undefined for a single object, whose own one the table takes. */
  listResourceVersion?: string;
  /** TableOptions.noHeaders (set on watch events after the first): columnDefinitions become null. */
  noHeaders?: boolean;
}

/** rest.NewDefaultTableConvertor: for kinds without a printer of their own. */
const defaultPrinter: Printer = {
  columns: [NAME_COLUMN, column('Created At', 'date', DOCS.ObjectMeta.creationTimestamp)],
  print(object) {
    // Time.UTC().Format(time.RFC3339); an unset time formats as Go's zero time.
    const created = timestampMs(object.metadata.creationTimestamp);
    return {
      cells: [object.metadata.name ?? '', created === undefined ? '0001-01-01T00:00:00Z' : formatTimestamp(created)],
    };
  },
};

/** The column definitions a Table of `kind` carries. */
export function tableForKind(kind: string): TableColumnDefinition[] {
  return (printerFor(kind) ?? defaultPrinter).columns.map((definition) => ({ ...definition }));
}

/** ValidateTableOptions: the message of the BadRequest for an unknown includeObject, if any. */
export function tableOptionsError(includeObject: string | undefined): string | undefined {
  if (includeObject === undefined || ['', 'Metadata', 'Object', 'None'].includes(includeObject)) return undefined;
  const error = fieldErrors.invalid('includeObject', includeObject, "must be 'Metadata', 'Object', 'None', or empty");
  return `Unable to convert to Table as requested: ${fieldErrorMessage(error)}`;
}

const PARTIAL_METADATA_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
] as const;

/** meta.AsPartialObjectMetadata: the object's ObjectMeta under kind PartialObjectMetadata. */
export function partialObjectMetadata(object: Readonly<KubeObject>): KubeObject {
  const metadata: Record<string, unknown> = {};
  for (const field of PARTIAL_METADATA_FIELDS) {
    const value: unknown = object.metadata[field];
    // metav1.Time has no omitempty: an unset creationTimestamp is written as null.
    if (value !== undefined) metadata[field] = cloneJson(value);
    else if (field === 'creationTimestamp') metadata[field] = null;
  }
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}

function rowObject(object: Readonly<KubeObject>, includeObject: IncludeObject): KubeObject | null {
  if (includeObject === 'None') return null;
  if (includeObject === 'Object') return cloneJson(object);
  return partialObjectMetadata(object);
}

/** The `meta.k8s.io/v1` Table for objects of one kind, printed as of `options.now`. */
export function buildTable(kind: string, objects: readonly Readonly<KubeObject>[], options: BuildTableOptions): Table {
  const printer = printerFor(kind) ?? defaultPrinter;
  const includeObject = options.includeObject ?? 'Metadata';
  const rows = objects.map((object): TableRow => {
    const printed = printer.print(object, { now: options.now });
    const rowObjectValue = rowObject(object, includeObject);
    // Key order follows metav1.TableRow: cells, conditions, object.
    return printed.conditions?.length
      ? { cells: printed.cells, conditions: printed.conditions, object: rowObjectValue }
      : { cells: printed.cells, object: rowObjectValue };
  });
  const resourceVersion = options.listResourceVersion ?? objects[0]?.metadata.resourceVersion ?? '';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: options.noHeaders ? null : tableForKind(kind),
    rows,
  };
}
