import type { KubeObject } from '../../api/objects';
import { buildTable } from '../table';
import { ago, cells, NOW } from '../printers.testing';

function apps(kind: string, name: string, fields: Record<string, unknown>, meta = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind, metadata: { name, creationTimestamp: ago(5), ...meta }, ...fields };
}

const template = (containers: { name: string; image: string }[], spec = {}) => ({ spec: { containers, ...spec } });
const fakeContainers = [
  { name: 'fake-container1', image: 'fake-image1' },
  { name: 'fake-container2', image: 'fake-image2' },
];

describe('workload printers', () => {
  // c-workloads.sh in /tmp/transcripts.txt: kubectl get rs -o wide
  it('matches the recorded replica sets -o wide', () => {
    const rs = apps('ReplicaSet', 'web-896bb5df7', {
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '896bb5df7' } },
        template: template([{ name: 'nginx', image: 'nginx:1.25' }]),
      },
      status: { availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2 },
    });
    const old = apps('ReplicaSet', 'web-5576d9f5bc', { spec: { replicas: 0, template: template([]) }, status: {} });
    expect(buildTable('ReplicaSet', [rs, old], { now: NOW }).rows.map((row) => row.cells)).toEqual([
      ['web-896bb5df7', 2, 2, 2, '5s', 'nginx', 'nginx:1.25', 'app=web,pod-template-hash=896bb5df7'],
      ['web-5576d9f5bc', 0, 0, 0, '5s', '', '', '<none>'],
    ]);
  });

  // printers_test.go TestPrintDeployment, and `kubectl get all`'s deployment.apps/web
  it('prints deployments', () => {
    const deployment = apps(
      'Deployment',
      'test1',
      {
        spec: { replicas: 5, template: template(fakeContainers), selector: { matchLabels: { foo: 'bar' } } },
        status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
      },
      { creationTimestamp: ago(-1.9) },
    );
    expect(cells(deployment)).toEqual([
      'test1',
      '0/5',
      2,
      1,
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
    const web = apps('Deployment', 'web', {
      spec: {
        replicas: 2,
        template: template([{ name: 'nginx', image: 'nginx:1.25' }]),
        selector: { matchLabels: { app: 'web' } },
      },
      status: { readyReplicas: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 },
    });
    expect(cells(web, NOW + 34_000).slice(0, 5)).toEqual(['web', '2/2', 2, 2, '39s']);
  });

  it('prints selectors with expressions, sorted by key', () => {
    const deployment = apps('Deployment', 'd', {
      spec: {
        replicas: 1,
        template: template([]),
        selector: {
          matchLabels: { tier: 'web' },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'dev'] },
            { key: 'zone', operator: 'DoesNotExist' },
            { key: 'app', operator: 'Exists' },
            { key: 'track', operator: 'NotIn', values: ['canary'] },
          ],
        },
      },
    });
    expect(cells(deployment)[7]).toBe('app,env in (dev,prod),tier=web,track notin (canary),!zone');
    const broken = apps('Deployment', 'd', {
      spec: { template: template([]), selector: { matchExpressions: [{ key: 'a', operator: 'Near' }] } },
    });
    expect(cells(broken)[7]).toBe('<invalid>');
    const empty = apps('Deployment', 'd', { spec: { template: template([]), selector: {} } });
    expect(cells(empty)[7]).toBe('');
  });

  // TestPrintDaemonSet
  it('prints daemon sets', () => {
    const daemonSet = apps(
      'DaemonSet',
      'test1',
      {
        spec: { template: template(fakeContainers), selector: { matchLabels: { foo: 'bar' } } },
        status: {
          currentNumberScheduled: 2,
          desiredNumberScheduled: 3,
          numberReady: 1,
          updatedNumberScheduled: 2,
          numberAvailable: 0,
        },
      },
      { creationTimestamp: ago(-1.9) },
    );
    expect(cells(daemonSet)).toEqual([
      'test1',
      3,
      2,
      1,
      2,
      0,
      '<none>',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
    const withNodeSelector = apps('DaemonSet', 'ds', {
      spec: { template: template([], { nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' } }) },
    });
    expect(cells(withNodeSelector)[6]).toBe('disk=ssd,kubernetes.io/os=linux');
  });

  it('prints stateful sets', () => {
    const statefulSet = apps('StatefulSet', 'db', {
      spec: { replicas: 3, template: template([{ name: 'pg', image: 'postgres:16' }]) },
      status: { readyReplicas: 1, replicas: 2 },
    });
    expect(cells(statefulSet)).toEqual(['db', '1/3', '5s', 'pg', 'postgres:16']);
  });

  it('prints replication controllers', () => {
    const controller: KubeObject = {
      ...apps('ReplicationController', 'rc', {
        spec: { replicas: 3, selector: { app: 'rc' }, template: template([{ name: 'c', image: 'busybox' }]) },
        status: { replicas: 3, readyReplicas: 2 },
      }),
      apiVersion: 'v1',
    };
    expect(cells(controller)).toEqual(['rc', 3, 3, 2, '5s', 'c', 'busybox', 'app=rc']);
  });

  it('prints controller revisions with their controller', () => {
    const revision = apps(
      'ControllerRevision',
      'web-7d4b9c',
      { revision: 2, data: {} },
      {
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'web', uid: 'u', controller: true }],
      },
    );
    expect(cells(revision)).toEqual(['web-7d4b9c', 'daemonset.apps/web', 2, '5s']);
    const orphan = apps('ControllerRevision', 'r', { revision: 1 });
    expect(cells(orphan)[1]).toBe('<none>');
  });

  it('declares integer columns for replica sets and strings for deployments', () => {
    expect(
      buildTable('ReplicaSet', [], { now: NOW }).columnDefinitions?.map((c) => `${c.name}:${c.type}:${c.priority}`),
    ).toEqual([
      'Name:string:0',
      'Desired:integer:0',
      'Current:integer:0',
      'Ready:integer:0',
      'Age:string:0',
      'Containers:string:1',
      'Images:string:1',
      'Selector:string:1',
    ]);
    const deployment = buildTable('Deployment', [], { now: NOW }).columnDefinitions;
    expect(deployment?.map((c) => c.name)).toEqual([
      'Name',
      'Ready',
      'Up-to-date',
      'Available',
      'Age',
      'Containers',
      'Images',
      'Selector',
    ]);
    expect(deployment?.[2]?.description).toBe(
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
    );
  });
});
