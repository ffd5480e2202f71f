// Pod defaulting as the API server decodes a core/v1 Pod: SetDefaults_Pod,
// SetDefaults_PodSpec and the generated SetObjectDefaults_Pod walk of
// pkg/apis/core/v1 (containers, ports, env, probes, volumes, quantities),
// plus the v1 <-> internal conversion of the deprecated `serviceAccount`.
import { apiErrors } from '../../api/errors';
import { isRecord, type KubeObject } from '../../api/objects';
import { parseImageReference } from '../../images/reference';
import { child, children, record, text, type JsonRecord } from './json';
import { formatQuantity, parseQuantity, QUANTITY_FORMAT_ERROR, roundUpToMilli } from './quantity';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** What a decode failure names: `Pod in version "v1" cannot be handled as a Pod: ...`. */
export interface DecodedKind {
  kind: string;
  version: string;
}

const POD_KIND: DecodedKind = { kind: 'Pod', version: 'v1' };

/** The decode error of a value Go's JSON decoder refuses (a bad quantity). */
export function decodeError(owner: DecodedKind, message: string): Error {
  return apiErrors.badRequest(
    `${owner.kind} in version "${owner.version}" cannot be handled as a ${owner.kind}: ${message}`,
  );
}

/**
 * SetDefaults_PodSpec and everything below it, for Pods and pod templates.
 * `owner` names the decoded kind in quantity errors (a Deployment's template: `{kind: 'Deployment', version: 'v1'}`).
 */
export function applyPodSpecDefaults(spec: JsonRecord, owner: DecodedKind = POD_KIND): void {
  adoptDeprecatedServiceAccount(spec);
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!isRecord(spec.securityContext)) spec.securityContext = {};
  if (typeof spec.terminationGracePeriodSeconds !== 'number') spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const volume of children(spec, 'volumes')) defaultVolume(volume, owner);
  for (const list of CONTAINER_LISTS) {
    for (const container of children(spec, list)) defaultContainer(container, owner);
  }
  if (isRecord(spec.overhead)) canonicalizeResourceList(spec.overhead, owner);
  if (isRecord(spec.resources)) {
    for (const key of ['limits', 'requests']) {
      const list = spec.resources[key];
      if (isRecord(list)) canonicalizeResourceList(list, owner);
    }
  }
  mirrorServiceAccount(spec);
  dropEmptyLists(spec);
}

/**
 * Go drops empty omitempty lists and maps on the way out: every list of a
 * PodSpec but `containers`, every list of a container, and the maps.
 */
function dropEmptyLists(spec: JsonRecord): void {
  const isEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length === 0;
  const isEmptyMap = (value: unknown): boolean => isRecord(value) && Object.keys(value).length === 0;
  for (const key of Object.keys(spec)) {
    if (
      (key !== 'containers' && isEmptyList(spec[key])) ||
      ((key === 'nodeSelector' || key === 'overhead') && isEmptyMap(spec[key]))
    ) {
      delete spec[key];
    }
  }
  for (const list of CONTAINER_LISTS) {
    for (const container of children(spec, list)) {
      for (const key of Object.keys(container)) if (isEmptyList(container[key])) delete container[key];
      const resources = record(container.resources);
      for (const key of ['limits', 'requests']) if (isEmptyMap(resources[key])) delete resources[key];
    }
  }
}

/** SetDefaults_Pod, then the spec's defaults: what a decoded Pod looks like. */
export function applyPodDefaults(pod: KubeObject): void {
  const spec = child(pod, 'spec');
  for (const list of ['containers', 'initContainers']) {
    for (const container of children(spec, list)) requestsFromLimits(container);
  }
  if (typeof spec.enableServiceLinks !== 'boolean') spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const list of ['containers', 'initContainers']) {
      for (const container of children(spec, list)) {
        for (const port of children(container, 'ports')) {
          if (!port.hostPort) port.hostPort = port.containerPort;
        }
      }
    }
  }
  applyPodSpecDefaults(spec);
  if (isRecord(pod.status)) {
    normalizeIPs(pod.status, 'podIP', 'podIPs');
    normalizeIPs(pod.status, 'hostIP', 'hostIPs');
  }
}

/**
 * The v1 <-> internal conversion of PodStatus: a single IP that disagrees
 * with (or stands without) the list wins, and the single field always shows
 * the list's first entry.
 */
function normalizeIPs(status: JsonRecord, single: string, plural: string): void {
  const ip = text(status[single]);
  const list = children(status, plural);
  if (ip && (list.length === 0 || text(list[0]?.ip) !== ip)) status[plural] = [{ ip }];
  else if (!ip && list.length > 0) status[single] = text(list[0]?.ip);
}

/** v1 -> internal: an empty serviceAccountName takes the deprecated serviceAccount. */
function adoptDeprecatedServiceAccount(spec: JsonRecord): void {
  if (!text(spec.serviceAccountName) && text(spec.serviceAccount)) spec.serviceAccountName = spec.serviceAccount;
}

/** internal -> v1: the deprecated field always mirrors serviceAccountName. */
export function mirrorServiceAccount(spec: JsonRecord): void {
  const name = text(spec.serviceAccountName);
  if (name) spec.serviceAccount = name;
  else {
    delete spec.serviceAccount;
    if (spec.serviceAccountName === '') delete spec.serviceAccountName;
  }
}

function requestsFromLimits(container: JsonRecord): void {
  const resources = record(container.resources);
  if (!isRecord(resources.limits)) return;
  const requests = child(resources, 'requests');
  for (const [key, value] of Object.entries(resources.limits)) {
    if (!(key in requests)) requests[key] = value;
  }
}

/** SetDefaults_Container and the generated defaults of its members. */
function defaultContainer(container: JsonRecord, owner: DecodedKind): void {
  if (!container.imagePullPolicy) {
    container.imagePullPolicy = imageTag(text(container.image)) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  if (!container.terminationMessagePath) container.terminationMessagePath = '/dev/termination-log';
  if (!container.terminationMessagePolicy) container.terminationMessagePolicy = 'File';
  for (const port of children(container, 'ports')) if (!port.protocol) port.protocol = 'TCP';
  for (const env of children(container, 'env')) {
    const fieldRef = record(env.valueFrom).fieldRef;
    if (isRecord(fieldRef) && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
  // ResourceRequirements is a struct, not a pointer: it always serializes.
  const resources = child(container, 'resources');
  for (const key of ['limits', 'requests']) {
    const list = resources[key];
    if (isRecord(list)) canonicalizeResourceList(list, owner);
  }
  for (const name of PROBES) {
    const probe = container[name];
    if (isRecord(probe)) defaultProbe(probe);
  }
  const lifecycle = container.lifecycle;
  if (isRecord(lifecycle)) {
    for (const hook of ['postStart', 'preStop']) {
      const handler = lifecycle[hook];
      if (isRecord(handler) && isRecord(handler.httpGet)) defaultHttpGet(handler.httpGet);
    }
  }
}

/** parsers.ParseImageName's tag: `latest` when neither tag nor digest is given, '' when unparsable. */
function imageTag(image: string): string {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return '';
  return parsed.reference.tag ?? '';
}

function defaultProbe(probe: JsonRecord): void {
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  if (isRecord(probe.httpGet)) defaultHttpGet(probe.httpGet);
  if (isRecord(probe.grpc) && typeof probe.grpc.service !== 'string') probe.grpc.service = '';
}

function defaultHttpGet(action: JsonRecord): void {
  if (!action.path) action.path = '/';
  if (!action.scheme) action.scheme = 'HTTP';
}

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

/** SetDefaults_Volume and the defaults of its sources. */
function defaultVolume(volume: JsonRecord, owner: DecodedKind): void {
  if (!VOLUME_SOURCES.some((source) => isRecord(volume[source]))) volume.emptyDir = {};
  const defaultMode = (source: unknown, mode: number): void => {
    if (isRecord(source) && typeof source.defaultMode !== 'number') source.defaultMode = mode;
  };
  defaultMode(volume.secret, 420);
  defaultMode(volume.configMap, 420);
  defaultMode(volume.downwardAPI, 420);
  defaultMode(volume.projected, 420);
  if (isRecord(volume.hostPath) && typeof volume.hostPath.type !== 'string') volume.hostPath.type = '';
  if (isRecord(volume.downwardAPI)) defaultFieldRefs(children(volume.downwardAPI, 'items'));
  if (isRecord(volume.projected)) {
    for (const source of children(volume.projected, 'sources')) {
      if (isRecord(source.serviceAccountToken) && typeof source.serviceAccountToken.expirationSeconds !== 'number') {
        source.serviceAccountToken.expirationSeconds = 3600;
      }
      if (isRecord(source.downwardAPI)) defaultFieldRefs(children(source.downwardAPI, 'items'));
    }
  }
  const emptyDir = volume.emptyDir;
  if (isRecord(emptyDir) && emptyDir.sizeLimit !== undefined) {
    emptyDir.sizeLimit = canonicalQuantity(emptyDir.sizeLimit, owner, false);
  }
  if (isRecord(volume.image) && !volume.image.pullPolicy) {
    volume.image.pullPolicy = imageTag(text(volume.image.reference)) === 'latest' ? 'Always' : 'IfNotPresent';
  }
}

function defaultFieldRefs(items: JsonRecord[]): void {
  for (const item of items) {
    if (isRecord(item.fieldRef) && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
}

/** SetDefaults_ResourceList: values rounded up to milli units, served canonical. */
function canonicalizeResourceList(list: JsonRecord, owner: DecodedKind): void {
  for (const [key, value] of Object.entries(list)) list[key] = canonicalQuantity(value, owner, true);
}

function canonicalQuantity(value: unknown, owner: DecodedKind, roundToMilli: boolean): string {
  // Go's decoder hands the raw JSON text to ParseQuantity; null is the zero quantity.
  if (value === null) return '0';
  const parsed = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
  if (!parsed) throw decodeError(owner, QUANTITY_FORMAT_ERROR);
  if (!parsed.ok) throw decodeError(owner, parsed.error);
  return formatQuantity(roundToMilli ? roundUpToMilli(parsed.quantity) : parsed.quantity);
}
