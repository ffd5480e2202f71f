// `kubectl get -w` / `--watch-only`: the current state, then one line per
// change as the server's watch reports it, until Ctrl-C (or, in a script,
// until nothing more will happen).
import type { Table, WatchEvent } from '@kubelab/cluster';
import { KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';
import type { ResourceSelection } from '../../resources/builder';
import { TablePrinter, type TablePrintOptions } from '../../printers/table';
import type { GetOutput } from './get-output';

const ONE_TYPE = 'error: you may only specify a single resource type';

/** How often the watch loop lets simulated time pass while waiting for events. */
const POLL_MS = 1000;

export async function watchSelection(
  inv: Invocation,
  selections: readonly ResourceSelection[],
  output: GetOutput,
): Promise<number> {
  const [selection] = selections;
  if (!selection || selections.length > 1) throw new KubectlError(ONE_TYPE);
  const { mapping } = selection;
  const names = selection.names ?? [];
  if (names.length > 1) throw new KubectlError(ONE_TYPE);
  const allNamespaces = inv.bool('all-namespaces');
  const namespace = mapping.namespaced && !allNamespaces ? inv.namespace : undefined;
  const labelSelector = inv.string('selector');
  const fieldSelector = [inv.string('field-selector'), names[0] ? `metadata.name=${names[0]}` : '']
    .filter(Boolean)
    .join(',');
  const query = { ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}) };
  const target = {
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    ...(namespace !== undefined ? { namespace } : {}),
  };

  const eventsOut = inv.bool('output-watch-events');
  const tableOptions: TablePrintOptions = {
    wide: inv.string('output') === 'wide',
    noHeaders: inv.bool('no-headers'),
    showLabels: inv.bool('show-labels'),
    labelColumns: inv.strings('label-columns'),
    withNamespace: allNamespaces,
    withKind: inv.bool('show-kind'),
  };
  const printer = new TablePrinter();
  let resourceVersion = '0';
  if (!inv.bool('watch-only')) {
    const list = inv.client.send({ verb: 'list', ...target, query });
    if (list.status >= 300) throw new KubectlError(statusMessage(list.body as Parameters<typeof statusMessage>[0]));
    resourceVersion = (list.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion ?? '0';
    if (output.wantsTable) {
      const table = initialTable(inv, selection);
      inv.out(
        printer.print({ kind: mapping, table }, { ...tableOptions, ...(eventsOut ? { eventType: 'ADDED' } : {}) }),
      );
    } else inv.out(initialText(inv, selection, output));
  }

  const onEvent = (event: WatchEvent) => {
    if (event.type === 'BOOKMARK' || event.type === 'ERROR') return;
    if (output.wantsTable) {
      const table = event.object as Table;
      inv.out(
        printer.print({ kind: mapping, table }, { ...tableOptions, ...(eventsOut ? { eventType: event.type } : {}) }),
      );
    } else {
      inv.out(
        output.print([{ mapping, objects: [event.object as never], requestedNames: 1 }], { multipleKinds: false }),
      );
    }
  };
  const handle = inv.ctx.cluster.tryWatch(
    { ...target, query: { ...query, resourceVersion }, ...(output.wantsTable ? { as: 'Table' as const } : {}) },
    onEvent,
  );
  if (!('stop' in handle)) throw new KubectlError(statusMessage(handle.status));
  try {
    while (!inv.ctx.signal.aborted && (await inv.ctx.clock.sleep(POLL_MS, { stream: true }))) {
      // Events arrive through the listener as simulated time passes.
    }
  } finally {
    handle.stop();
  }
  return 0;
}

function initialTable(inv: Invocation, selection: ResourceSelection): Table {
  const { mapping } = selection;
  const namespace = mapping.namespaced && !inv.bool('all-namespaces') ? inv.namespace : undefined;
  const name = selection.names?.[0];
  const labelSelector = inv.string('selector');
  const fieldSelector = inv.string('field-selector');
  return inv.client.table(mapping, namespace, {
    ...(name ? { name } : {}),
    ...(labelSelector ? { labelSelector } : {}),
    ...(fieldSelector ? { fieldSelector } : {}),
  });
}

function initialText(inv: Invocation, selection: ResourceSelection, output: GetOutput): string {
  const { mapping } = selection;
  const namespace = mapping.namespaced && !inv.bool('all-namespaces') ? inv.namespace : undefined;
  const name = selection.names?.[0];
  const objects = name ? [inv.client.get(mapping, namespace, name)] : inv.client.list(mapping, namespace).items;
  return objects
    .map((object) => output.print([{ mapping, objects: [object], requestedNames: 1 }], { multipleKinds: false }))
    .join('');
}
