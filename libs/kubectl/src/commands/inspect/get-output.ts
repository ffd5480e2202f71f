// How `kubectl get` prints what it fetched: server Tables for the default
// and wide output (with kinds, labels, label columns, namespaces, sorting),
// or objects through the generic printers (a single object as itself,
// anything else as a v1 List).
import type { KubeObject } from '@kubelab/cluster';
import type { Invocation } from '../../cli/invocation';
import { objectPrinter, parseOutputFlag } from '../../cli/object-output';
import { kubectlList, sortByJsonPath, PrinterError } from '../../printers';
import { printTables, type TableGroup } from '../../printers/table';
import { KubectlError } from '../../cli/errors';
import type { KindResult } from './get';

export interface GetOutput {
  /** Table output (default, wide): fetch Tables from the server. */
  wantsTable: boolean;
  /** Human-readable output reports `No resources found` when nothing was printed. */
  reportsEmpty: boolean;
  print(results: readonly KindResult[], options: { multipleKinds: boolean }): string;
}

function sorted<T>(inv: Invocation, rows: readonly T[], object: (row: T) => unknown): T[] {
  const sortBy = inv.string('sort-by');
  if (!sortBy) return [...rows];
  try {
    const order = sortByJsonPath(rows.map(object), sortBy);
    return order.map((item) => rows.find((row) => object(row) === item) as T);
  } catch (error) {
    if (error instanceof PrinterError) throw new KubectlError(`error: ${error.message}`);
    throw error;
  }
}

export function createObjectPrinter(inv: Invocation): GetOutput {
  const format = parseOutputFlag(inv);
  if (format.kind === 'default' || format.kind === 'wide') {
    return {
      wantsTable: true,
      reportsEmpty: true,
      print(results, { multipleKinds }) {
        const groups: TableGroup[] = results.flatMap((result) =>
          result.table
            ? [
                {
                  kind: result.mapping,
                  table: { ...result.table, rows: sorted(inv, result.table.rows, (row) => row.object) },
                },
              ]
            : [],
        );
        return printTables(groups, {
          wide: format.kind === 'wide',
          noHeaders: inv.bool('no-headers'),
          showLabels: inv.bool('show-labels'),
          labelColumns: inv.strings('label-columns'),
          withNamespace: inv.bool('all-namespaces'),
          withKind: multipleKinds,
        });
      },
    };
  }
  const printer = objectPrinter(inv, format);
  return {
    wantsTable: false,
    reportsEmpty: false,
    print(results) {
      const objects: KubeObject[] = sorted(
        inv,
        results.flatMap((result) => result.objects),
        (object) => object,
      );
      // A single name implies a single item: printed as itself, or (when it failed) not at all.
      const singleItemImplied = results.length === 1 && results[0]?.requestedNames === 1;
      if (singleItemImplied && objects.length === 0) return '';
      const object = singleItemImplied && objects[0] ? objects[0] : kubectlList(objects);
      return printer.print(object);
    },
  };
}
