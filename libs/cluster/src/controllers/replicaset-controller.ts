// pkg/controller/replicaset: keeps `spec.replicas` pods of a ReplicaSet's
// template running, named `<replicaset>-<5 random characters>`.
import { RESOURCES } from '../api/resource-refs';
import { labelSelectorOf, parseSelector } from '../registry/workloads';
import { ReplicaController } from './workloads/replica-sync';

export class ReplicaSetController extends ReplicaController {
  constructor() {
    super('replicaset', {
      ref: RESOURCES.replicasets,
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      component: 'replicaset-controller',
      selector: (owner) => parseSelector(labelSelectorOf(owner)),
    });
  }
}
