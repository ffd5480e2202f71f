import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { controllerTest, type ControllerTest } from './cluster-controllers.testing';
import { NamespaceController } from './namespace-controller';
import { RootCaPublisher } from './root-ca-publisher';
import { ServiceAccountController } from './serviceaccount-controller';

const NS = { namespace: 'team-a' };

function cluster(): ControllerTest {
  const test = controllerTest([new NamespaceController(), new ServiceAccountController(), new RootCaPublisher()], {
    namespaces: ['default', 'team-a'],
  });
  for (const name of ['api-0', 'api-1']) {
    test.call(
      'create',
      RESOURCES.pods,
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, labels: { app: 'api' } },
        spec: { nodeName: 'node01', containers: [{ name: 'api', image: 'nginx:1.27' }] },
      },
      NS,
    );
  }
  test.call(
    'create',
    RESOURCES.services,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api' },
      spec: { selector: { app: 'api' }, ports: [{ port: 80 }] },
    },
    NS,
  );
  return test;
}

function namespaceOf(test: ControllerTest): KubeObject | undefined {
  return test.get(RESOURCES.namespaces, 'team-a');
}

function conditions(test: ControllerTest): Array<Record<string, unknown>> {
  const status = namespaceOf(test)?.status as { conditions?: Array<Record<string, unknown>> };
  return (status.conditions ?? []).map(({ lastTransitionTime, ...rest }) => {
    expect(lastTransitionTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    return rest;
  });
}

describe('NamespaceController', () => {
  it('deletes the content of a Terminating namespace and waits for its pods to stop', () => {
    const test = cluster();
    test.call('delete', RESOURCES.namespaces, undefined, { name: 'team-a' });
    const terminating = namespaceOf(test);
    expect(terminating?.status).toMatchObject({ phase: 'Terminating' });
    expect(terminating?.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(test.list(RESOURCES.services, 'team-a')).toEqual([]);
    expect(test.list(RESOURCES.configmaps, 'team-a')).toEqual([]);
    expect(test.list(RESOURCES.serviceaccounts, 'team-a')).toEqual([]);
    expect(test.list(RESOURCES.pods, 'team-a').map((pod) => Boolean(pod.metadata.deletionTimestamp))).toEqual([
      true,
      true,
    ]);
    expect(conditions(test)).toEqual([
      {
        type: 'NamespaceDeletionDiscoveryFailure',
        status: 'False',
        reason: 'ResourcesDiscovered',
        message: 'All resources successfully discovered',
      },
      {
        type: 'NamespaceDeletionGroupVersionParsingFailure',
        status: 'False',
        reason: 'ParsedGroupVersions',
        message: 'All legacy kube types successfully parsed',
      },
      {
        type: 'NamespaceDeletionContentFailure',
        status: 'False',
        reason: 'ContentDeleted',
        message: 'All content successfully deleted, may be waiting on finalization',
      },
      {
        type: 'NamespaceContentRemaining',
        status: 'True',
        reason: 'SomeResourcesRemain',
        message: 'Some resources are remaining: pods. has 2 resource instances',
      },
      {
        type: 'NamespaceFinalizersRemaining',
        status: 'False',
        reason: 'ContentHasNoFinalizers',
        message: 'All content-preserving finalizers finished',
      },
    ]);
    const refused = test.fail(
      'create',
      RESOURCES.configmaps,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } },
      NS,
    );
    expect(refused.message).toBe(
      'configmaps "late" is forbidden: unable to create new content in namespace team-a because it is being terminated',
    );
    test.finishTerminating('team-a');
    expect(namespaceOf(test)).toBeUndefined();
  });

  it('reports content held by finalizers and finishes once they are removed', () => {
    const test = cluster();
    test.call(
      'create',
      RESOURCES.configmaps,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] } },
      NS,
    );
    test.call('delete', RESOURCES.namespaces, undefined, { name: 'team-a' });
    test.finishTerminating('team-a');
    expect(conditions(test).slice(3)).toEqual([
      {
        type: 'NamespaceContentRemaining',
        status: 'True',
        reason: 'SomeResourcesRemain',
        message: 'Some resources are remaining: configmaps. has 1 resource instances',
      },
      {
        type: 'NamespaceFinalizersRemaining',
        status: 'True',
        reason: 'SomeFinalizersRemain',
        message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
      },
    ]);
    test.call(
      'patch',
      RESOURCES.configmaps,
      { metadata: { finalizers: null } },
      { ...NS, name: 'held', patchType: 'merge' },
    );
    expect(namespaceOf(test)).toBeUndefined();
  });

  it('looks again after half the pods grace period, as its ResourcesRemainingError requeue does', () => {
    const test = cluster();
    test.call('delete', RESOURCES.namespaces, undefined, { name: 'team-a' });
    // terminationGracePeriodSeconds 30: 30/2+1 seconds.
    expect(test.runtime.nextTimerAt()).toBe(test.now() + 16_000);
  });
});
