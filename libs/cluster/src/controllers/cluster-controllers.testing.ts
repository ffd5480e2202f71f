// A control plane for the specs of the DaemonSet, StatefulSet, garbage
// collector, namespace, ServiceAccount and root CA controllers: the real
// resource definitions and NamespaceLifecycle admission, nodes with a Ready
// status, and the kubelet's part (pods Running and Ready, terminating pods
// removed) played by hand.
import { isRecord, type KubeObject, type Status } from '../api/objects';
import { RESOURCES, type ResourceRef } from '../api/resource-refs';
import type { ApiRequest } from '../api/request';
import { namespaceLifecycle } from '../admission/namespace-lifecycle';
import { configMapDefinition } from '../registry/core-kinds/configmaps';
import { eventDefinition } from '../registry/core-kinds/events';
import { namespaceDefinition } from '../registry/core-kinds/namespaces';
import { nodeDefinition } from '../registry/core-kinds/nodes';
import { serviceAccountDefinition } from '../registry/core-kinds/serviceaccounts';
import { podDefinition } from '../registry/pod/definition';
import { serviceDefinition } from '../registry/service/definition';
import { workloadDefinitions } from '../registry/workloads';
import { runningPodStatus } from '../testing/fixtures.testing';
import { createTestServer, succeeded, type TestServer } from '../testing/test-server.testing';
import type { Controller } from './controller';
import { nodeStatusFor } from './kubelet/node-status';

export interface ControllerTest extends TestServer {
  /** A request that must succeed; the namespace defaults to `default`. */
  call(verb: ApiRequest['verb'], ref: ResourceRef, body?: unknown, extra?: Partial<ApiRequest>): KubeObject;
  /** The Status of a request that must fail. */
  fail(verb: ApiRequest['verb'], ref: ResourceRef, body?: unknown, extra?: Partial<ApiRequest>): Status;
  get(ref: ResourceRef, name: string, namespace?: string): KubeObject | undefined;
  list(ref: ResourceRef, namespace?: string): KubeObject[];
  addNode(name: string, options?: { controlPlane?: boolean; labels?: Record<string, string> }): void;
  /** The kubelet's part: Running and Ready now, with an IP. */
  markReady(pod: Readonly<KubeObject>): void;
  /** Every pending pod not being deleted becomes ready. */
  readyAll(namespace?: string): void;
  /** The kubelet's part for pods being deleted: they are gone once stopped. */
  finishTerminating(namespace?: string): void;
  events(namespace?: string): Array<{ type: string; reason: string; message: string; object: string }>;
}

export function controllerTest(controllers: Controller[], options: { namespaces?: string[] } = {}): ControllerTest {
  const test = createTestServer({
    definitions: [
      namespaceDefinition,
      nodeDefinition,
      podDefinition,
      eventDefinition,
      configMapDefinition,
      serviceAccountDefinition,
      serviceDefinition,
      ...workloadDefinitions(),
    ],
    admission: [namespaceLifecycle],
    controllers,
  });
  for (const name of options.namespaces ?? ['default']) {
    test.request({
      verb: 'create',
      ...RESOURCES.namespaces,
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
    });
  }
  let nextIp = 10;
  const send = (verb: ApiRequest['verb'], ref: ResourceRef, body: unknown, extra: Partial<ApiRequest>) =>
    test.request({
      verb,
      ...ref,
      namespace: ref === RESOURCES.namespaces || ref === RESOURCES.nodes ? undefined : 'default',
      body,
      ...extra,
    });
  const call: ControllerTest['call'] = (verb, ref, body, extra = {}) => succeeded(send(verb, ref, body, extra));
  const fail: ControllerTest['fail'] = (verb, ref, body, extra = {}) => {
    const response = send(verb, ref, body, extra);
    if (response.status < 400) throw new Error(`${verb} succeeded`);
    return response.body as Status;
  };
  const list = (ref: ResourceRef, namespace = 'default'): KubeObject[] => [...test.client.list(ref, namespace)];
  const markReady = (pod: Readonly<KubeObject>): void => {
    const copy = test.client.copy(pod);
    copy.status = {
      ...(isRecord(copy.status) ? copy.status : {}),
      ...runningPodStatus(test.now(), `10.244.1.${nextIp++}`),
    };
    test.client.updateStatus(RESOURCES.pods, copy);
    test.runtime.drain();
  };
  return {
    ...test,
    call,
    fail,
    get: (ref, name, namespace = 'default') =>
      test.client.get(ref, ref === RESOURCES.namespaces || ref === RESOURCES.nodes ? undefined : namespace, name),
    list,
    addNode(name, nodeOptions = {}) {
      const labels: Record<string, string> = {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...nodeOptions.labels,
      };
      const spec: Record<string, unknown> = {};
      if (nodeOptions.controlPlane) {
        labels['node-role.kubernetes.io/control-plane'] = '';
        spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
      }
      const created = test.client.create(RESOURCES.nodes, {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels },
        spec,
      });
      const withStatus = test.client.copy(created);
      withStatus.status = nodeStatusFor(
        { name, controlPlane: nodeOptions.controlPlane ?? false },
        '192.168.1.2',
        test.now(),
      );
      test.client.updateStatus(RESOURCES.nodes, withStatus);
      test.runtime.drain();
    },
    markReady,
    readyAll(namespace = 'default') {
      for (const pod of list(RESOURCES.pods, namespace)) {
        const status = isRecord(pod.status) ? pod.status : {};
        if (status.phase !== 'Running' && !pod.metadata.deletionTimestamp) markReady(pod);
      }
    },
    finishTerminating(namespace = 'default') {
      for (const pod of list(RESOURCES.pods, namespace)) {
        if (!pod.metadata.deletionTimestamp) continue;
        test.request({
          verb: 'delete',
          ...RESOURCES.pods,
          namespace,
          name: pod.metadata.name,
          query: { gracePeriodSeconds: 0 },
        });
      }
    },
    events: (namespace = 'default') =>
      list(RESOURCES.events, namespace).map((event) => ({
        type: String(event.type),
        reason: String(event.reason),
        message: String(event.message),
        object: String((event.involvedObject as { name?: string } | undefined)?.name),
      })),
  };
}

/** The pod template most specs use. */
export function podTemplate(labels: Record<string, string>, image = 'nginx:1.27'): Record<string, unknown> {
  return {
    metadata: { labels },
    spec: { containers: [{ name: image.split(':')[0] ?? 'app', image }] },
  };
}
