// Every controller of the simulated control plane and nodes.
import type { Controller } from './controller';
import { DaemonSetController } from './daemonset-controller';
import { DeploymentController } from './deployment-controller';
import { EndpointsController, EndpointSliceController, EndpointSliceMirroringController } from './endpoints';
import { EventTtlController } from './event-recorder';
import { GarbageCollector } from './garbage-collector';
import { KubeletController } from './kubelet/kubelet';
import type { KubeletState } from './kubelet/runtime-state';
import { ServiceLoadBalancerController } from './load-balancer';
import { NamespaceController } from './namespace-controller';
import { ReplicaSetController } from './replicaset-controller';
import { ReplicationControllerController } from './replication-controller';
import { RootCaPublisher } from './root-ca-publisher';
import { SchedulerController } from './scheduler';
import { ServiceAccountController } from './serviceaccount-controller';
import { StatefulSetController } from './statefulset-controller';

/** The controllers, given what they remembered in a snapshot (`{ kubelet: ... }`). */
export function controllers(states: Record<string, unknown> = {}): Controller[] {
  return [
    new EventTtlController(),
    new ServiceLoadBalancerController(),
    new DeploymentController(),
    new ReplicaSetController(),
    new ReplicationControllerController(),
    new EndpointsController(),
    new EndpointSliceController(),
    new EndpointSliceMirroringController(),
    new SchedulerController(),
    new KubeletController(states.kubelet ? { state: states.kubelet as KubeletState } : {}),
    new DaemonSetController(),
    new StatefulSetController(),
    new GarbageCollector(),
    new NamespaceController(),
    new ServiceAccountController(),
    new RootCaPublisher(),
  ];
}
