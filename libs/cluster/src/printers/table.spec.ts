import type { KubeObject } from '../api/objects';
import { buildTable, partialObjectMetadata, tableForKind, tableOptionsError } from './index';
import { NOW } from './printers.testing';

const configMap: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'settings',
    namespace: 'default',
    uid: '6a13c641-6666-48e5-8936-def1f913ed00',
    resourceVersion: '42',
    creationTimestamp: '2026-11-22T05:45:19Z',
    labels: { app: 'shop' },
  },
  data: { mode: 'debug' },
};

describe('buildTable', () => {
  it('builds a meta.k8s.io/v1 Table with PartialObjectMetadata rows by default', () => {
    expect(buildTable('ConfigMap', [configMap], { now: NOW })).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '42' },
      columnDefinitions: tableForKind('ConfigMap'),
      rows: [
        {
          cells: ['settings', 1, '79s'],
          object: {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: {
              name: 'settings',
              namespace: 'default',
              uid: '6a13c641-6666-48e5-8936-def1f913ed00',
              resourceVersion: '42',
              creationTimestamp: '2026-11-22T05:45:19Z',
              labels: { app: 'shop' },
            },
          },
        },
      ],
    });
  });

  it('takes the list resourceVersion when given one', () => {
    const table = buildTable('ConfigMap', [configMap], { now: NOW, listResourceVersion: '977' });
    expect(table.metadata).toEqual({ resourceVersion: '977' });
    expect(buildTable('ConfigMap', [], { now: NOW, listResourceVersion: '977' }).rows).toEqual([]);
  });

  it('carries the full object with includeObject=Object and null with None', () => {
    const full = buildTable('ConfigMap', [configMap], { now: NOW, includeObject: 'Object' }).rows[0];
    expect(full?.object).toEqual(configMap);
    expect(full?.object).not.toBe(configMap);
    expect(buildTable('ConfigMap', [configMap], { now: NOW, includeObject: 'None' }).rows[0]?.object).toBeNull();
    expect(buildTable('ConfigMap', [configMap], { now: NOW, includeObject: '' }).rows[0]?.object?.kind).toBe(
      'PartialObjectMetadata',
    );
  });

  it('leaves out the column definitions when asked for no headers', () => {
    expect(buildTable('ConfigMap', [configMap], { now: NOW, noHeaders: true }).columnDefinitions).toBeNull();
  });

  it('prints kinds without a printer with the default convertor', () => {
    const widget: KubeObject = {
      apiVersion: 'test.kubelab.dev/v1',
      kind: 'Widget',
      metadata: { name: 'w', resourceVersion: '7', creationTimestamp: '2026-11-22T05:45:19Z' },
    };
    const table = buildTable('Widget', [widget, { ...widget, metadata: { name: 'new' } }], { now: NOW });
    expect(table.columnDefinitions).toEqual([
      {
        name: 'Name',
        type: 'string',
        format: 'name',
        description:
          'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
        priority: 0,
      },
      {
        name: 'Created At',
        type: 'date',
        format: '',
        description:
          'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        priority: 0,
      },
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['w', '2026-11-22T05:45:19Z'],
      ['new', '0001-01-01T00:00:00Z'],
    ]);
  });

  it('gives every row as many cells as there are columns', () => {
    const kinds = ['Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Deployment', 'ReplicaSet', 'ReplicationController'];
    const more = ['DaemonSet', 'StatefulSet', 'ControllerRevision', 'Job', 'CronJob', 'Node', 'Namespace', 'Event'];
    for (const kind of [...kinds, ...more, 'ConfigMap', 'Secret', 'ServiceAccount', 'Lease', 'Widget']) {
      const table = buildTable(kind, [{ apiVersion: 'v1', kind, metadata: { name: 'x' } }], { now: NOW });
      expect([kind, table.rows[0]?.cells.length]).toEqual([kind, table.columnDefinitions?.length]);
    }
  });

  it('hands out copies of the column definitions', () => {
    const [first] = tableForKind('Pod');
    if (first) first.name = 'changed';
    expect(tableForKind('Pod')[0]?.name).toBe('Name');
  });
});

describe('partialObjectMetadata', () => {
  it('keeps only ObjectMeta fields and writes an unset creationTimestamp as null', () => {
    const partial = partialObjectMetadata({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', finalizers: ['x'], somethingElse: 1 },
    });
    expect(partial).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: 'p', creationTimestamp: null, finalizers: ['x'] },
    });
  });
});

describe('tableOptionsError', () => {
  it('accepts the known includeObject values', () => {
    for (const value of [undefined, '', 'Metadata', 'Object', 'None']) expect(tableOptionsError(value)).toBeUndefined();
  });

  it('rejects others as ValidateTableOptions does', () => {
    expect(tableOptionsError('Everything')).toBe(
      `Unable to convert to Table as requested: includeObject: Invalid value: "Everything": must be 'Metadata', 'Object', 'None', or empty`,
    );
  });
});
