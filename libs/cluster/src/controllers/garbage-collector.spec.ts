import type { KubeObject, OwnerReference } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { controllerTest, podTemplate, type ControllerTest } from './cluster-controllers.testing';
import { GarbageCollector } from './garbage-collector';

function cluster(): ControllerTest {
  return controllerTest([new GarbageCollector()]);
}

function replicaSet(test: ControllerTest, name: string): KubeObject {
  return test.call('create', RESOURCES.replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas: 0, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }) },
  });
}

function reference(owner: Readonly<KubeObject>, extra: Partial<OwnerReference> = {}): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    ...extra,
  };
}

/** A pod on a node (so its deletion is graceful) owned by `owners`. */
function pod(test: ControllerTest, name: string, owners: OwnerReference[]): KubeObject {
  return test.call('create', RESOURCES.pods, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ownerReferences: owners },
    spec: { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  });
}

function podNames(test: ControllerTest): string[] {
  return test
    .list(RESOURCES.pods)
    .map((each) => `${each.metadata.name ?? ''}${each.metadata.deletionTimestamp ? ' (terminating)' : ''}`);
}

describe('GarbageCollector', () => {
  it('deletes the dependents of a deleted owner in the background', () => {
    const test = cluster();
    const owner = replicaSet(test, 'web');
    pod(test, 'web-a', [reference(owner, { controller: true, blockOwnerDeletion: true })]);
    pod(test, 'other', []);
    test.call('delete', RESOURCES.replicasets, undefined, { name: 'web' });
    expect(test.get(RESOURCES.replicasets, 'web')).toBeUndefined();
    expect(podNames(test)).toEqual(['other', 'web-a (terminating)']);
  });

  it('deletes an object whose owner does not exist, or exists under another uid', () => {
    const test = cluster();
    const owner = replicaSet(test, 'web');
    pod(test, 'ghost', [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: '0b9d3c47-6b1e-4a7e-9a52-3a1f1d2c0e11' },
    ]);
    pod(test, 'stale', [reference(owner, { uid: '5c2f8a9e-1d3b-4f6a-8c7e-2b9d4e6f8a10' })]);
    expect(podNames(test)).toEqual(['ghost (terminating)', 'stale (terminating)']);
  });

  it('removes only the references to gone owners when another owner remains', () => {
    const test = cluster();
    const first = replicaSet(test, 'first');
    const second = replicaSet(test, 'second');
    pod(test, 'shared', [reference(first), reference(second)]);
    test.call('delete', RESOURCES.replicasets, undefined, { name: 'first' });
    const shared = test.get(RESOURCES.pods, 'shared');
    expect(shared?.metadata.deletionTimestamp).toBeUndefined();
    expect(shared?.metadata.ownerReferences).toEqual([reference(second)]);
  });

  it('orphans the dependents first for propagationPolicy Orphan', () => {
    const test = cluster();
    const owner = replicaSet(test, 'web');
    pod(test, 'web-a', [reference(owner, { controller: true, blockOwnerDeletion: true })]);
    test.call('delete', RESOURCES.replicasets, undefined, { name: 'web', query: { propagationPolicy: 'Orphan' } });
    expect(test.get(RESOURCES.replicasets, 'web')).toBeUndefined();
    const orphan = test.get(RESOURCES.pods, 'web-a');
    expect(orphan?.metadata.deletionTimestamp).toBeUndefined();
    expect(orphan?.metadata.ownerReferences).toBeUndefined();
  });

  it('keeps a foreground-deleted owner until the dependents blocking it are gone', () => {
    const test = cluster();
    const owner = replicaSet(test, 'web');
    pod(test, 'blocking', [reference(owner, { controller: true, blockOwnerDeletion: true })]);
    pod(test, 'loose', [reference(owner)]);
    test.call('delete', RESOURCES.replicasets, undefined, { name: 'web', query: { propagationPolicy: 'Foreground' } });
    const deleting = test.get(RESOURCES.replicasets, 'web');
    expect(deleting?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(deleting?.metadata.deletionTimestamp).toBeDefined();
    expect(podNames(test)).toEqual(['blocking (terminating)', 'loose (terminating)']);
    test.call('delete', RESOURCES.pods, undefined, { name: 'loose', query: { gracePeriodSeconds: 0 } });
    expect(test.get(RESOURCES.replicasets, 'web')).toBeDefined();
    test.call('delete', RESOURCES.pods, undefined, { name: 'blocking', query: { gracePeriodSeconds: 0 } });
    expect(test.get(RESOURCES.replicasets, 'web')).toBeUndefined();
  });

  it('deletes a dependent that has dependents of its own in the foreground too', () => {
    const test = cluster();
    const deployment = test.call('create', RESOURCES.deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) },
    });
    const owned = test.call('create', RESOURCES.replicasets, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-1',
        ownerReferences: [reference(deployment, { controller: true, blockOwnerDeletion: true })],
      },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) },
    });
    pod(test, 'web-1-a', [reference(owned, { controller: true, blockOwnerDeletion: true })]);
    test.call('delete', RESOURCES.deployments, undefined, { name: 'web', query: { propagationPolicy: 'Foreground' } });
    expect(test.get(RESOURCES.replicasets, 'web-1')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(test.get(RESOURCES.deployments, 'web')).toBeDefined();
    test.finishTerminating();
    expect(test.get(RESOURCES.replicasets, 'web-1')).toBeUndefined();
    expect(test.get(RESOURCES.deployments, 'web')).toBeUndefined();
  });

  it('follows cluster-scoped owners into every namespace', () => {
    const test = cluster();
    test.addNode('node01');
    const node = test.get(RESOURCES.nodes, 'node01') as KubeObject;
    test.call('create', RESOURCES.configmaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'node-config', ownerReferences: [reference(node)] },
    });
    test.call('delete', RESOURCES.nodes, undefined, { name: 'node01' });
    expect(test.get(RESOURCES.configmaps, 'node-config')).toBeUndefined();
  });
});
