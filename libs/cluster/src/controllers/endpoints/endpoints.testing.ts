// A control plane for the endpoint controller specs: Services, Pods, Nodes,
// Endpoints, EndpointSlices and Events from the registry, the three
// endpoint controllers, and the kubelet's part done by hand.
import type { KubeObject } from '../../api/objects';
import { RESOURCES, type ResourceRef } from '../../api/resource-refs';
import type { ApiRequest } from '../../api/request';
import type { ResourceDefinition } from '../../api/resources';
import {
  endpointSliceDefinition,
  endpointsDefinition,
  eventDefinition,
  nodeDefinition,
} from '../../registry/core-kinds';
import { podDefinition } from '../../registry/pod';
import { serviceDefinition } from '../../registry/service';
import { runningPodStatus } from '../../testing/fixtures.testing';
import { createTestServer, succeeded, type TestServer } from '../../testing/test-server.testing';
import { EndpointsController } from './endpoints-controller';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointSliceMirroringController } from './mirroring-controller';

const definitions: ResourceDefinition[] = [
  serviceDefinition,
  podDefinition,
  nodeDefinition,
  endpointsDefinition,
  endpointSliceDefinition,
  eventDefinition,
];

export interface PodOptions {
  labels?: Record<string, string>;
  node?: string;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  hostname?: string;
  subdomain?: string;
}

export interface EndpointsTest extends TestServer {
  /** A request in `default` that must succeed. */
  call(verb: ApiRequest['verb'], ref: ResourceRef, body?: unknown, extra?: Partial<ApiRequest>): KubeObject;
  createService(body: Record<string, unknown>): KubeObject;
  createPod(name: string, options?: PodOptions): KubeObject;
  /** The kubelet's status: Running with `ip`, Ready or not (lastTransitionTime now). */
  setStatus(name: string, ip: string, ready: boolean): void;
  endpoints(name: string): KubeObject | undefined;
  slices(service: string): KubeObject[];
  get(ref: ResourceRef, name: string): KubeObject | undefined;
}

export function endpointsTest(
  controllers = [new EndpointsController(), new EndpointSliceController(), new EndpointSliceMirroringController()],
): EndpointsTest {
  const test = createTestServer({ definitions, controllers });
  const call: EndpointsTest['call'] = (verb, ref, body, extra = {}) => {
    return succeeded(test.request({ verb, ...ref, namespace: 'default', body, ...extra }));
  };
  for (const name of ['controlplane', 'node01']) {
    test.request({ verb: 'create', ...RESOURCES.nodes, body: { apiVersion: 'v1', kind: 'Node', metadata: { name } } });
  }
  const get = (ref: ResourceRef, name: string): KubeObject | undefined => test.client.get(ref, 'default', name);
  return {
    ...test,
    call,
    get,
    createService: (body) => call('create', RESOURCES.services, { apiVersion: 'v1', kind: 'Service', ...body }),
    createPod(name, options = {}) {
      const container: Record<string, unknown> = { name: 'nginx', image: 'nginx' };
      if (options.ports) container.ports = options.ports.map((port) => ({ protocol: 'TCP', ...port }));
      const spec: Record<string, unknown> = { containers: [container], nodeName: options.node ?? 'node01' };
      if (options.hostname) spec.hostname = options.hostname;
      if (options.subdomain) spec.subdomain = options.subdomain;
      return call('create', RESOURCES.pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, labels: options.labels ?? { app: 'api' } },
        spec,
      });
    },
    setStatus(name, ip, ready) {
      const pod = get(RESOURCES.pods, name);
      if (!pod) throw new Error(`no pod ${name}`);
      const copy = test.client.copy(pod);
      copy.status = runningPodStatus(test.now(), ip, ready);
      call('update', RESOURCES.pods, copy, { name, subresource: 'status' });
    },
    endpoints: (name) => get(RESOURCES.endpoints, name),
    slices: (service) =>
      test.client
        .list(RESOURCES.endpointslices, 'default')
        .filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === service),
  };
}
