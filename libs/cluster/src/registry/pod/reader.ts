// Typed, read-only views of a stored (defaulted) Pod for the modules that act
// on pods: kubelet, scheduler, endpoints controllers, network, printers.
// Absent values read as Go's zero values or the API defaults.
import type { KubeObject } from '../../api/objects';
import { int, optionalInt, optionalText, record, records, stringMap, strings, text, type JsonRecord } from './json';

export interface ContainerPortView {
  name?: string;
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol: string;
}

export interface EnvVarView {
  name: string;
  value?: string;
  valueFrom?: JsonRecord;
}

export interface EnvFromView {
  prefix?: string;
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export interface ProbeView {
  httpGet?: { path: string; port: number | string; host?: string; scheme: string; httpHeaders?: JsonRecord[] };
  tcpSocket?: { port: number | string; host?: string };
  exec?: { command: string[] };
  grpc?: { port: number; service?: string };
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  terminationGracePeriodSeconds?: number;
}

export interface VolumeMountView {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
  recursiveReadOnly?: string;
}

export interface ContainerView {
  name: string;
  image: string;
  imagePullPolicy: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports: ContainerPortView[];
  env: EnvVarView[];
  envFrom: EnvFromView[];
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  volumeMounts: VolumeMountView[];
  readinessProbe?: ProbeView;
  livenessProbe?: ProbeView;
  startupProbe?: ProbeView;
  lifecycle?: JsonRecord;
  /** Init containers with `restartPolicy: Always` are sidecars. */
  restartPolicy?: string;
  /** `stdin: true` keeps the container's standard input open (kubectl run -i). */
  stdin?: boolean;
}

export interface TolerationView {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface PodSpecView {
  nodeName: string;
  schedulerName: string;
  containers: ContainerView[];
  initContainers: ContainerView[];
  volumes: JsonRecord[];
  restartPolicy: string;
  terminationGracePeriodSeconds: number;
  activeDeadlineSeconds?: number;
  dnsPolicy: string;
  nodeSelector: Record<string, string>;
  affinity?: JsonRecord;
  tolerations: TolerationView[];
  hostNetwork: boolean;
  hostname?: string;
  subdomain?: string;
  setHostnameAsFQDN: boolean;
  enableServiceLinks: boolean;
  priority: number;
  priorityClassName?: string;
  preemptionPolicy: string;
  schedulingGates: string[];
  serviceAccountName: string;
  automountServiceAccountToken?: boolean;
  readinessGates: string[];
  dnsConfig?: JsonRecord;
  hostAliases: Array<{ ip: string; hostnames: string[] }>;
}

export interface PodConditionView {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
}

export interface ContainerStatusView {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: JsonRecord;
  lastState: JsonRecord;
}

export interface PodStatusView {
  phase: string;
  reason?: string;
  message?: string;
  hostIP?: string;
  podIP?: string;
  podIPs: string[];
  startTime?: string;
  qosClass?: string;
  nominatedNodeName?: string;
  conditions: PodConditionView[];
  containerStatuses: ContainerStatusView[];
  initContainerStatuses: ContainerStatusView[];
}

function portOrName(value: unknown): number | string {
  return typeof value === 'number' || typeof value === 'string' ? value : 0;
}

function probeView(value: unknown): ProbeView | undefined {
  if (value === undefined || value === null) return undefined;
  const probe = record(value);
  const view: ProbeView = {
    initialDelaySeconds: int(probe.initialDelaySeconds),
    periodSeconds: optionalInt(probe.periodSeconds) ?? 10,
    timeoutSeconds: optionalInt(probe.timeoutSeconds) ?? 1,
    successThreshold: optionalInt(probe.successThreshold) ?? 1,
    failureThreshold: optionalInt(probe.failureThreshold) ?? 3,
  };
  const grace = optionalInt(probe.terminationGracePeriodSeconds);
  if (grace !== undefined) view.terminationGracePeriodSeconds = grace;
  if (probe.httpGet) {
    const action = record(probe.httpGet);
    view.httpGet = {
      path: text(action.path) || '/',
      port: portOrName(action.port),
      scheme: text(action.scheme) || 'HTTP',
    };
    if (action.host) view.httpGet.host = text(action.host);
    if (Array.isArray(action.httpHeaders)) view.httpGet.httpHeaders = records(action.httpHeaders);
  }
  if (probe.tcpSocket) {
    const action = record(probe.tcpSocket);
    view.tcpSocket = { port: portOrName(action.port) };
    if (action.host) view.tcpSocket.host = text(action.host);
  }
  if (probe.exec) view.exec = { command: strings(record(probe.exec).command) };
  if (probe.grpc) {
    const action = record(probe.grpc);
    view.grpc = { port: int(action.port) };
    if (typeof action.service === 'string') view.grpc.service = action.service;
  }
  return view;
}

function reference(value: unknown): { name: string; optional?: boolean } | undefined {
  if (value === undefined || value === null) return undefined;
  const ref = record(value);
  return typeof ref.optional === 'boolean'
    ? { name: text(ref.name), optional: ref.optional }
    : { name: text(ref.name) };
}

function containerView(container: JsonRecord): ContainerView {
  const resources = record(container.resources);
  const view: ContainerView = {
    name: text(container.name),
    image: text(container.image),
    imagePullPolicy: text(container.imagePullPolicy) || 'IfNotPresent',
    ...(container.stdin === true ? { stdin: true } : {}),
    ports: records(container.ports).map((port) => {
      const item: ContainerPortView = {
        containerPort: int(port.containerPort),
        protocol: text(port.protocol) || 'TCP',
      };
      if (port.name) item.name = text(port.name);
      if (port.hostPort) item.hostPort = int(port.hostPort);
      if (port.hostIP) item.hostIP = text(port.hostIP);
      return item;
    }),
    env: records(container.env).map((env) => {
      const item: EnvVarView = { name: text(env.name) };
      if (typeof env.value === 'string') item.value = env.value;
      if (env.valueFrom) item.valueFrom = record(env.valueFrom);
      return item;
    }),
    envFrom: records(container.envFrom).map((source) => {
      const item: EnvFromView = {};
      if (source.prefix) item.prefix = text(source.prefix);
      const configMapRef = reference(source.configMapRef);
      const secretRef = reference(source.secretRef);
      if (configMapRef) item.configMapRef = configMapRef;
      if (secretRef) item.secretRef = secretRef;
      return item;
    }),
    resources: { requests: stringMap(resources.requests), limits: stringMap(resources.limits) },
    volumeMounts: records(container.volumeMounts).map((mount) => {
      const item: VolumeMountView = { name: text(mount.name), mountPath: text(mount.mountPath) };
      if (mount.readOnly === true) item.readOnly = true;
      if (mount.subPath) item.subPath = text(mount.subPath);
      if (mount.recursiveReadOnly) item.recursiveReadOnly = text(mount.recursiveReadOnly);
      return item;
    }),
  };
  if (Array.isArray(container.command)) view.command = strings(container.command);
  if (Array.isArray(container.args)) view.args = strings(container.args);
  if (container.workingDir) view.workingDir = text(container.workingDir);
  const readiness = probeView(container.readinessProbe);
  const liveness = probeView(container.livenessProbe);
  const startup = probeView(container.startupProbe);
  if (readiness) view.readinessProbe = readiness;
  if (liveness) view.livenessProbe = liveness;
  if (startup) view.startupProbe = startup;
  if (container.lifecycle) view.lifecycle = record(container.lifecycle);
  if (container.restartPolicy) view.restartPolicy = text(container.restartPolicy);
  return view;
}

function tolerationView(toleration: JsonRecord): TolerationView {
  const view: TolerationView = {};
  for (const key of ['key', 'operator', 'value', 'effect'] as const) {
    const value = optionalText(toleration[key]);
    if (value !== undefined) view[key] = value;
  }
  const seconds = optionalInt(toleration.tolerationSeconds);
  if (seconds !== undefined) view.tolerationSeconds = seconds;
  return view;
}

export function podSpec(pod: Readonly<KubeObject>): PodSpecView {
  const spec = record(pod.spec);
  const view: PodSpecView = {
    nodeName: text(spec.nodeName),
    schedulerName: text(spec.schedulerName) || 'default-scheduler',
    containers: records(spec.containers).map(containerView),
    initContainers: records(spec.initContainers).map(containerView),
    volumes: records(spec.volumes),
    restartPolicy: text(spec.restartPolicy) || 'Always',
    terminationGracePeriodSeconds: optionalInt(spec.terminationGracePeriodSeconds) ?? 30,
    dnsPolicy: text(spec.dnsPolicy) || 'ClusterFirst',
    nodeSelector: stringMap(spec.nodeSelector),
    tolerations: records(spec.tolerations).map(tolerationView),
    hostNetwork: spec.hostNetwork === true,
    setHostnameAsFQDN: spec.setHostnameAsFQDN === true,
    enableServiceLinks: spec.enableServiceLinks !== false,
    priority: int(spec.priority),
    preemptionPolicy: text(spec.preemptionPolicy) || 'PreemptLowerPriority',
    schedulingGates: records(spec.schedulingGates).map((gate) => text(gate.name)),
    serviceAccountName: text(spec.serviceAccountName),
    readinessGates: records(spec.readinessGates).map((gate) => text(gate.conditionType)),
    hostAliases: records(spec.hostAliases).map((alias) => ({
      ip: text(alias.ip),
      hostnames: strings(alias.hostnames),
    })),
  };
  const deadline = optionalInt(spec.activeDeadlineSeconds);
  if (deadline !== undefined) view.activeDeadlineSeconds = deadline;
  if (spec.affinity) view.affinity = record(spec.affinity);
  if (spec.hostname) view.hostname = text(spec.hostname);
  if (spec.subdomain) view.subdomain = text(spec.subdomain);
  if (spec.priorityClassName) view.priorityClassName = text(spec.priorityClassName);
  if (typeof spec.automountServiceAccountToken === 'boolean')
    view.automountServiceAccountToken = spec.automountServiceAccountToken;
  if (spec.dnsConfig) view.dnsConfig = record(spec.dnsConfig);
  return view;
}

function containerStatusView(status: JsonRecord): ContainerStatusView {
  const view: ContainerStatusView = {
    name: text(status.name),
    image: text(status.image),
    imageID: text(status.imageID),
    ready: status.ready === true,
    restartCount: int(status.restartCount),
    state: record(status.state),
    lastState: record(status.lastState),
  };
  if (status.containerID) view.containerID = text(status.containerID);
  if (typeof status.started === 'boolean') view.started = status.started;
  return view;
}

export function podStatus(pod: Readonly<KubeObject>): PodStatusView {
  const status = record(pod.status);
  const view: PodStatusView = {
    phase: text(status.phase),
    podIPs: records(status.podIPs).map((entry) => text(entry.ip)),
    conditions: records(status.conditions).map((condition) => {
      const item: PodConditionView = { type: text(condition.type), status: text(condition.status) };
      if (condition.reason) item.reason = text(condition.reason);
      if (condition.message) item.message = text(condition.message);
      if (condition.lastProbeTime !== undefined) item.lastProbeTime = optionalText(condition.lastProbeTime) ?? null;
      if (condition.lastTransitionTime) item.lastTransitionTime = text(condition.lastTransitionTime);
      return item;
    }),
    containerStatuses: records(status.containerStatuses).map(containerStatusView),
    initContainerStatuses: records(status.initContainerStatuses).map(containerStatusView),
  };
  for (const key of ['reason', 'message', 'hostIP', 'podIP', 'startTime', 'qosClass', 'nominatedNodeName'] as const) {
    const value = optionalText(status[key]);
    if (value) view[key] = value;
  }
  return view;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Readonly<KubeObject>): boolean {
  return podStatus(pod).conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

/** The pod has been asked to go: a deletionTimestamp is set. */
export function isPodTerminating(pod: Readonly<KubeObject>): boolean {
  return Boolean(pod.metadata.deletionTimestamp);
}

/** Succeeded or Failed: its containers will not run again. */
export function isPodTerminal(pod: Readonly<KubeObject>): boolean {
  const phase = podStatus(pod).phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** `status.podIPs[0]`, falling back to `status.podIP`. */
export function podIP(pod: Readonly<KubeObject>): string {
  const status = podStatus(pod);
  return status.podIPs[0] ?? status.podIP ?? '';
}
