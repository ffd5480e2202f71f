// A control plane for the scheduler and kubelet specs: pods, nodes, events,
// services, configmaps and secrets, the images catalogue, and two kubeadm nodes (controlplane with its taint, node01).
import type { KubeObject } from '../../api/objects';
import { RESOURCES, type ResourceRef } from '../../api/resource-refs';
import type { ApiRequest } from '../../api/request';
import type { ResourceDefinition } from '../../api/resources';
import type { NodeConfig } from '../../config';
import { configMapDefinition, eventDefinition, nodeDefinition, secretDefinition } from '../../registry/core-kinds';
import { podDefinition } from '../../registry/pod';
import { serviceDefinition } from '../../registry/service';
import { createTestServer, succeeded, type TestServer } from '../../testing/test-server.testing';
import { SchedulerController } from '../scheduler';
import { catalogueImages } from './images';
import { KubeletController } from './kubelet';
import { nodeStatusFor } from './node-status';

export interface KubeletTest extends TestServer {
  kubelet: KubeletController;
  call(verb: ApiRequest['verb'], ref: ResourceRef, body?: unknown, extra?: Partial<ApiRequest>): KubeObject;
  get(ref: ResourceRef, name: string, namespace?: string): KubeObject | undefined;
  pod(name: string): KubeObject;
  events(
    name?: string,
  ): Array<{ reason: string; message: string; type: string; count: number; fieldPath?: string; host?: string }>;
}

const NODES: NodeConfig[] = [
  { name: 'controlplane', controlPlane: true },
  { name: 'node01', controlPlane: false },
];

export function nodeObject(node: NodeConfig, index: number): KubeObject {
  const spec: Record<string, unknown> = { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] };
  const labels: Record<string, string> = { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux' };
  if (node.controlPlane) {
    spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
    labels['node-role.kubernetes.io/control-plane'] = '';
  }
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: node.name, labels }, spec };
}

export function kubeletTest(
  nodes: NodeConfig[] = NODES,
  options: { scheduler?: boolean; definitions?: ResourceDefinition[] } = {},
): KubeletTest {
  const kubelet = new KubeletController({ images: catalogueImages });
  const controllers = options.scheduler === false ? [kubelet] : [new SchedulerController(), kubelet];
  const test = createTestServer({
    definitions: [
      podDefinition,
      nodeDefinition,
      eventDefinition,
      configMapDefinition,
      secretDefinition,
      serviceDefinition,
      ...(options.definitions ?? []),
    ],
    controllers,
  });
  nodes.forEach((node, index) => {
    const created = test.client.create(RESOURCES.nodes, nodeObject(node, index));
    const withStatus = test.client.copy(created);
    withStatus.status = nodeStatusFor(node, `192.168.1.${index + 2}`, test.now());
    test.client.updateStatus(RESOURCES.nodes, withStatus);
  });
  const call: KubeletTest['call'] = (verb, ref, body, extra = {}) => {
    return succeeded(
      test.request({ verb, ...ref, namespace: ref.resource === 'nodes' ? undefined : 'default', body, ...extra }),
    );
  };
  const get: KubeletTest['get'] = (ref, name, namespace = 'default') =>
    test.client.get(ref, ref.resource === 'nodes' ? undefined : namespace, name);
  return {
    ...test,
    kubelet,
    call,
    get,
    pod(name) {
      const found = get(RESOURCES.pods, name);
      if (!found) throw new Error(`pod ${name} not found`);
      return found;
    },
    events(name) {
      return test.client
        .list(RESOURCES.events)
        .filter((event) => !name || (event.involvedObject as { name?: string }).name === name)
        .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)))
        .map((event) => {
          const involved = event.involvedObject as { fieldPath?: string };
          const source = event.source as { host?: string };
          const entry: {
            reason: string;
            message: string;
            type: string;
            count: number;
            fieldPath?: string;
            host?: string;
          } = {
            reason: String(event.reason),
            message: String(event.message),
            type: String(event.type),
            count: Number(event.count),
          };
          if (involved.fieldPath) entry.fieldPath = involved.fieldPath;
          if (source.host) entry.host = source.host;
          return entry;
        });
    },
  };
}

/** A minimal pod as `kubectl run` would create it (defaults the API server would add included). */
export function podBody(
  name: string,
  containers: Array<Record<string, unknown>>,
  spec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { run: name } },
    spec: {
      containers: containers.map((container) => ({ imagePullPolicy: 'IfNotPresent', ...container })),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      ...spec,
    },
  };
}
