import { RESOURCES } from '../api/resource-refs';
import { controllerTest } from './cluster-controllers.testing';
import { ServiceAccountController } from './serviceaccount-controller';

describe('ServiceAccountController', () => {
  it('gives every new namespace a default ServiceAccount', () => {
    const test = controllerTest([new ServiceAccountController()], { namespaces: ['default', 'team-a'] });
    const account = test.get(RESOURCES.serviceaccounts, 'default', 'team-a');
    expect(account).toMatchObject({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: 'team-a' },
    });
    expect(Object.keys(account ?? {}).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(test.get(RESOURCES.serviceaccounts, 'default')).toBeDefined();
  });

  it('creates it again when deleted', () => {
    const test = controllerTest([new ServiceAccountController()]);
    const before = test.get(RESOURCES.serviceaccounts, 'default');
    test.call('delete', RESOURCES.serviceaccounts, undefined, { name: 'default' });
    const after = test.get(RESOURCES.serviceaccounts, 'default');
    expect(after).toBeDefined();
    expect(after?.metadata.uid).not.toBe(before?.metadata.uid);
  });

  it('leaves other accounts alone and does nothing in a terminating namespace', () => {
    const test = controllerTest([new ServiceAccountController()], { namespaces: ['default', 'team-a'] });
    test.call('create', RESOURCES.serviceaccounts, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'bot' },
    });
    test.call('delete', RESOURCES.serviceaccounts, undefined, { name: 'bot' });
    expect(test.get(RESOURCES.serviceaccounts, 'bot')).toBeUndefined();
    test.call('delete', RESOURCES.namespaces, undefined, { name: 'team-a' });
    test.call('delete', RESOURCES.serviceaccounts, undefined, { name: 'default', namespace: 'team-a' });
    expect(test.get(RESOURCES.serviceaccounts, 'default', 'team-a')).toBeUndefined();
  });
});
