// describe for Pods (describe.go describePod): placement, status, IPs,
// containers with their state, conditions, volumes, QoS, tolerations, events.
import { translateTimestampSince, type KubeObject } from '@kubelab/cluster';
import {
  writeContainer,
  writeTolerations,
  writeTopologySpread,
  type ContainerShape,
  type PodSpecShape,
} from './containers';
import { formatRfc1123z } from './formats';
import { writeVolumes } from './volumes';
import {
  eventsFor,
  PrefixWriter,
  writeAnnotations,
  writeEvents,
  writeLabels,
  type DescribeReader,
} from './prefix-writer';

interface ContainerState {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: {
    reason?: string;
    message?: string;
    exitCode?: number;
    signal?: number;
    startedAt?: string;
    finishedAt?: string;
  };
}

interface ContainerStatus {
  name?: string;
  containerID?: string;
  imageID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  restartCount?: number;
}

interface PodShape {
  metadata?: KubeObject['metadata'] & { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };
  spec?: PodSpecShape & { priority?: number; nodeName?: string; terminationGracePeriodSeconds?: number };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    hostIP?: string;
    podIP?: string;
    podIPs?: Array<{ ip?: string }>;
    startTime?: string;
    qosClass?: string;
    nominatedNodeName?: string;
    conditions?: Array<{ type?: string; status?: string }>;
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

function writeState(w: PrefixWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${formatRfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
    if (state.waiting.message) w.write(3, `Message:\t${state.waiting.message}\n`);
  } else if (state?.terminated) {
    const terminated = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (terminated.reason) w.write(3, `Reason:\t${terminated.reason}\n`);
    if (terminated.message) w.write(3, `Message:\t${terminated.message}\n`);
    w.write(3, `Exit Code:\t${terminated.exitCode ?? 0}\n`);
    if (terminated.signal) w.write(3, `Signal:\t${terminated.signal}\n`);
    w.write(3, `Started:\t${formatRfc1123z(terminated.startedAt)}\n`);
    w.write(3, `Finished:\t${formatRfc1123z(terminated.finishedAt)}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

function writeContainers(
  w: PrefixWriter,
  title: string,
  containers: readonly ContainerShape[],
  statuses: readonly ContainerStatus[],
): void {
  w.write(0, `${title}:\n`);
  for (const container of containers) {
    const status = statuses.find((candidate) => candidate.name === container.name);
    writeContainer(w, container, '', {
      afterName: status ? () => w.write(2, `Container ID:\t${status.containerID ?? ''}\n`) : undefined,
      afterImage: status ? () => w.write(2, `Image ID:\t${status.imageID ?? ''}\n`) : undefined,
      afterCommand: status
        ? () => {
            writeState(w, 'State', status.state);
            if (status.lastState?.terminated) writeState(w, 'Last State', status.lastState);
            w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
            w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
          }
        : undefined,
    });
  }
}

export function describePod(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const pod = object as PodShape;
  const metadata = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, `Node:\t${spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>'}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  if (metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // Go measures the time since the (future) deletion timestamp: `<invalid>` during the grace period.
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampSince(metadata.deletionTimestamp, reader.now())})\n`);
    w.write(0, `Termination Grace Period:\t${metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message.replace(/\n/g, '\n\t')}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip ?? ''}\n`);
  }
  const owner = (metadata.ownerReferences ?? []).find((reference) => reference.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length)
    writeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? []);
  writeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? []);
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const condition of status.conditions) w.write(1, `${condition.type ?? ''} \t${condition.status ?? ''} \n`);
  }
  writeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${status.qosClass ?? ''}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, spec.tolerations, 'Tolerations');
  writeTopologySpread(w, spec.topologySpreadConstraints, '');
  if (showEvents) writeEvents(w, eventsFor(reader, object), reader.now());
  return w.text();
}
