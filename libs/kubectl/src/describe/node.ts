// describe for Nodes (describe.go describeNode): roles, taints, lease,
// conditions, addresses, capacity, system info, the pods it runs and what
// they request.
import { translateTimestampSince, type KubeObject } from '@kubelab/cluster';
import { formatRfc1123z } from './formats';
import {
  eventsFor,
  PrefixWriter,
  writeAnnotations,
  writeEvents,
  writeLabels,
  type DescribeReader,
} from './prefix-writer';
import { addQuantities, formatQuantity, milliValue, parseQuantity, type Quantity } from './quantity';

interface NodeShape {
  metadata?: KubeObject['metadata'];
  spec?: {
    taints?: Array<{ key?: string; value?: string; effect?: string }>;
    unschedulable?: boolean;
    podCIDR?: string;
    podCIDRs?: string[];
    providerID?: string;
  };
  status?: {
    conditions?: Array<{
      type?: string;
      status?: string;
      lastHeartbeatTime?: string;
      lastTransitionTime?: string;
      reason?: string;
      message?: string;
    }>;
    addresses?: Array<{ type?: string; address?: string }>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: Record<string, string>;
  };
}

interface PodResources {
  metadata?: KubeObject['metadata'];
  spec?: { containers?: Array<{ resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }> };
}

function roles(labels: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith('node-role.kubernetes.io/')) found.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role') found.add(value);
  }
  return [...found].filter(Boolean).sort();
}

function writeTaints(w: PrefixWriter, taints: NonNullable<NodeShape['spec']>['taints']): void {
  w.write(0, 'Taints:\t');
  if (!taints?.length) {
    w.write(0, '<none>\n');
    return;
  }
  taints.forEach((taint, index) => {
    if (index > 0) w.write(0, '\t');
    w.write(0, `${taint.key ?? ''}${taint.value ? `=${taint.value}` : ''}:${taint.effect ?? ''}\n`);
  });
}

function podTotals(pod: PodResources, kind: 'requests' | 'limits'): Record<string, Quantity> {
  const totals: Record<string, Quantity> = {};
  for (const container of pod.spec?.containers ?? []) {
    for (const [name, text] of Object.entries(container.resources?.[kind] ?? {})) {
      const quantity = parseQuantity(text);
      totals[name] = totals[name] ? addQuantities(totals[name], quantity) : quantity;
    }
  }
  return totals;
}

const ZERO: Quantity = { value: 0, binary: false };

function percent(part: Quantity, whole: Quantity, milli: boolean): number {
  const denominator = milli ? milliValue(whole) : Math.ceil(whole.value);
  if (denominator === 0) return 0;
  return Math.trunc(((milli ? milliValue(part) : Math.ceil(part.value)) / denominator) * 100);
}

function writePods(w: PrefixWriter, node: NodeShape, pods: readonly PodResources[], now: number): void {
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length
    ? (node.status?.allocatable ?? {})
    : (node.status?.capacity ?? {});
  const cpu = parseQuantity(allocatable.cpu);
  const memory = parseQuantity(allocatable.memory);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const requests: Record<string, Quantity> = {};
  const limits: Record<string, Quantity> = {};
  for (const pod of pods) {
    const req = podTotals(pod, 'requests');
    const lim = podTotals(pod, 'limits');
    for (const [name, value] of Object.entries(req))
      requests[name] = requests[name] ? addQuantities(requests[name], value) : value;
    for (const [name, value] of Object.entries(lim))
      limits[name] = limits[name] ? addQuantities(limits[name], value) : value;
    const cell = (quantity: Quantity | undefined, whole: Quantity, milli: boolean) =>
      `${formatQuantity(quantity ?? ZERO)} (${percent(quantity ?? ZERO, whole, milli)}%)`;
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(req.cpu, cpu, true)}\t${cell(lim.cpu, cpu, true)}\t${cell(req.memory, memory, false)}\t${cell(lim.memory, memory, false)}\t${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, whole: Quantity, milli: boolean) => {
    const req = requests[name] ?? ZERO;
    const lim = limits[name] ?? ZERO;
    w.write(
      1,
      `${name}\t${formatQuantity(req)} (${percent(req, whole, milli)}%)\t${formatQuantity(lim)} (${percent(lim, whole, milli)}%)\n`,
    );
  };
  row('cpu', cpu, true);
  row('memory', memory, false);
  row('ephemeral-storage', parseQuantity(allocatable['ephemeral-storage']), false);
  for (const name of Object.keys(allocatable)
    .filter((key) => key.startsWith('hugepages-'))
    .sort()) {
    row(name, parseQuantity(allocatable[name]), false);
  }
}

export function describeNode(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const node = object as NodeShape;
  const metadata = node.metadata ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  const nodeRoles = roles(metadata.labels ?? {});
  w.write(0, `Roles:\t${nodeRoles.length ? nodeRoles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  w.write(0, `CreationTimestamp:\t${formatRfc1123z(metadata.creationTimestamp ?? undefined)}\n`);
  writeTaints(w, node.spec?.taints);
  w.write(0, `Unschedulable:\t${String(node.spec?.unschedulable ?? false)}\n`);
  // The cluster serves no coordination.k8s.io Leases: kubectl reports the lookup failing.
  w.write(
    0,
    `Lease:\tFailed to get lease: the server could not find the requested resource (get leases.coordination.k8s.io ${metadata.name ?? ''})\n`,
  );
  const conditions = node.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type ?? ''} \t${c.status ?? ''} \t${formatRfc1123z(c.lastHeartbeatTime)} \t${formatRfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const address of node.status?.addresses ?? []) w.write(1, `${address.type ?? ''}:\t${address.address ?? ''}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (!names.length) continue;
    w.write(0, `${title}:\n`);
    for (const name of names) w.write(0, `  ${name}:\t${formatQuantity(parseQuantity(list?.[name]))}\n`);
  }
  const info = node.status?.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const) {
    w.write(0, `  ${label}:\t${info[key] ?? ''}\n`);
  }
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = reader.list('pods', undefined, {
    fieldSelector: `spec.nodeName=${metadata.name ?? ''},status.phase!=Failed,status.phase!=Succeeded`,
  }) as PodResources[];
  writePods(w, node, pods, reader.now());
  if (showEvents) writeEvents(w, eventsFor(reader, object), reader.now());
  return w.text();
}
