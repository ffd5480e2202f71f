// describe.go's pod template and container sections (DescribePodTemplate,
// describeContainers), shared by Deployments, ReplicaSets and Pods.
import { selectorString } from './formats';
import { type PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';
import { writeVolumes, type VolumeShape } from './volumes';

export interface ContainerShape {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: Array<{ containerPort?: number; hostPort?: number; protocol?: string; name?: string }>;
  env?: Array<{ name?: string; value?: string; valueFrom?: Record<string, unknown> }>;
  envFrom?: Array<{ configMapRef?: { name?: string }; secretRef?: { name?: string }; prefix?: string }>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  volumeMounts?: Array<{ name?: string; mountPath?: string; readOnly?: boolean }>;
}

export interface PodSpecShape {
  containers?: ContainerShape[];
  initContainers?: ContainerShape[];
  volumes?: VolumeShape[];
  nodeSelector?: Record<string, string>;
  tolerations?: Array<{ key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }>;
  serviceAccountName?: string;
  priorityClassName?: string;
  topologySpreadConstraints?: Array<{
    topologyKey?: string;
    whenUnsatisfiable?: string;
    maxSkew?: number;
    labelSelector?: Parameters<typeof selectorString>[0];
  }>;
}

/** A JSON scalar as Go's %v prints it; `fallback` when absent or not a scalar. */
function scalar(value: unknown, fallback: string | number | boolean): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : String(fallback);
}

function portsText(container: ContainerShape, host: boolean): string {
  return (container.ports ?? [])
    .map((port) => `${host ? (port.hostPort ?? 0) : (port.containerPort ?? 0)}/${port.protocol ?? 'TCP'}`)
    .join(', ');
}

/** Where a pod's container adds its runtime details (IDs, state) among the spec's. */
export interface ContainerStatusHooks {
  afterName?: () => void;
  afterImage?: () => void;
  afterCommand?: () => void;
}

/** describeContainerBasicInfo, command, state (pods), resources, probes, env and mounts. */
export function writeContainer(
  w: PrefixWriter,
  container: ContainerShape,
  indent: string,
  hooks: ContainerStatusHooks = {},
): void {
  w.write(1, `${indent ? ' ' : ''}${container.name ?? ''}:\n`);
  hooks.afterName?.();
  w.write(2, `Image:\t${container.image ?? ''}\n`);
  hooks.afterImage?.();
  const ports = portsText(container, false);
  w.write(2, `${ports.includes(',') ? 'Ports' : 'Port'}:\t${ports || '<none>'}\n`);
  const hostPorts = portsText(container, true);
  w.write(2, `${hostPorts.includes(',') ? 'Host Ports' : 'Host Port'}:\t${hostPorts || '<none>'}\n`);
  for (const [title, words] of [
    ['Command', container.command],
    ['Args', container.args],
  ] as const) {
    if (!words?.length) continue;
    w.write(2, `${title}:\n`);
    for (const word of words) for (const line of word.split('\n')) w.write(3, `${line}\n`);
  }
  hooks.afterCommand?.();
  for (const [title, values] of [
    ['Limits', container.resources?.limits],
    ['Requests', container.resources?.requests],
  ] as const) {
    const keys = Object.keys(values ?? {}).sort();
    if (!keys.length) continue;
    w.write(2, `${title}:\n`);
    for (const key of keys) w.write(3, `${key}:\t${values?.[key] ?? ''}\n`);
  }
  writeProbes(w, container);
  writeEnvironment(w, container);
  const mounts = container.volumeMounts ?? [];
  if (mounts.length === 0) w.write(2, 'Mounts:\t<none>\n');
  else {
    w.write(2, 'Mounts:\n');
    for (const mount of [...mounts].sort((a, b) => (a.mountPath ?? '').localeCompare(b.mountPath ?? ''))) {
      w.write(3, `${mount.mountPath ?? ''} from ${mount.name ?? ''} (${mount.readOnly ? 'ro' : 'rw'})\n`);
    }
  }
}

interface ProbeShape {
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string };
  exec?: { command?: string[] };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
function probeText(probe: ProbeShape): string {
  const timing = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${timing}`;
  if (probe.httpGet) {
    const get = probe.httpGet;
    return `http-get ${(get.scheme ?? 'HTTP').toLowerCase()}://${get.host ?? ''}:${scalar(get.port, '')}${get.path ?? ''} ${timing}`;
  }
  if (probe.tcpSocket) return `tcp-socket :${String(probe.tcpSocket.port ?? '')} ${timing}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? 0}  ${timing}`;
  return `unknown ${timing}`;
}

function writeProbes(w: PrefixWriter, container: ContainerShape): void {
  const probes = container as ContainerShape & {
    livenessProbe?: ProbeShape;
    readinessProbe?: ProbeShape;
    startupProbe?: ProbeShape;
  };
  if (probes.livenessProbe) w.write(2, `Liveness:\t${probeText(probes.livenessProbe)}\n`);
  if (probes.readinessProbe) w.write(2, `Readiness:\t${probeText(probes.readinessProbe)}\n`);
  if (probes.startupProbe) w.write(2, `Startup:\t${probeText(probes.startupProbe)}\n`);
}

function writeEnvironment(w: PrefixWriter, container: ContainerShape): void {
  const env = container.env ?? [];
  const envFrom = container.envFrom ?? [];
  if (envFrom.length) {
    w.write(2, 'Environment Variables from:\n');
    for (const source of envFrom) {
      const [kind, name] = source.configMapRef
        ? ['ConfigMap', source.configMapRef.name]
        : ['Secret', source.secretRef?.name];
      w.write(3, `${name ?? ''}\t${kind}\t${source.prefix ? `with prefix '${source.prefix}'` : ''}Optional: false\n`);
    }
  }
  if (env.length === 0) {
    w.write(2, 'Environment:\t<none>\n');
    return;
  }
  w.write(2, 'Environment:\n');
  for (const variable of env) {
    if (variable.valueFrom) {
      const field = variable.valueFrom.fieldRef as { fieldPath?: string; apiVersion?: string } | undefined;
      const configMap = variable.valueFrom.configMapKeyRef as
        { name?: string; key?: string; optional?: boolean } | undefined;
      const secret = variable.valueFrom.secretKeyRef as { name?: string; key?: string; optional?: boolean } | undefined;
      if (field) w.write(3, `${variable.name ?? ''}:\t (${field.apiVersion ?? 'v1'}:${field.fieldPath ?? ''})\n`);
      else if (configMap) {
        w.write(
          3,
          `${variable.name ?? ''}:\t<set to the key '${configMap.key ?? ''}' of config map '${configMap.name ?? ''}'>\tOptional: ${scalar(configMap.optional, false)}\n`,
        );
      } else if (secret) {
        w.write(
          3,
          `${variable.name ?? ''}:\t<set to the key '${secret.key ?? ''}' in secret '${secret.name ?? ''}'>\tOptional: ${scalar(secret.optional, false)}\n`,
        );
      } else w.write(3, `${variable.name ?? ''}:\t\n`);
      continue;
    }
    const lines = (variable.value ?? '').split('\n');
    w.write(3, `${variable.name ?? ''}:\t${lines[0] ?? ''}\n`);
    for (const line of lines.slice(1)) w.write(3, `\t${line}\n`);
  }
}

/** printPodTolerationsMultiline: sorted by key; later lines start with a tab only, as in Go. */
export function writeTolerations(w: PrefixWriter, tolerations: PodSpecShape['tolerations'], title: string): void {
  w.write(0, `${title}:\t`);
  if (!tolerations?.length) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((toleration, index) => {
    if (index > 0) w.write(0, '\t');
    let text = toleration.key ?? '';
    if (toleration.value) text += `=${toleration.value}`;
    if (toleration.effect) text += `:${toleration.effect}`;
    // An operator Exists without key, value and effect tolerates everything.
    if (toleration.operator === 'Exists' && !toleration.value)
      text += toleration.key || toleration.effect ? ' op=Exists' : 'op=Exists';
    if (toleration.tolerationSeconds !== undefined) text += ` for ${toleration.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

/** describeTopologySpreadConstraints: nothing at all when there are none. */
export function writeTopologySpread(
  w: PrefixWriter,
  constraints: PodSpecShape['topologySpreadConstraints'],
  space: string,
): void {
  if (!constraints?.length) return;
  const sorted = [...constraints].sort((a, b) =>
    (a.topologyKey ?? '') < (b.topologyKey ?? '') ? -1 : (a.topologyKey ?? '') > (b.topologyKey ?? '') ? 1 : 0,
  );
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((constraint, index) => {
    if (index > 0) w.write(0, `${space}\t`);
    let text = `${constraint.topologyKey ?? ''}:${constraint.whenUnsatisfiable ?? ''} when max skew ${constraint.maxSkew ?? 0} is exceeded`;
    if (constraint.labelSelector) text += ` for selector ${selectorString(constraint.labelSelector)}`;
    w.write(0, `${text}\n`);
  });
}

/** DescribePodTemplate. */
export function writePodTemplate(
  w: PrefixWriter,
  template:
    | { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: PodSpecShape }
    | undefined,
): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length)
    writeAnnotations(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) {
    w.write(0, '  Init Containers:\n');
    for (const container of spec.initContainers) writeContainer(w, container, '  ');
  }
  w.write(0, '  Containers:\n');
  for (const container of spec.containers ?? []) writeContainer(w, container, '  ');
  writeVolumes(w, spec.volumes, '  ');
  writeTopologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, spec.tolerations, '  Tolerations');
}
