// kubectl describe's output for each kind it knows (describe.go describers).
import type { KubeObject } from '@kubelab/cluster';
import { describeDeployment } from './deployment';
import { describeEndpointSlice } from './endpointslice';
import { describePod } from './pod';
import type { DescribeReader } from './prefix-writer';
import { describeEndpoints, describeService } from './services';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './simple-kinds';
import { describeGeneric } from './generic';
import { describeNode } from './node';
import { describeReplicaSet } from './replicaset';
import { describeDaemonSet, describeReplicationController, describeStatefulSet } from './workloads';

export type { DescribeReader } from './prefix-writer';

export function describeObject(
  kind: string,
  object: KubeObject,
  reader: DescribeReader,
  options: { showEvents: boolean },
): string {
  switch (kind) {
    case 'Service':
      return describeService(object, reader, options.showEvents);
    case 'Endpoints':
      return describeEndpoints(object, reader, options.showEvents);
    case 'Namespace':
      return describeNamespace(object);
    case 'ConfigMap':
      return describeConfigMap(object, reader, options.showEvents);
    case 'Secret':
      return describeSecret(object);
    case 'Deployment':
      return describeDeployment(object, reader, options.showEvents);
    case 'Pod':
      return describePod(object, reader, options.showEvents);
    case 'Node':
      return describeNode(object, reader, options.showEvents);
    case 'EndpointSlice':
      return describeEndpointSlice(object, reader, options.showEvents);
    case 'ServiceAccount':
      return describeServiceAccount(object, reader, options.showEvents);
    case 'ReplicaSet':
      return describeReplicaSet(object, reader, options.showEvents);
    case 'DaemonSet':
      return describeDaemonSet(object, reader, options.showEvents);
    case 'StatefulSet':
      return describeStatefulSet(object, reader, options.showEvents);
    case 'ReplicationController':
      return describeReplicationController(object, reader, options.showEvents);
    default:
      return describeGeneric(object, reader, options.showEvents);
  }
}
