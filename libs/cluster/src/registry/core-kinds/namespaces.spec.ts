import type { KubeObject } from '../../api/objects';
import { coreServer } from './core-kinds.testing';

describe('namespaces', () => {
  it('refuses names that are not DNS labels, with the transcript message', () => {
    const api = coreServer();
    const response = api.create('namespaces', { metadata: { name: 'Bad_NS' } });
    expect(response.status).toBe(422);
    expect(api.message(response)).toBe(
      `Namespace "Bad_NS" is invalid: metadata.name: Invalid value: "Bad_NS": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('stores the finalizer, the name label and the Active phase', () => {
    const api = coreServer();
    const created = api.create('namespaces', { metadata: { name: 'team-a' } }).body as KubeObject;
    expect(created.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(created.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(created.status).toEqual({ phase: 'Active' });
    expect(api.message(api.create('namespaces', { metadata: { name: 'team-a' } }))).toBe(
      'namespaces "team-a" already exists',
    );
    const generated = api.create('namespaces', { metadata: { generateName: 'lab-' } }).body as KubeObject;
    expect(generated.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': generated.metadata.name });
  });

  it('keeps spec.finalizers on normal updates of a live namespace', () => {
    const api = coreServer();
    const created = api.create('namespaces', { metadata: { name: 'team-a' } }).body as KubeObject;
    const edited = { ...created, spec: { finalizers: [] } };
    expect((api.update('namespaces', edited).body as KubeObject).spec).toEqual({ finalizers: ['kubernetes'] });
  });

  it('turns Terminating on delete and goes once its finalizers are cleared', () => {
    const api = coreServer();
    api.create('namespaces', { metadata: { name: 'team-a' } });
    const deleting = api.remove('namespaces', 'team-a').body as KubeObject;
    expect(deleting.status).toEqual({ phase: 'Terminating' });
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    expect(deleting.metadata.deletionGracePeriodSeconds).toBeUndefined();
    const refused = api.request({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'configmaps',
      namespace: 'team-a',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
    });
    expect(api.message(refused)).toBe(
      'configmaps "c" is forbidden: unable to create new content in namespace team-a because it is being terminated',
    );
    const current = api.get('namespaces', 'team-a').body as KubeObject;
    api.update('namespaces', { ...current, spec: { finalizers: [] } });
    expect(api.get('namespaces', 'team-a').status).toBe(404);
  });
});
