import type { KubeObject, Table, TableCell, TableColumnDefinition } from '@kubelab/cluster';
import { printTables, TablePrinter, type TableKind, type TablePrintOptions } from './table';

const column = (name: string, priority = 0, format = ''): TableColumnDefinition => ({
  name,
  type: 'string',
  format,
  description: '',
  priority,
});

function table(columns: TableColumnDefinition[] | null, rows: Array<[TableCell[], KubeObject['metadata']]>): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1' },
    columnDefinitions: columns,
    rows: rows.map(([cells, metadata]) => ({ cells, object: { metadata } as KubeObject })),
  };
}

const POD_COLUMNS = [
  column('Name', 0, 'name'),
  column('Ready'),
  column('Status'),
  column('Restarts'),
  column('Age'),
  column('IP', 1),
  column('Node', 1),
];
const pods = table(POD_COLUMNS, [
  [
    ['nginx', '1/1', 'Running', 0, '5m', '10.244.1.2', 'node01'],
    { name: 'nginx', namespace: 'default', labels: { run: 'nginx' } },
  ],
  [
    ['redis', '0/1', 'ContainerCreating', 2, '12s', null, 'node01'],
    { name: 'redis', namespace: 'dev', labels: { 'app.kubernetes.io/name': 'db', tier: 'db' } },
  ],
]);
const POD: TableKind = { kind: 'Pod', group: '', namespaced: true };
const NODE: TableKind = { kind: 'Node', group: '', namespaced: false };
const DEPLOYMENT: TableKind = { kind: 'Deployment', group: 'apps', namespaced: true };

const defaults: TablePrintOptions = {
  wide: false,
  noHeaders: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
};
const print = (options: Partial<TablePrintOptions>, groups = [{ kind: POD, table: pods }]) =>
  printTables(groups, { ...defaults, ...options });

describe('printTables (kubectl get)', () => {
  it('prints priority-0 columns, numbers as %v and empty cells', () => {
    expect(print({})).toBe(
      'NAME    READY   STATUS              RESTARTS   AGE\n' +
        'nginx   1/1     Running             0          5m\n' +
        'redis   0/1     ContainerCreating   2          12s\n',
    );
  });

  it('-o wide adds the other columns; --no-headers drops the header', () => {
    expect(print({ wide: true, noHeaders: true })).toBe(
      'nginx   1/1   Running             0     5m    10.244.1.2   node01\n' +
        'redis   0/1   ContainerCreating   2     12s                node01\n',
    );
  });

  it('--show-labels, -L (header from the last path segment) and -A', () => {
    expect(print({ showLabels: true, labelColumns: ['app.kubernetes.io/name', 'run'], withNamespace: true })).toBe(
      'NAMESPACE   NAME    READY   STATUS              RESTARTS   AGE   NAME   RUN     LABELS\n' +
        'default     nginx   1/1     Running             0          5m           nginx   run=nginx\n' +
        'dev         redis   0/1     ContainerCreating   2          12s   db             app.kubernetes.io/name=db,tier=db\n',
    );
  });

  it('leaves out NAMESPACE for cluster-scoped kinds under -A', () => {
    const nodes = table([column('Name', 0, 'name'), column('Status')], [[['node01', 'Ready'], { name: 'node01' }]]);
    expect(print({ withNamespace: true }, [{ kind: NODE, table: nodes }])).toBe('NAME     STATUS\nnode01   Ready\n');
  });

  it('several kinds: kind/name, a blank line between kinds that printed something, widths per kind', () => {
    const deployments = table(
      [column('Name', 0, 'name'), column('Ready')],
      [[['web', '3/3'], { name: 'web', namespace: 'default' }]],
    );
    const empty = table([column('Name', 0, 'name'), column('Data')], []);
    expect(
      print({ withKind: true }, [
        { kind: POD, table: pods },
        { kind: { kind: 'ConfigMap', group: '', namespaced: true }, table: empty },
        { kind: DEPLOYMENT, table: deployments },
      ]),
    ).toBe(
      'NAME        READY   STATUS              RESTARTS   AGE\n' +
        'pod/nginx   1/1     Running             0          5m\n' +
        'pod/redis   0/1     ContainerCreating   2          12s\n' +
        '\n' +
        'NAME                  READY\n' +
        'deployment.apps/web   3/3\n',
    );
  });

  it('no blank lines between kinds with --no-headers, nothing for empty tables', () => {
    const deployments = table([column('Name', 0, 'name')], [[['web'], { name: 'web', namespace: 'default' }]]);
    expect(
      print({ withKind: true, noHeaders: true }, [
        { kind: POD, table: table(POD_COLUMNS, []) },
        { kind: DEPLOYMENT, table: deployments },
      ]),
    ).toBe('deployment.apps/web\n');
    expect(print({}, [{ kind: POD, table: table(POD_COLUMNS, []) }])).toBe('');
  });

  it('cuts a cell at its first line break and escapes control characters', () => {
    const odd = table(
      [column('Name', 0, 'name'), column('Note')],
      [
        [['a', 'first\nsecond'], { name: 'a' }],
        [['b', 'x\u001by'], { name: 'b' }],
      ],
    );
    expect(print({}, [{ kind: POD, table: odd }])).toBe('NAME   NOTE\na      first...\nb      x^[y\n');
  });
});

describe('TablePrinter (kubectl get -w)', () => {
  it('prints the header once and keeps earlier widths for later rows', () => {
    const printer = new TablePrinter();
    const row = (status: string, age: string) =>
      table(null, [[['redis', '0/1', status, 0, age, null, 'node01'], { name: 'redis', namespace: 'default' }]]);
    const out = [
      printer.print(
        {
          kind: POD,
          table: table(POD_COLUMNS, [[['redis', '0/1', 'Pending', 0, '0s', null, 'node01'], { name: 'redis' }]]),
        },
        defaults,
      ),
      printer.print({ kind: POD, table: row('ContainerCreating', '0s') }, defaults),
      printer.print({ kind: POD, table: row('Running', '3s') }, defaults),
    ];
    expect(out).toEqual([
      'NAME    READY   STATUS    RESTARTS   AGE\nredis   0/1     Pending   0          0s\n',
      'redis   0/1     ContainerCreating   0          0s\n',
      'redis   0/1     Running             0          3s\n',
    ]);
  });

  it('--output-watch-events adds an EVENT column with padded types', () => {
    const printer = new TablePrinter();
    const first = table(POD_COLUMNS, [[['redis', '0/1', 'Pending', 0, '0s', null, ''], { name: 'redis' }]]);
    const later = table(null, [[['redis', '0/1', 'Pending', 0, '1s', null, ''], { name: 'redis' }]]);
    expect(printer.print({ kind: POD, table: first }, { ...defaults, eventType: 'ADDED' })).toBe(
      'EVENT      NAME    READY   STATUS    RESTARTS   AGE\nADDED      redis   0/1     Pending   0          0s\n',
    );
    expect(printer.print({ kind: POD, table: later }, { ...defaults, eventType: 'DELETED' })).toBe(
      'DELETED    redis   0/1     Pending   0          1s\n',
    );
  });
});
