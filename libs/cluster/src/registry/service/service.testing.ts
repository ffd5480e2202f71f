// A test server serving only Services, with short request helpers.
import type { KubeObject, Status } from '../../api/objects';
import type { Controller } from '../../controllers/controller';
import type { ClusterOptions } from '../../config';
import type { RequestQuery } from '../../api/request';
import type { ResourceDefinition } from '../../api/resources';
import { createTestServer } from '../../testing/test-server.testing';
import { serviceDefinition } from './definition';

export function serviceServer(
  parts: { definitions?: ResourceDefinition[]; controllers?: Controller[]; options?: ClusterOptions } = {},
) {
  const test = createTestServer({
    definitions: [serviceDefinition, ...(parts.definitions ?? [])],
    ...(parts.controllers ? { controllers: parts.controllers } : {}),
    ...(parts.options ? { options: parts.options } : {}),
  });
  const send = (verb: 'create' | 'update', body: Record<string, unknown>, query?: RequestQuery) =>
    test.request({
      verb,
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: 'default',
      ...(verb === 'update' ? { name: String((body.metadata as { name: string }).name) } : {}),
      body: { apiVersion: 'v1', kind: 'Service', ...body },
      ...(query ? { query } : {}),
    });
  return {
    ...test,
    create: (body: Record<string, unknown>, query?: RequestQuery) => send('create', body, query),
    update: (body: Record<string, unknown>, query?: RequestQuery) => send('update', body, query),
    patch: (name: string, body: Record<string, unknown>, subresource?: string) =>
      test.request({
        verb: 'patch',
        group: '',
        version: 'v1',
        resource: 'services',
        namespace: 'default',
        name,
        patchType: 'merge',
        body,
        ...(subresource ? { subresource } : {}),
      }),
    get: (name: string) =>
      test.request({ verb: 'get', group: '', version: 'v1', resource: 'services', namespace: 'default', name })
        .body as KubeObject,
    remove: (name: string) =>
      test.request({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name }),
  };
}

export function message(body: unknown): string {
  return (body as Status).message ?? '';
}
