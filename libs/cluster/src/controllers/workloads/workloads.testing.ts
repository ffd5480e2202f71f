// A control plane for the workload controller specs: the workload resources,
// pods and events, the Deployment, ReplicaSet and ReplicationController
// controllers, and a stand-in for the kubelet that marks pods ready.
import type { AdmissionPlugin } from '../../api/admission/admission';
import { isRecord, type KubeObject } from '../../api/objects';
import { RESOURCES, type ResourceRef } from '../../api/resource-refs';
import type { ApiRequest } from '../../api/request';
import { eventDefinition } from '../../registry/core-kinds';
import { podDefinition } from '../../registry/pod';
import { workloadDefinitions } from '../../registry/workloads';
import { runningPodStatus } from '../../testing/fixtures.testing';
import { createTestServer, succeeded, type TestServer } from '../../testing/test-server.testing';
import { DeploymentController } from '../deployment-controller';
import { ReplicaSetController } from '../replicaset-controller';
import { ReplicationControllerController } from '../replication-controller';

export interface WorkloadTest extends TestServer {
  /** create/update/patch/delete of a resource in `default`, failing the test on an error Status. */
  call(verb: ApiRequest['verb'], ref: ResourceRef, body?: unknown, extra?: Partial<ApiRequest>): KubeObject;
  get(ref: ResourceRef, name: string): KubeObject | undefined;
  list(ref: ResourceRef): KubeObject[];
  /** The kubelet's part: Running and Ready now, with an IP. */
  markReady(pod: Readonly<KubeObject>): void;
  /** Every pending (not ready, not terminating) pod becomes ready. */
  readyAll(): void;
  events(): Array<{ reason: string; message: string; component: string; object: string }>;
}

export function workloadTest(admission: AdmissionPlugin[] = []): WorkloadTest {
  const test = createTestServer({
    definitions: [...workloadDefinitions(), podDefinition, eventDefinition],
    admission,
    controllers: [new DeploymentController(), new ReplicaSetController(), new ReplicationControllerController()],
  });
  let nextIp = 10;
  const call: WorkloadTest['call'] = (verb, ref, body, extra = {}) => {
    return succeeded(test.request({ verb, ...ref, namespace: 'default', body, ...extra }));
  };
  const markReady = (pod: Readonly<KubeObject>): void => {
    const copy = test.client.copy(pod);
    copy.status = runningPodStatus(test.now(), `10.244.1.${nextIp++}`);
    test.request({
      verb: 'update',
      ...RESOURCES.pods,
      namespace: 'default',
      name: pod.metadata.name,
      subresource: 'status',
      body: copy,
    });
  };
  const list = (ref: ResourceRef): KubeObject[] => [...test.client.list(ref, 'default')];
  return {
    ...test,
    call,
    get: (ref, name) => test.client.get(ref, 'default', name),
    list,
    markReady,
    readyAll() {
      for (const pod of list(RESOURCES.pods)) {
        const status = isRecord(pod.status) ? pod.status : {};
        if (status.phase !== 'Running' && !pod.metadata.deletionTimestamp) markReady(pod);
      }
    },
    events: () =>
      list(RESOURCES.events).map((event) => ({
        reason: String(event.reason),
        message: String(event.message),
        component: String((event.source as { component?: string } | undefined)?.component),
        object: String((event.involvedObject as { name?: string } | undefined)?.name),
      })),
  };
}

export function deploymentBody(
  name: string,
  image: string,
  replicas: number,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: name }, name, creationTimestamp: null },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      strategy: {},
      template: {
        metadata: { labels: { app: name }, creationTimestamp: null },
        spec: { containers: [{ name: image.split(':')[0] ?? name, image, resources: {} }] },
      },
      ...extra,
    },
    status: {},
  };
}

export function activePods(test: WorkloadTest, prefix = ''): KubeObject[] {
  return test
    .list(RESOURCES.pods)
    .filter((pod) => !pod.metadata.deletionTimestamp && (pod.metadata.name ?? '').startsWith(prefix));
}

export function isRunning(pod: Readonly<KubeObject>): boolean {
  return isRecord(pod.status) && pod.status.phase === 'Running';
}

export function readyPods(test: WorkloadTest): KubeObject[] {
  return activePods(test).filter(isRunning);
}
