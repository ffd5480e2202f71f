// pkg/controller/replication: the ReplicaSet controller's logic run for
// ReplicationControllers, whose selector is a plain label map.
import { RESOURCES } from '../api/resource-refs';
import { parseSetSelector, recordOf, stringMapOf } from '../registry/workloads';
import { ReplicaController } from './workloads/replica-sync';

export class ReplicationControllerController extends ReplicaController {
  constructor() {
    super('replicationcontroller', {
      ref: RESOURCES.replicationcontrollers,
      apiVersion: 'v1',
      kind: 'ReplicationController',
      component: 'replication-controller',
      selector: (owner) => parseSetSelector(stringMapOf(recordOf(owner.spec)?.selector)),
    });
  }
}
