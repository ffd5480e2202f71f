// `kubectl get`: tables from the server's Table responses (default, wide),
// objects for -o yaml|json|name|jsonpath|custom-columns|go-template, several
// kinds at once, selectors, all namespaces, sorting, and --watch.
import type { KubeObject, Table } from '@kubelab/cluster';
import { KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { selectResources, type ResourceSelection } from '../../resources/builder';
import type { ResourceMapping } from '../../resources/rest-mapper';
import { readManifestTargets } from './get-files';
import { createObjectPrinter, type GetOutput } from './get-output';
import { watchSelection } from './get-watch';

const NO_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples";

/** One kind's results: the server Table (table output) or the objects. */
export interface KindResult {
  mapping: ResourceMapping;
  table?: Table;
  objects: KubeObject[];
  /** How many names were asked for (0 for a list); one name prints the object itself, not a List. */
  requestedNames: number;
}

function listQuery(inv: Invocation): { labelSelector?: string; fieldSelector?: string } {
  const labelSelector = inv.string('selector');
  const fieldSelector = inv.string('field-selector');
  return { ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}) };
}

/** Fetches one selection; NotFound errors for named objects are collected, not thrown. */
function fetchSelection(
  inv: Invocation,
  selection: ResourceSelection,
  wantTable: boolean,
  errors: string[],
): KindResult {
  const { mapping } = selection;
  const allNamespaces = inv.bool('all-namespaces');
  const namespace = mapping.namespaced
    ? (selection.namespace ?? (allNamespaces ? undefined : inv.namespace))
    : undefined;
  if (!selection.names) {
    if (wantTable) {
      const table = inv.client.table(mapping, namespace, { ...listQuery(inv), includeObject: rowObject(inv) });
      return { mapping, table, objects: rowObjects(table), requestedNames: 0 };
    }
    return {
      mapping,
      objects: inv.client.list(mapping, namespace, listQuery(inv)).items.map((item) => withKind(mapping, item)),
      requestedNames: 0,
    };
  }
  const objects: KubeObject[] = [];
  const rows: Table['rows'] = [];
  let columns: Table['columnDefinitions'] | undefined;
  for (const name of selection.names) {
    const response = inv.client.send({
      verb: 'get',
      group: mapping.group,
      version: mapping.version,
      resource: mapping.resource,
      ...(namespace !== undefined ? { namespace } : {}),
      name,
      ...(wantTable ? { as: 'Table' as const, query: { includeObject: rowObject(inv) } } : {}),
    });
    if (response.status >= 300) {
      const status = response.body as Parameters<typeof statusMessage>[0];
      if (!(inv.bool('ignore-not-found') && response.status === 404)) errors.push(statusMessage(status));
      continue;
    }
    if (wantTable) {
      const table = response.body as Table;
      columns ??= table.columnDefinitions;
      rows.push(...table.rows);
      objects.push(...rowObjects(table));
    } else objects.push(withKind(mapping, response.body as KubeObject));
  }
  const table = columns
    ? ({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: columns, rows } as Table)
    : undefined;
  return { mapping, ...(table ? { table } : {}), objects, requestedNames: selection.names.length };
}

/** Table rows carry whole objects only when --sort-by needs them; metadata is enough for labels. */
function rowObject(inv: Invocation): 'Object' | 'Metadata' {
  return inv.string('sort-by') ? 'Object' : 'Metadata';
}

function rowObjects(table: Table): KubeObject[] {
  return table.rows.map((row) => row.object as KubeObject).filter((object) => object !== undefined);
}

/** List items come without apiVersion/kind on the wire; kubectl's printers put them back. */
function withKind(mapping: ResourceMapping, object: KubeObject): KubeObject {
  if (object.kind && object.apiVersion) return object;
  const apiVersion = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
  return { ...object, apiVersion, kind: mapping.kind };
}

/** kubectl prints `kind/name` when several types were asked for (`svc,ep`, `all`) or found. */
function multipleKinds(inv: Invocation, results: readonly KindResult[]): boolean {
  const first = inv.args[0] ?? '';
  return (
    inv.bool('show-kind') ||
    first === 'all' ||
    first.includes(',') ||
    new Set(results.map((result) => result.mapping)).size > 1
  );
}

function merge(a: KindResult, b: KindResult): KindResult {
  const table = a.table && b.table ? { ...a.table, rows: [...a.table.rows, ...b.table.rows] } : (a.table ?? b.table);
  return {
    mapping: a.mapping,
    ...(table ? { table } : {}),
    objects: [...a.objects, ...b.objects],
    requestedNames: a.requestedNames + b.requestedNames,
  };
}

function noResourcesMessage(inv: Invocation, selections: readonly ResourceSelection[]): string {
  const namespaced = selections.some((selection) => selection.mapping.namespaced);
  if (!namespaced || inv.bool('all-namespaces')) return 'No resources found\n';
  return `No resources found in ${inv.namespace} namespace.\n`;
}

async function runGet(inv: Invocation): Promise<number> {
  const filenames = inv.strings('filename');
  if (inv.args.length === 0 && filenames.length === 0) throw new KubectlError(NO_TYPE);
  const output: GetOutput = createObjectPrinter(inv);
  const selections = filenames.length
    ? await readManifestTargets(inv, filenames)
    : selectResources(inv.mapper, inv.args);
  if (inv.bool('watch') || inv.bool('watch-only')) return watchSelection(inv, selections, output);
  const errors: string[] = [];
  const results: KindResult[] = [];
  for (const selection of selections) {
    const result = fetchSelection(inv, selection, output.wantsTable, errors);
    const previous = results[results.length - 1];
    if (previous && previous.mapping === result.mapping) results[results.length - 1] = merge(previous, result);
    else results.push(result);
  }
  const text = output.print(results, { multipleKinds: multipleKinds(inv, results) });
  inv.out(text);
  const empty = results.every((result) => result.objects.length === 0 && result.requestedNames === 0);
  if (empty && errors.length === 0 && output.reportsEmpty) inv.err(noResourcesMessage(inv, selections));
  for (const error of errors) inv.err(`${error}\n`);
  return errors.length ? 1 : 0;
}

export const getCommand: KubectlCommand = { path: 'get', run: runGet };
