import type { KubeObject, Status } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { namespaceDefinition, serviceAccountDefinition } from '../registry/core-kinds';
import { podDefinition } from '../registry/pod';
import { simplePod } from '../registry/pod/pod.testing';
import { workloadDefinitions } from '../registry/workloads';
import { namespaceSeed, serviceAccountSeed } from '../testing/fixtures.testing';
import { createTestServer } from '../testing/test-server.testing';
import type { QuotaLimits } from '../config';
import { admissionPlugins } from '.';

function deployment(replicas: number, annotations?: Record<string, string>): KubeObject {
  const labels = { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    },
  };
}

function setup(quotas: Partial<QuotaLimits>) {
  const api = createTestServer({
    definitions: [namespaceDefinition, serviceAccountDefinition, podDefinition, ...workloadDefinitions()],
    admission: admissionPlugins(),
    options: { quotas },
    objects: [namespaceSeed(), serviceAccountSeed()],
  });
  const createPod = (name: string) =>
    api.request({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      body: { apiVersion: 'v1', kind: 'Pod', ...simplePod(name) },
    });
  const deploy = (verb: 'create' | 'update', body: KubeObject) =>
    api.request({
      verb,
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      body,
    });
  return { api, createPod, deploy, message: (response: { body: unknown }) => (response.body as Status).message };
}

describe('SandboxQuota admission', () => {
  it('limits pods in ResourceQuota wording', () => {
    const { createPod, message } = setup({ pods: 2 });
    expect(createPod('p1').status).toBe(201);
    expect(createPod('p2').status).toBe(201);
    const refused = createPod('p3');
    expect(refused.status).toBe(403);
    expect(message(refused)).toBe(
      'pods "p3" is forbidden: exceeded quota: sandbox, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it('no longer counts finished pods', () => {
    const { api, createPod } = setup({ pods: 1 });
    const pod = createPod('p1').body as KubeObject;
    const finished = api.client.copy(pod);
    finished.status = { phase: 'Failed', qosClass: 'BestEffort' };
    api.client.updateStatus(RESOURCES.pods, finished);
    expect(createPod('p2').status).toBe(201);
  });

  it('limits the objects of the sandbox', () => {
    const { createPod, message } = setup({ objects: 3 });
    expect(createPod('p1').status).toBe(201);
    expect(message(createPod('p2'))).toBe(
      'pods "p2" is forbidden: exceeded quota: sandbox, requested: objects=1, used: objects=3, limited: objects=3',
    );
  });

  it('limits the replicas of one workload, on create and on scale', () => {
    const { deploy, message } = setup({ replicas: 5 });
    expect(message(deploy('create', deployment(6)))).toBe(
      'deployments.apps "web" is forbidden: exceeded quota: sandbox, requested: replicas=6, used: replicas=0, limited: replicas=5',
    );
    const created = deploy('create', deployment(5)).body as KubeObject;
    const scaled = deploy('update', { ...created, spec: { ...(created.spec as object), replicas: 9 } });
    expect(scaled.status).toBe(403);
  });

  it('limits the size of one object', () => {
    const { deploy, message } = setup({ objectBytes: 600 });
    const response = deploy('create', deployment(1, { note: 'x'.repeat(700) }));
    expect(message(response)).toMatch(
      /^deployments\.apps "web" is forbidden: exceeded quota: sandbox, requested: object-bytes=\d+, used: object-bytes=0, limited: object-bytes=600$/,
    );
  });
});
