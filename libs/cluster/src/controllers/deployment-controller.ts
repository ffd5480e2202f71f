// pkg/controller/deployment: a Deployment owns ReplicaSets named
// `<deployment>-<pod-template-hash>` and rolls pods from the old ones to the
// new one as its strategy says.
import { cloneJson, type KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import { isDeployment, isReplicaSet, labelSelectorOf, parseSelector, type ReplicaSet } from '../registry/workloads';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { objectKey, splitKey } from './queue-keys';
import { DeploymentRollout } from './workloads/deployment-rollout';
import { claimObject, controllerKey, controllerRefOf, newControllerRef } from './workloads/owner-refs';
import { labelsOf } from './workloads/pod-state';

/** An orphan ReplicaSet: the Deployments whose selector matches it may adopt it. */
const ORPHAN_RS = 'rs:';
/** A deleted pod of a ReplicaSet: its Deployment may be waiting for it (Recreate). */
const POD_OF_RS = 'pod-rs:';

export class DeploymentController implements Controller {
  readonly name = 'deployment';

  keysFor(event: StoreEvent): readonly string[] {
    const { object, previous } = event;
    if (event.resource === keyOf(RESOURCES.deployments)) return [objectKey(object)];
    if (event.resource === keyOf(RESOURCES.replicasets)) {
      const keys = [controllerKey(object, 'Deployment'), controllerKey(previous, 'Deployment')];
      if (event.type !== 'DELETED' && !controllerRefOf(object)) keys.push(`${ORPHAN_RS}${objectKey(object)}`);
      return [...new Set(keys.filter((key): key is string => key !== undefined))];
    }
    if (event.resource === 'pods' && event.type === 'DELETED') {
      const owner = controllerKey(object, 'ReplicaSet');
      return owner ? [`${POD_OF_RS}${owner}`] : [];
    }
    return [];
  }

  sync(key: string, context: ControllerContext): void {
    if (key.startsWith(ORPHAN_RS)) return this.syncOrphan(key.slice(ORPHAN_RS.length), context);
    if (key.startsWith(POD_OF_RS)) {
      const [namespace, name] = splitKey(key.slice(POD_OF_RS.length));
      const rs = context.client.get(RESOURCES.replicasets, namespace, name);
      const owner = rs ? controllerKey(rs, 'Deployment') : undefined;
      if (owner) this.sync(owner, context);
      return;
    }
    const [namespace, name] = splitKey(key);
    const deployment = context.client.get(RESOURCES.deployments, namespace, name);
    if (deployment) this.syncDeployment(deployment, context);
  }

  private syncOrphan(rsKey: string, context: ControllerContext): void {
    const [namespace, name] = splitKey(rsKey);
    const rs = context.client.get(RESOURCES.replicasets, namespace, name);
    if (!rs || controllerRefOf(rs) || !Object.keys(labelsOf(rs)).length) return;
    for (const deployment of context.client.list(RESOURCES.deployments, namespace)) {
      const selector = parseSelector(labelSelectorOf(deployment));
      if (selector && !selector.empty && selector.matches(labelsOf(rs))) this.syncDeployment(deployment, context);
    }
  }

  private syncDeployment(stored: Readonly<KubeObject>, context: ControllerContext): void {
    if (!isDeployment(stored)) return;
    const selector = parseSelector(labelSelectorOf(stored));
    if (!selector) return;
    const d = cloneJson(stored);
    const replicaSets = this.claimReplicaSets(d, selector.matches, context);
    new DeploymentRollout(context, d, replicaSets).run(
      this.podsByReplicaSet(d, replicaSets, selector.matches, context),
    );
  }

  /** getReplicaSetsForDeployment: ClaimReplicaSets over the namespace. */
  private claimReplicaSets(
    d: Readonly<KubeObject>,
    matches: (labels: Record<string, string>) => boolean,
    context: ControllerContext,
  ): ReplicaSet[] {
    const target = {
      owner: d,
      ownerRef: newControllerRef(d, 'apps/v1', 'Deployment'),
      ref: RESOURCES.replicasets,
      client: context.client,
    };
    const claimed: ReplicaSet[] = [];
    for (const rs of context.client.list(RESOURCES.replicasets, d.metadata.namespace)) {
      if (!isReplicaSet(rs) || !claimObject(target, rs, matches(labelsOf(rs)))) continue;
      const fresh = context.client.get(RESOURCES.replicasets, rs.metadata.namespace, rs.metadata.name ?? '');
      if (fresh && isReplicaSet(fresh)) claimed.push(cloneJson(fresh));
    }
    return claimed;
  }

  /** getPodMapForDeployment: the selected pods by the uid of the claimed ReplicaSet controlling them. */
  private podsByReplicaSet(
    d: Readonly<KubeObject>,
    replicaSets: readonly ReplicaSet[],
    matches: (labels: Record<string, string>) => boolean,
    context: ControllerContext,
  ): Map<string, Readonly<KubeObject>[]> {
    const byUid = new Map<string, Readonly<KubeObject>[]>(replicaSets.map((rs) => [rs.metadata.uid ?? '', []]));
    for (const pod of context.client.list(RESOURCES.pods, d.metadata.namespace)) {
      const uid = controllerRefOf(pod)?.uid;
      if (uid !== undefined && matches(labelsOf(pod))) byUid.get(uid)?.push(pod);
    }
    return byUid;
  }
}
