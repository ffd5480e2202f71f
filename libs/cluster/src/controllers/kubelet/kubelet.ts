// One kubelet for every node (events say `kubelet` from `host: <node>`):
// it runs the pods bound to its node through their lifecycle on the
// simulated clock, publishes their status, adds pulled images to the node's
// status, and removes pods whose deletion it has carried out.
import { cloneJson, isRecord, type KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import type { StoreEvent } from '../../store/object-store';
import type { Controller, ControllerContext } from '../controller';
import type { InternalClient } from '../internal-client';
import { containerLogs, type LogResult } from './container-logs';
import { containerProcessEnvironment, execInPod, type ExecOutcome } from './container-exec';
import { catalogueImages, nodeImageNames, type ImageCatalogue } from './images';
import { advance, beginTermination, nextStepAt, terminationDone } from './lifecycle';
import { recoverLastPodIP, recoverPodRecord } from './recovery';
import { ContainerLogBuffer } from './logs';
import { nodeImageEntry, sortImages, type NodeImage } from './node-status';
import { objectKey, splitKey } from '../queue-keys';
import { isTerminal, nodeInternalIP, podSpec, podStatus } from './pod-spec';
import { generatePodStatus } from './pod-status';
import { jsonEqual } from '../../api/handlers/decode';
import { newWork, type KubeletDeps, type PodWork } from './pod-work';
import { emptyKubeletState, type KubeletState } from './runtime-state';

const CONFIG_KEY_PREFIX = 'config:';

export interface KubeletOptions {
  /** The nodes' runtime state, e.g. from a snapshot; a fresh one by default. */
  state?: KubeletState;
  /** Where images come from; the images catalogue by default. */
  images?: ImageCatalogue;
}

export class KubeletController implements Controller {
  readonly name = 'kubelet';
  readonly state: KubeletState;
  /** Container logs appended from outside (the network model's access logs); part of `state`. */
  readonly logs: ContainerLogBuffer;
  private readonly images: ImageCatalogue;

  constructor(options: KubeletOptions = {}) {
    this.state = options.state ?? emptyKubeletState();
    this.logs = new ContainerLogBuffer(this.state.logs);
    this.images = options.images ?? catalogueImages;
  }

  keysFor(event: StoreEvent): readonly string[] {
    if (event.resource === 'pods') {
      const bound = podSpec(event.object).nodeName !== '';
      return bound || event.type === 'DELETED' ? [objectKey(event.object)] : [];
    }
    if ((event.resource === 'configmaps' || event.resource === 'secrets') && event.type !== 'DELETED') {
      return [`${CONFIG_KEY_PREFIX}${event.object.metadata.namespace ?? ''}`];
    }
    return [];
  }

  sync(key: string, context: ControllerContext): void {
    if (key.startsWith(CONFIG_KEY_PREFIX)) {
      const namespace = key.slice(CONFIG_KEY_PREFIX.length);
      for (const record of Object.values(this.state.pods)) {
        const blocked = record.containers.some((container) => container.reason === 'CreateContainerConfigError');
        if (record.namespace === namespace && blocked) this.syncPod(record.namespace, record.name, context, true);
      }
      return;
    }
    const [namespace, name] = splitKey(key);
    this.syncPod(namespace, name, context, false);
  }

  /** `kubectl logs`: the lines of a container of `pod` at `now`, reading Services, ConfigMaps and Secrets through `reader`. */
  containerLogs(
    pod: Readonly<KubeObject>,
    container: string,
    now: number,
    reader: Pick<InternalClient, 'get' | 'list'>,
    options: { previous?: boolean } = {},
  ): LogResult {
    return containerLogs(pod, container, now, this.sources(pod, reader), options);
  }

  /** `kubectl exec`: a command in a running container of `pod`. */
  exec(
    pod: Readonly<KubeObject>,
    container: string,
    command: readonly string[],
    now: number,
    reader: Pick<InternalClient, 'get' | 'list'>,
  ): ExecOutcome {
    return execInPod(pod, container, command, now, this.sources(pod, reader));
  }

  /** The environment a container started with (running or finished). */
  environment(pod: Readonly<KubeObject>, container: string, reader: Pick<InternalClient, 'get' | 'list'>) {
    return containerProcessEnvironment(pod, container, this.sources(pod, reader));
  }

  private sources(pod: Readonly<KubeObject>, reader: Pick<InternalClient, 'get' | 'list'>) {
    const namespace = pod.metadata.namespace ?? '';
    return {
      services: reader.list(RESOURCES.services),
      configMap: (name: string) => reader.get(RESOURCES.configmaps, namespace, name),
      secret: (name: string) => reader.get(RESOURCES.secrets, namespace, name),
      buffer: this.logs,
      images: this.images,
    };
  }

  private deps(context: ControllerContext): KubeletDeps {
    return { context, state: this.state, images: this.images, logs: this.logs };
  }

  private forget(uid: string): void {
    delete this.state.pods[uid];
    this.logs.forgetPod(uid);
  }

  private syncPod(namespace: string, name: string, context: ControllerContext, retryConfig: boolean): void {
    const pod = context.client.get(RESOURCES.pods, namespace, name);
    for (const record of Object.values(this.state.pods)) {
      if (record.namespace === namespace && record.name === name && record.uid !== pod?.metadata.uid)
        this.forget(record.uid);
    }
    const nodeName = pod ? podSpec(pod).nodeName : '';
    const node = nodeName ? context.client.get(RESOURCES.nodes, undefined, nodeName) : undefined;
    if (!pod || !node) return;
    const uid = pod.metadata.uid ?? '';
    const now = context.now();
    const deps = this.deps(context);
    let record = this.state.pods[uid];
    if (!record) {
      // A pod that finished before this kubelet knew it (or a deleted one never started) needs no runtime.
      if (pod.metadata.deletionTimestamp) {
        if (pod.metadata.deletionGracePeriodSeconds !== 0) {
          context.client.delete(RESOURCES.pods, namespace, name, { gracePeriodSeconds: 0 });
        }
        return;
      }
      if (isTerminal(pod)) return;
      const base = { deps, pod, spec: podSpec(pod), node, pulled: [], processes: new Map() };
      record = recoverPodRecord(base, nodeInternalIP(node) ?? '', now);
      this.state.pods[uid] = record;
    }
    const work = newWork(deps, pod, record, node);
    recoverLastPodIP(work);
    if (retryConfig) {
      for (const container of record.containers) {
        if (container.reason === 'CreateContainerConfigError' && container.next === 'start') container.dueAt = now;
      }
    }
    if (pod.metadata.deletionTimestamp && !record.terminating) beginTermination(work, now);
    advance(work, now);
    this.recordPulledImages(work);
    if (terminationDone(record)) {
      // The final status, then the deletion the API server waited for (a finalizer may still hold the pod).
      this.writeStatus(work, now, true);
      if (pod.metadata.deletionGracePeriodSeconds !== 0) {
        context.client.delete(RESOURCES.pods, namespace, name, { gracePeriodSeconds: 0 });
      }
      this.forget(uid);
      return;
    }
    this.writeStatus(work, now, record.sandboxGone === true);
    const next = nextStepAt(work);
    if (next !== undefined) context.after(next - now, objectKey(pod));
  }

  private writeStatus(work: PodWork, now: number, podIsTerminal: boolean): void {
    const status = generatePodStatus(work.pod, work.record, now, podIsTerminal);
    // Statuses compare equal whatever order their fields were written in.
    if (jsonEqual(status, podStatus(work.pod))) return;
    const updated = work.deps.context.client.copy(work.pod);
    updated.status = status;
    work.deps.context.client.updateStatus(RESOURCES.pods, updated);
  }

  /** The kubelet's next node status update lists the images it pulled. */
  private recordPulledImages(work: PodWork): void {
    if (!work.pulled.length) return;
    const { client } = work.deps.context;
    const node = client.get(RESOURCES.nodes, undefined, work.record.node);
    if (!node) return;
    const status = isRecord(node.status) ? node.status : {};
    const images = (Array.isArray(status.images) ? cloneJson(status.images) : []) as NodeImage[];
    let changed = false;
    for (const image of work.pulled) {
      const names = nodeImageNames(image);
      const existing = images.find((entry) => entry.names.includes(names[0] ?? ''));
      if (existing) {
        for (const name of names) if (!existing.names.includes(name)) existing.names.push(name);
        changed = true;
      } else if (image.tag !== undefined) {
        images.push(nodeImageEntry(image.repository, image.tag, image.digest, image.sizeBytes));
        changed = true;
      } else {
        images.push({ names, sizeBytes: image.sizeBytes });
        changed = true;
      }
    }
    if (!changed) return;
    const updated = client.copy(node);
    updated.status = { ...status, images: sortImages(images) };
    client.updateStatus(RESOURCES.nodes, updated);
  }
}
