// A test server with the core kinds and NamespaceLifecycle admission.
import { namespaceLifecycle } from '../../admission/namespace-lifecycle';
import type { KubeObject, Status } from '../../api/objects';
import type { ApiRequest, ApiResponse } from '../../api/request';
import { namespaceSeed } from '../../testing/fixtures.testing';
import { createTestServer } from '../../testing/test-server.testing';
import { configMapDefinition } from './configmaps';
import { endpointSliceDefinition } from './endpointslices';
import { endpointsDefinition } from './endpoints';
import { eventDefinition } from './events';
import { namespaceDefinition } from './namespaces';
import { nodeDefinition } from './nodes';
import { secretDefinition } from './secrets';
import { serviceAccountDefinition } from './serviceaccounts';

const KINDS: Record<string, { group: string; kind: string; namespaced: boolean }> = {
  namespaces: { group: '', kind: 'Namespace', namespaced: false },
  nodes: { group: '', kind: 'Node', namespaced: false },
  configmaps: { group: '', kind: 'ConfigMap', namespaced: true },
  secrets: { group: '', kind: 'Secret', namespaced: true },
  endpoints: { group: '', kind: 'Endpoints', namespaced: true },
  events: { group: '', kind: 'Event', namespaced: true },
  serviceaccounts: { group: '', kind: 'ServiceAccount', namespaced: true },
  endpointslices: { group: 'discovery.k8s.io', kind: 'EndpointSlice', namespaced: true },
};

export function coreServer() {
  const test = createTestServer({
    definitions: [
      namespaceDefinition,
      nodeDefinition,
      configMapDefinition,
      secretDefinition,
      endpointsDefinition,
      endpointSliceDefinition,
      eventDefinition,
      serviceAccountDefinition,
    ],
    admission: [namespaceLifecycle],
    objects: [namespaceSeed()],
  });
  const call = (verb: ApiRequest['verb'], resource: string, extra: Partial<ApiRequest>): ApiResponse => {
    const info = KINDS[resource] ?? { group: '', kind: '', namespaced: true };
    return test.request({
      verb,
      group: info.group,
      version: 'v1',
      resource,
      ...(info.namespaced ? { namespace: 'default' } : {}),
      ...extra,
    });
  };
  const body = (resource: string, object: Record<string, unknown>): Record<string, unknown> => {
    const info = KINDS[resource];
    return { apiVersion: info?.group ? `${info.group}/v1` : 'v1', kind: info?.kind, ...object };
  };
  return {
    ...test,
    create: (resource: string, object: Record<string, unknown>) =>
      call('create', resource, { body: body(resource, object) }),
    update: (resource: string, object: KubeObject) =>
      call('update', resource, { name: object.metadata.name, body: object }),
    get: (resource: string, name: string) => call('get', resource, { name }),
    remove: (resource: string, name: string) => call('delete', resource, { name }),
    message: (response: ApiResponse) => (response.body as Status).message,
  };
}
