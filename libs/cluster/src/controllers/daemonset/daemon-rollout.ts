// The DaemonSet RollingUpdate strategy (update.go rollingUpdate): without
// surge, delete old pods while no more than maxUnavailable are unavailable and
// let manage create their replacements; with surge, start new pods next to
// old ones and delete each old pod once its replacement is available.
import type { KubeObject } from '../../api/objects';
import { isPodAvailable } from '../workloads/pod-state';
import { nodeShouldRunDaemonPod } from './daemon-nodes';
import { surgeCount, syncNodes, unavailableCount, type DaemonSync, type SyncOutcome } from './daemon-manage';
import { isPodUpdated, podsByNode } from './daemon-pods';

interface NodePods {
  newPod?: Readonly<KubeObject>;
  oldPod?: Readonly<KubeObject>;
  /** More than one old or new pod: left to the manage loop. */
  excess: boolean;
}

/** findUpdatedPodsOnNode. */
function updatedPodsOnNode(sync: DaemonSync, pods: readonly Readonly<KubeObject>[]): NodePods {
  const found: NodePods = { excess: false };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const slot = isPodUpdated(pod, sync.hash, sync.view.templateGeneration) ? 'newPod' : 'oldPod';
    if (found[slot]) return { excess: true };
    found[slot] = pod;
  }
  return found;
}

/** updatedDesiredNodeCounts: every node that wants a pod gets an (empty) entry. */
function desiredCounts(sync: DaemonSync, byNode: Map<string, Readonly<KubeObject>[]>) {
  let desired = 0;
  for (const node of sync.nodes) {
    if (!nodeShouldRunDaemonPod(node, sync.view.template).shouldRun) continue;
    desired++;
    const name = node.metadata.name ?? '';
    if (!byNode.has(name)) byNode.set(name, []);
  }
  const maxSurge = surgeCount(sync.view, desired);
  let maxUnavailable = unavailableCount(sync.view, desired);
  // An impossible configuration falls back to one unavailable pod at a time.
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { desired, maxSurge, maxUnavailable };
}

function name(pod: Readonly<KubeObject>): string {
  return pod.metadata.name ?? '';
}

function replaceWithoutSurge(
  sync: DaemonSync,
  byNode: Map<string, Readonly<KubeObject>[]>,
  maxUnavailable: number,
): SyncOutcome {
  const now = sync.context.now();
  const minReady = sync.view.minReadySeconds;
  let unavailable = 0;
  const replacements: string[] = [];
  const candidates: string[] = [];
  for (const nodeName of [...byNode.keys()].sort()) {
    const { newPod, oldPod, excess } = updatedPodsOnNode(sync, byNode.get(nodeName) ?? []);
    if (excess || (!oldPod && !newPod) || (oldPod && newPod)) {
      unavailable++;
    } else if (newPod) {
      if (!isPodAvailable(newPod, minReady, now)) unavailable++;
    } else if (oldPod && !isPodAvailable(oldPod, minReady, now)) {
      replacements.push(name(oldPod));
      unavailable++;
    } else if (oldPod && unavailable < maxUnavailable) {
      candidates.push(name(oldPod));
    }
  }
  const remaining = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
  return syncNodes(sync, [...replacements, ...candidates.slice(0, remaining)], []);
}

function replaceWithSurge(
  sync: DaemonSync,
  byNode: Map<string, Readonly<KubeObject>[]>,
  counts: { desired: number; maxSurge: number },
): SyncOutcome {
  const now = sync.context.now();
  const minReady = sync.view.minReadySeconds;
  const nodes = new Map(sync.nodes.map((node) => [node.metadata.name ?? '', node]));
  const shouldRun = (nodeName: string): boolean => {
    const node = nodes.get(nodeName);
    return node !== undefined && nodeShouldRunDaemonPod(node, sync.view.template).shouldRun;
  };
  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let surging = 0;
  let available = 0;
  for (const nodeName of [...byNode.keys()].sort()) {
    const { newPod, oldPod, excess } = updatedPodsOnNode(sync, byNode.get(nodeName) ?? []);
    if (excess) {
      surging++;
      continue;
    }
    const counted = oldPod ?? newPod;
    if (counted && isPodAvailable(counted, minReady, now)) available++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        if (!shouldRun(nodeName)) oldPodsToDelete.push(name(oldPod));
        else allowedNewNodes.push(nodeName);
      } else if (!shouldRun(nodeName)) {
        shouldNotRunPodsToDelete.push(name(oldPod));
      } else if (surging < counts.maxSurge) {
        candidateNewNodes.push(nodeName);
      }
    } else if (!isPodAvailable(newPod, minReady, now)) {
      surging++;
    } else {
      oldPodsToDelete.push(name(oldPod));
    }
  }
  // Pods on nodes that no longer qualify go only once others are available: maxSurge promises full availability.
  const deletable = Math.min(Math.max(available - counts.desired, 0), shouldNotRunPodsToDelete.length);
  oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(counts.maxSurge - surging, 0), candidateNewNodes.length);
  return syncNodes(sync, oldPodsToDelete, [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)]);
}

/** rollingUpdate: old pods to delete, or new pods to start beside them. */
export function rollingUpdate(sync: DaemonSync): SyncOutcome {
  const byNode = podsByNode(sync.claimPods(), false);
  const counts = desiredCounts(sync, byNode);
  if (counts.maxSurge === 0) return replaceWithoutSurge(sync, byNode, counts.maxUnavailable);
  return replaceWithSurge(sync, byNode, counts);
}
