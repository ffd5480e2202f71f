// The objects `kubectl create <kind>` builds (k8s.io/kubectl/pkg/cmd/create),
// with their keys in the Go structs' field order so `-o json` prints as
// kubectl does, and the generators' own validation errors.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';

type Json = Record<string, unknown>;

/** ObjectMeta in field order: name, namespace (only with `-n`), creationTimestamp, labels. */
export function objectMeta(name: string, namespace: string | undefined, labels?: Record<string, string>): Json {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    creationTimestamp: null,
    ...(labels ? { labels } : {}),
  };
}

/** A container's name from its image: the last path segment without tag or digest. */
export function containerNameOf(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  // kubectl appends utilrand.String(5) here; a stable suffix keeps runs reproducible.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${stableSuffix(image)}`;
  return name;
}

function stableSuffix(text: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += alphabet[hash % alphabet.length] ?? 'x';
    hash = Math.floor(hash / alphabet.length) + i * 7;
  }
  return out;
}

export interface DeploymentSpec {
  name: string;
  namespace?: string;
  images: string[];
  replicas: number;
  port: number;
  command: string[];
}

export function deploymentObject(spec: DeploymentSpec): KubeObject {
  if (spec.images.length > 1 && spec.command.length > 0) {
    throw new KubectlError('error: cannot specify multiple --image options and command');
  }
  const labels = { app: spec.name };
  const containers: Json[] = spec.images.map((image) => ({
    name: containerNameOf(image),
    image,
    ...(spec.command.length ? { command: spec.command } : {}),
    resources: {},
  }));
  const [first] = containers;
  if (spec.port >= 0 && first) {
    const { resources, ...rest } = first;
    containers[0] = { ...rest, ports: [{ containerPort: spec.port }], resources };
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: objectMeta(spec.name, spec.namespace, labels),
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceSpec {
  name: string;
  namespace?: string;
  type: ServiceType;
  tcp: string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
}

/** utilsnet.ParsePort(s, true): strconv.ParseUint(s, 10, 16). */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text))
    throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const port = Number(text);
  if (port > 65535)
    throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return port;
}

/** intstr.Parse: a number when it is one, else the name. */
export function intOrString(text: string): number | string {
  return /^-?\d+$/.test(text) && Math.abs(Number(text)) <= 2 ** 31 - 1 ? Number(text) : text;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function serviceObject(spec: ServiceSpec): KubeObject {
  if (spec.clusterIP === 'None' && spec.type !== 'ClusterIP') {
    throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
  }
  if (spec.clusterIP !== 'None' && spec.tcp.length === 0 && spec.type !== 'ExternalName') {
    throw new KubectlError('error: at least one tcp port specifier must be provided');
  }
  if (spec.type === 'ExternalName' && (spec.externalName.length > 253 || !DNS1123_SUBDOMAIN.test(spec.externalName))) {
    throw new KubectlError(`error: invalid service external name ${spec.externalName}`);
  }
  const ports = spec.tcp.map((tcp) => {
    const colon = tcp.indexOf(':');
    const portText = colon === -1 ? tcp : tcp.slice(0, colon);
    const targetText = colon === -1 ? '' : tcp.slice(colon + 1);
    const port = parsePort(portText);
    return {
      name: tcp.split(':').join('-'),
      protocol: 'TCP',
      port,
      targetPort: targetText === '' ? port : intOrString(targetText),
      ...(spec.nodePort ? { nodePort: spec.nodePort } : {}),
    };
  });
  const labels = { app: spec.name };
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta(spec.name, spec.namespace, labels),
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: spec.name },
      ...(spec.clusterIP ? { clusterIP: spec.clusterIP } : {}),
      type: spec.type,
      ...(spec.externalName ? { externalName: spec.externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
}

export function namespaceObject(name: string): KubeObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: objectMeta(name, undefined),
    spec: {},
    status: {},
  };
}

export function serviceAccountObject(name: string, namespace: string | undefined): KubeObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta(name, namespace) };
}
