// Typed, read-only views of the parts of a stored Pod (and Node) that the
// scheduler and the kubelet act on. Absent fields read as Go's zero values.
import { isRecord, type KubeObject } from '../../api/objects';
import { record, records } from '../../registry/pod/json';

export interface ContainerPort {
  name?: string;
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol: string;
}

export interface EnvVarSpec {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export interface EnvFromSpec {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

export interface ProbeSpec {
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port?: number };
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export interface ContainerSpec {
  name: string;
  image: string;
  imagePullPolicy: string;
  command?: string[];
  args?: string[];
  env: EnvVarSpec[];
  envFrom: EnvFromSpec[];
  ports: ContainerPort[];
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  readinessProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  startupProbe?: ProbeSpec;
  volumeMounts: Array<{ name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string }>;
  workingDir?: string;
  /** Init containers with `restartPolicy: Always` are sidecars. */
  restartPolicy?: string;
  /** `stdin: true` (kubectl run -i): a shell as PID 1 waits for input instead of exiting. */
  stdin?: boolean;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface PodSpecView {
  nodeName: string;
  schedulerName: string;
  containers: ContainerSpec[];
  initContainers: ContainerSpec[];
  restartPolicy: string;
  terminationGracePeriodSeconds: number;
  nodeSelector: Record<string, string>;
  affinity: Record<string, unknown> | undefined;
  tolerations: Toleration[];
  hostNetwork: boolean;
  hostname: string | undefined;
  subdomain: string | undefined;
  enableServiceLinks: boolean;
  priority: number;
  preemptionPolicy: string;
  schedulingGates: unknown[];
  serviceAccountName: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function number(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map((item) => String(item)) : undefined;
}

export function stringMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value))) {
    if (typeof item === 'string') map[key] = item;
    else if (typeof item === 'number') map[key] = String(item);
  }
  return map;
}

function probeOf(value: unknown): ProbeSpec | undefined {
  if (!isRecord(value)) return undefined;
  const probe: ProbeSpec = {
    initialDelaySeconds: number(value.initialDelaySeconds, 0),
    periodSeconds: number(value.periodSeconds, 10),
    timeoutSeconds: number(value.timeoutSeconds, 1),
    successThreshold: number(value.successThreshold, 1),
    failureThreshold: number(value.failureThreshold, 3),
  };
  if (isRecord(value.httpGet)) probe.httpGet = value.httpGet;
  if (isRecord(value.tcpSocket)) probe.tcpSocket = value.tcpSocket;
  if (isRecord(value.exec)) probe.exec = { command: strings(value.exec.command) ?? [] };
  if (isRecord(value.grpc)) probe.grpc = value.grpc;
  return probe;
}

function containerOf(value: Record<string, unknown>): ContainerSpec {
  const resources = record(value.resources);
  const container: ContainerSpec = {
    name: text(value.name) ?? '',
    image: text(value.image) ?? '',
    imagePullPolicy: text(value.imagePullPolicy) ?? 'IfNotPresent',
    stdin: value.stdin === true,
    env: records(value.env).map((env) => ({
      name: text(env.name) ?? '',
      value: text(env.value),
      valueFrom: isRecord(env.valueFrom) ? env.valueFrom : undefined,
    })),
    envFrom: records(value.envFrom).map((source) => ({
      prefix: text(source.prefix),
      configMapRef: isRecord(source.configMapRef) ? source.configMapRef : undefined,
      secretRef: isRecord(source.secretRef) ? source.secretRef : undefined,
    })),
    ports: records(value.ports).map((port) => ({
      name: text(port.name),
      containerPort: number(port.containerPort, 0),
      hostPort: typeof port.hostPort === 'number' ? port.hostPort : undefined,
      hostIP: text(port.hostIP),
      protocol: text(port.protocol) ?? 'TCP',
    })),
    resources: { requests: stringMap(resources.requests), limits: stringMap(resources.limits) },
    volumeMounts: records(value.volumeMounts).map((mount) => ({
      name: text(mount.name) ?? '',
      mountPath: text(mount.mountPath) ?? '',
      readOnly: mount.readOnly === true ? true : undefined,
      recursiveReadOnly: text(mount.recursiveReadOnly),
    })),
    readinessProbe: probeOf(value.readinessProbe),
    livenessProbe: probeOf(value.livenessProbe),
    startupProbe: probeOf(value.startupProbe),
  };
  const command = strings(value.command);
  const args = strings(value.args);
  if (command) container.command = command;
  if (args) container.args = args;
  if (typeof value.workingDir === 'string') container.workingDir = value.workingDir;
  if (typeof value.restartPolicy === 'string') container.restartPolicy = value.restartPolicy;
  return container;
}

export function podSpec(pod: Readonly<KubeObject>): PodSpecView {
  const spec = record(pod.spec);
  return {
    nodeName: text(spec.nodeName) ?? '',
    schedulerName: text(spec.schedulerName) ?? 'default-scheduler',
    containers: records(spec.containers).map(containerOf),
    initContainers: records(spec.initContainers).map(containerOf),
    restartPolicy: text(spec.restartPolicy) ?? 'Always',
    terminationGracePeriodSeconds: number(spec.terminationGracePeriodSeconds, 30),
    nodeSelector: stringMap(spec.nodeSelector),
    affinity: isRecord(spec.affinity) ? spec.affinity : undefined,
    tolerations: records(spec.tolerations),
    hostNetwork: spec.hostNetwork === true,
    hostname: text(spec.hostname),
    subdomain: text(spec.subdomain),
    enableServiceLinks: spec.enableServiceLinks !== false,
    priority: number(spec.priority, 0),
    preemptionPolicy: text(spec.preemptionPolicy) ?? 'PreemptLowerPriority',
    schedulingGates: Array.isArray(spec.schedulingGates) ? spec.schedulingGates : [],
    serviceAccountName: text(spec.serviceAccountName) ?? '',
  };
}

export function podStatus(pod: Readonly<KubeObject>): Record<string, unknown> {
  return record(pod.status);
}

export function podPhase(pod: Readonly<KubeObject>): string {
  return text(podStatus(pod).phase) ?? '';
}

/** Succeeded or Failed: its containers will not run again. */
export function isTerminal(pod: Readonly<KubeObject>): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

export function nodeTaints(node: Readonly<KubeObject>): Taint[] {
  return records(record(node.spec).taints).map((taint) => ({
    key: text(taint.key) ?? '',
    value: text(taint.value),
    effect: text(taint.effect) ?? '',
  }));
}

export function nodeUnschedulable(node: Readonly<KubeObject>): boolean {
  return record(node.spec).unschedulable === true;
}

/** The node's Ready condition status: `True`, `False`, `Unknown`, or '' when it has none. */
export function nodeReadyStatus(node: Readonly<KubeObject>): string {
  const ready = records(record(node.status).conditions).find((condition) => condition.type === 'Ready');
  return text(ready?.status) ?? '';
}

export function nodeAllocatable(node: Readonly<KubeObject>): Record<string, string> {
  return stringMap(record(node.status).allocatable);
}

export function nodeInternalIP(node: Readonly<KubeObject>): string | undefined {
  const address = records(record(node.status).addresses).find((entry) => entry.type === 'InternalIP');
  return text(address?.address);
}

export function nodePodCidr(node: Readonly<KubeObject>): string | undefined {
  return text(record(node.spec).podCIDR);
}
