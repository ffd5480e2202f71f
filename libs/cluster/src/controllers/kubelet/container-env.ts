// A container's process environment as `kubectl exec <pod> -- env` shows it:
// the runtime's PATH and HOSTNAME, the image's ENV, then what the kubelet
// passes (makeEnvironmentVariables: envFrom, env with `$(VAR)` expansion and
// value sources, then the service variables), then HOME as runc adds it.
// Names given twice keep their first place and take the later value, as
// containerd's WithEnv does.
import { isRecord, type KubeObject } from '../../api/objects';
import { text } from '../../registry/pod/json';
import { base64Decode, utf8Decode } from '../../runtime/bytes';
import { expandKubernetesVars } from './expansion';
import { effectiveRequests, parseQuantity } from './resources';
import type { ContainerSpec } from './pod-spec';
import { podSpec, podStatus, stringMap } from './pod-spec';
import { serviceEnvironment } from './service-env';

export const RUNTIME_DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type EnvironmentResult =
  | { ok: true; env: Array<[string, string]> }
  /** CreateContainerConfigError: the message the kubelet puts in the waiting state and the `Failed` event. */
  | { ok: false; message: string };

/** ConfigMaps and Secrets of the pod's namespace, and the node's allocatable resources. */
export interface EnvSources {
  configMap(name: string): Readonly<KubeObject> | undefined;
  secret(name: string): Readonly<KubeObject> | undefined;
  nodeAllocatable?: Record<string, string>;
}

const NO_SOURCES: EnvSources = { configMap: () => undefined, secret: () => undefined };
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

class ConfigError extends Error {}

/** A Secret value: the server stores it as canonical base64; the container gets its bytes as text. */
function secretText(value: string): string {
  const decoded = base64Decode(value);
  return decoded.ok ? utf8Decode(decoded.bytes) : '';
}

function dataOf(object: Readonly<KubeObject>, secret: boolean): Record<string, string> {
  const data = stringMap(object.data);
  if (!secret) return data;
  const decoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) decoded[key] = secretText(value);
  return decoded;
}

function source(
  sources: EnvSources,
  secret: boolean,
  name: string,
  optional: boolean,
): Record<string, string> | undefined {
  const object = secret ? sources.secret(name) : sources.configMap(name);
  if (object) return dataOf(object, secret);
  if (optional) return undefined;
  throw new ConfigError(`${secret ? 'secret' : 'configmap'} "${name}" not found`);
}

function quoteLabels(map: Record<string, string>): string {
  return Object.keys(map)
    .sort()
    .map((key) => `${key}="${map[key] ?? ''}"`)
    .join('\n');
}

/** podFieldSelectorRuntimeValue: the downward API's fieldRef paths. */
function fieldValue(pod: Readonly<KubeObject>, path: string): string {
  const status = podStatus(pod);
  const ips = (key: string): string[] =>
    Array.isArray(status[key]) ? status[key].filter(isRecord).map((entry) => text(entry.ip)) : [];
  const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (subscript)
    return (subscript[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[subscript[2] ?? ''] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return quoteLabels(pod.metadata.labels ?? {});
    case 'metadata.annotations':
      return quoteLabels(pod.metadata.annotations ?? {});
    case 'spec.nodeName':
      return podSpec(pod).nodeName;
    case 'spec.serviceAccountName':
      return podSpec(pod).serviceAccountName;
    case 'status.hostIP':
      return typeof status.hostIP === 'string' ? status.hostIP : '';
    case 'status.hostIPs':
      return ips('hostIPs').join(',');
    case 'status.podIP':
      return typeof status.podIP === 'string' ? status.podIP : '';
    case 'status.podIPs':
      return ips('podIPs').join(',');
    default:
      return '';
  }
}

/** resourceFieldRef: a request or limit (a missing limit is the node's allocatable), divided and rounded up. */
function resourceValue(container: ContainerSpec, reference: Record<string, unknown>, sources: EnvSources): string {
  const [kind = '', name = ''] = text(reference.resource).split('.');
  const divisor = parseQuantity(typeof reference.divisor === 'string' ? reference.divisor : '1') || 1;
  let amount: number | undefined;
  if (kind === 'requests') amount = effectiveRequests(container)[name];
  else amount = parseQuantity(container.resources.limits[name] ?? '');
  if (amount === undefined && kind === 'limits') amount = parseQuantity(sources.nodeAllocatable?.[name] ?? '');
  if (amount === undefined) amount = kind === 'requests' ? 0 : name === 'cpu' ? 2 : 0;
  return String(Math.ceil(amount / divisor - 1e-9));
}

function valueFrom(
  pod: Readonly<KubeObject>,
  container: ContainerSpec,
  from: Record<string, unknown>,
  sources: EnvSources,
): string | undefined {
  const namespace = pod.metadata.namespace ?? '';
  if (isRecord(from.fieldRef)) return fieldValue(pod, text(from.fieldRef.fieldPath));
  if (isRecord(from.resourceFieldRef)) return resourceValue(container, from.resourceFieldRef, sources);
  const configMap = isRecord(from.configMapKeyRef) ? from.configMapKeyRef : undefined;
  const secret = isRecord(from.secretKeyRef) ? from.secretKeyRef : undefined;
  const reference = configMap ?? secret;
  if (!reference) return '';
  const name = text(reference.name);
  const key = text(reference.key);
  const optional = reference.optional === true;
  const data = source(sources, secret !== undefined, name, optional);
  if (!data) return undefined;
  const value = data[key];
  if (value !== undefined) return value;
  if (optional) return undefined;
  throw new ConfigError(`couldn't find key ${key} in ${secret ? 'Secret' : 'ConfigMap'} ${namespace}/${name}`);
}

/** What the kubelet hands the runtime: envFrom, then env, then service variables not already set. */
export function kubeletEnvironment(
  pod: Readonly<KubeObject>,
  container: ContainerSpec,
  servicesAtStart: readonly Readonly<KubeObject>[],
  sources: EnvSources = NO_SOURCES,
): EnvironmentResult {
  const spec = podSpec(pod);
  const serviceEnv = new Map(
    serviceEnvironment(pod.metadata.namespace ?? '', spec.enableServiceLinks, servicesAtStart).map(
      (entry) => [entry.name, entry.value] as const,
    ),
  );
  const env = new Map<string, string>();
  try {
    for (const from of container.envFrom) {
      const reference = from.configMapRef ?? from.secretRef;
      const data = source(sources, !from.configMapRef, String(reference?.name ?? ''), reference?.optional === true);
      for (const key of Object.keys(data ?? {}).sort()) {
        const name = `${from.prefix ?? ''}${key}`;
        if (ENV_NAME.test(name)) env.set(name, data?.[key] ?? '');
      }
    }
    const lookup = (name: string): string | undefined => env.get(name) ?? serviceEnv.get(name);
    for (const variable of container.env) {
      if (variable.value) env.set(variable.name, expandKubernetesVars(variable.value, lookup));
      else if (variable.valueFrom) {
        const value = valueFrom(pod, container, variable.valueFrom, sources);
        if (value !== undefined) env.set(variable.name, value);
      } else env.set(variable.name, '');
    }
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, message: error.message };
    throw error;
  }
  for (const [name, value] of serviceEnv) if (!env.has(name)) env.set(name, value);
  return { ok: true, env: [...env.entries()] };
}

/**
 * The environment of the container's main process: runtime defaults, the
 * image's ENV, the kubelet's variables (see kubeletEnvironment), and HOME.
 * `servicesAtStart` are the Services that existed when it started
 * (service-env.ts servicesAt).
 */
export function containerEnvironment(
  pod: Readonly<KubeObject>,
  container: ContainerSpec,
  servicesAtStart: readonly Readonly<KubeObject>[],
  imageEnv: ReadonlyArray<readonly [string, string]>,
  sources: EnvSources = NO_SOURCES,
): EnvironmentResult {
  const kubelet = kubeletEnvironment(pod, container, servicesAtStart, sources);
  if (!kubelet.ok) return kubelet;
  const spec = podSpec(pod);
  const hostname = (spec.hostname ?? pod.metadata.name ?? '').slice(0, 63);
  const env = new Map<string, string>([
    ['PATH', RUNTIME_DEFAULT_PATH],
    ['HOSTNAME', hostname],
  ]);
  for (const [name, value] of [...imageEnv, ...kubelet.env]) env.set(name, value);
  if (!env.has('HOME')) env.set('HOME', '/root');
  return { ok: true, env: [...env.entries()] };
}
