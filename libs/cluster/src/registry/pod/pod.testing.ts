// A test server with Pods, the core kinds around them and the admission
// chain, with short request helpers.
import { admissionPlugins } from '../../admission';
import type { KubeObject, Status } from '../../api/objects';
import type { ApiResponse, RequestQuery } from '../../api/request';
import type { ClusterOptions } from '../../config';
import { namespaceSeed, serviceAccountSeed } from '../../testing/fixtures.testing';
import { createTestServer } from '../../testing/test-server.testing';
import {
  configMapDefinition,
  namespaceDefinition,
  nodeDefinition,
  secretDefinition,
  serviceAccountDefinition,
} from '../core-kinds';
import { podDefinition } from './definition';

export function podServer(options: ClusterOptions = {}) {
  const test = createTestServer({
    definitions: [
      namespaceDefinition,
      nodeDefinition,
      podDefinition,
      serviceAccountDefinition,
      configMapDefinition,
      secretDefinition,
    ],
    admission: admissionPlugins(),
    options,
    objects: [namespaceSeed(), serviceAccountSeed()],
  });
  const pods = (verb: 'create' | 'update' | 'get' | 'delete', extra: Record<string, unknown>): ApiResponse =>
    test.request({ verb, group: '', version: 'v1', resource: 'pods', namespace: 'default', ...extra });
  return {
    ...test,
    create: (body: Record<string, unknown>, query?: RequestQuery) =>
      pods('create', { body: { apiVersion: 'v1', kind: 'Pod', ...body }, ...(query ? { query } : {}) }),
    update: (body: KubeObject) => pods('update', { name: body.metadata.name, body }),
    get: (name: string) => pods('get', { name }).body as KubeObject,
    remove: (name: string, query?: RequestQuery) => pods('delete', { name, ...(query ? { query } : {}) }),
    message: (response: ApiResponse) => (response.body as Status).message,
  };
}

/** What `kubectl run single --image=busybox:1.36 --restart=Never ... -- sleep 3600` sends. */
export function kubectlRunBody(): Record<string, unknown> {
  return {
    metadata: { name: 'single', creationTimestamp: null, labels: { app: 'single', tier: 'tools' } },
    spec: {
      containers: [
        {
          name: 'single',
          image: 'busybox:1.36',
          args: ['sleep', '3600'],
          ports: [{ containerPort: 8080 }],
          env: [{ name: 'MODE', value: 'debug' }],
          resources: {},
        },
      ],
      restartPolicy: 'Never',
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
}

export function simplePod(name: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return { metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec } };
}
