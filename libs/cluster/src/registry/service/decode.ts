// What Go's JSON decoder does to a Service body before any registry code
// sees it: wrong JSON types are refused with encoding/json's message, null
// and empty optional fields disappear (omitempty), so the rest of the module
// can trust the shapes declared in service-json.ts.
import { apiErrors } from '../../api/errors';
import { isRecord, type KubeObject } from '../../api/objects';

type FieldKind = 'string' | 'int32' | 'bool' | 'strings' | 'stringMap' | 'intOrString';

/** v1.ServiceSpec fields: JSON name, Go type name in error messages, kind, and whether omitempty drops zero. */
const SPEC_FIELDS: Record<string, { go: string; kind: FieldKind }> = {
  type: { go: 'v1.ServiceType', kind: 'string' },
  selector: { go: 'map[string]string', kind: 'stringMap' },
  clusterIP: { go: 'string', kind: 'string' },
  clusterIPs: { go: '[]string', kind: 'strings' },
  externalIPs: { go: '[]string', kind: 'strings' },
  externalName: { go: 'string', kind: 'string' },
  sessionAffinity: { go: 'v1.ServiceAffinity', kind: 'string' },
  loadBalancerIP: { go: 'string', kind: 'string' },
  loadBalancerSourceRanges: { go: '[]string', kind: 'strings' },
  loadBalancerClass: { go: 'string', kind: 'string' },
  externalTrafficPolicy: { go: 'v1.ServiceExternalTrafficPolicy', kind: 'string' },
  internalTrafficPolicy: { go: 'v1.ServiceInternalTrafficPolicy', kind: 'string' },
  healthCheckNodePort: { go: 'int32', kind: 'int32' },
  publishNotReadyAddresses: { go: 'bool', kind: 'bool' },
  ipFamilies: { go: '[]v1.IPFamily', kind: 'strings' },
  ipFamilyPolicy: { go: 'v1.IPFamilyPolicy', kind: 'string' },
  allocateLoadBalancerNodePorts: { go: 'bool', kind: 'bool' },
  trafficDistribution: { go: 'string', kind: 'string' },
};

const PORT_FIELDS: Record<string, { go: string; kind: FieldKind }> = {
  name: { go: 'string', kind: 'string' },
  protocol: { go: 'v1.Protocol', kind: 'string' },
  appProtocol: { go: 'string', kind: 'string' },
  port: { go: 'int32', kind: 'int32' },
  targetPort: { go: 'intstr.IntOrString', kind: 'intOrString' },
  nodePort: { go: 'int32', kind: 'int32' },
};

/** Pointer fields keep an explicit empty value; everything else is omitempty. */
const KEEP_ZERO = new Set([
  'allocateLoadBalancerNodePorts',
  'internalTrafficPolicy',
  'ipFamilyPolicy',
  'loadBalancerClass',
  'trafficDistribution',
  'appProtocol',
  'ipMode',
  'port',
]);

const INGRESS_FIELDS: Record<string, { go: string; kind: FieldKind }> = {
  ip: { go: 'string', kind: 'string' },
  hostname: { go: 'string', kind: 'string' },
  ipMode: { go: 'v1.LoadBalancerIPMode', kind: 'string' },
};

class DecodeError extends Error {}

function jsonType(value: unknown): string {
  if (typeof value === 'number') return `number ${String(value)}`;
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

function mismatch(value: unknown, struct: string, path: string, go: string): DecodeError {
  return new DecodeError(
    `json: cannot unmarshal ${jsonType(value)} into Go struct field ${struct}.${path} of type ${go}`,
  );
}

function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

function checkValue(value: unknown, kind: FieldKind, struct: string, path: string, go: string): void {
  const ok =
    (kind === 'string' && typeof value === 'string') ||
    (kind === 'int32' && isInt32(value)) ||
    (kind === 'bool' && typeof value === 'boolean') ||
    (kind === 'intOrString' && (typeof value === 'string' || isInt32(value)));
  if (ok) return;
  if (kind === 'strings' && Array.isArray(value)) {
    for (const item of value) if (item !== null) checkValue(item, 'string', struct, path, 'string');
    return;
  }
  if (kind === 'stringMap' && isRecord(value)) {
    for (const item of Object.values(value)) if (item !== null) checkValue(item, 'string', struct, path, 'string');
    return;
  }
  if (kind === 'intOrString')
    throw new DecodeError(`json: cannot unmarshal ${jsonType(value)} into Go value of type int32`);
  throw mismatch(value, struct, path, go);
}

function isZero(value: unknown): boolean {
  if (value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

function decodeFields(
  target: Record<string, unknown>,
  fields: Record<string, { go: string; kind: FieldKind }>,
  struct: string,
  prefix: string,
): void {
  for (const [key, field] of Object.entries(fields)) {
    const value = target[key];
    if (value === null || value === undefined) {
      delete target[key];
      continue;
    }
    checkValue(value, field.kind, struct, `${prefix}.${key}`, field.go);
    if (Array.isArray(value)) target[key] = value.map((item: unknown) => (item === null ? '' : item));
    if (!KEEP_ZERO.has(key) && isZero(value)) delete target[key];
  }
}

function decodeSpec(object: KubeObject): void {
  const spec = object.spec;
  if (spec === null || spec === undefined) {
    object.spec = {};
    return;
  }
  if (!isRecord(spec)) throw mismatch(spec, 'Service', 'spec', 'v1.ServiceSpec');
  decodeFields(spec, SPEC_FIELDS, 'ServiceSpec', 'spec');
  const ports = spec.ports;
  if (ports === null || ports === undefined || (Array.isArray(ports) && ports.length === 0)) {
    delete spec.ports;
  } else if (!Array.isArray(ports)) {
    throw mismatch(ports, 'ServiceSpec', 'spec.ports', '[]v1.ServicePort');
  } else {
    spec.ports = ports.map((port: unknown) => {
      if (port === null) return {};
      if (!isRecord(port)) throw mismatch(port, 'ServiceSpec', 'spec.ports', 'v1.ServicePort');
      decodeFields(port, PORT_FIELDS, 'ServicePort', 'spec.ports');
      if (port.port === undefined) port.port = 0;
      return port;
    });
  }
  const affinity = spec.sessionAffinityConfig;
  if (affinity === null) delete spec.sessionAffinityConfig;
  else if (affinity !== undefined) {
    if (!isRecord(affinity)) {
      throw mismatch(affinity, 'ServiceSpec', 'spec.sessionAffinityConfig', 'v1.SessionAffinityConfig');
    }
    const clientIP = affinity.clientIP;
    if (clientIP === null) delete affinity.clientIP;
    else if (clientIP !== undefined) {
      if (!isRecord(clientIP)) {
        throw mismatch(clientIP, 'SessionAffinityConfig', 'spec.sessionAffinityConfig.clientIP', 'v1.ClientIPConfig');
      }
      const timeout = clientIP.timeoutSeconds;
      if (timeout === null) delete clientIP.timeoutSeconds;
      else if (timeout !== undefined && !isInt32(timeout)) {
        throw mismatch(timeout, 'ClientIPConfig', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'int32');
      }
    }
  }
}

function decodeStatus(object: KubeObject): void {
  const status = object.status;
  if (status === null || status === undefined) {
    delete object.status;
    return;
  }
  if (!isRecord(status)) throw mismatch(status, 'Service', 'status', 'v1.ServiceStatus');
  const balancer = status.loadBalancer;
  if (balancer === null || balancer === undefined) return;
  if (!isRecord(balancer)) throw mismatch(balancer, 'ServiceStatus', 'status.loadBalancer', 'v1.LoadBalancerStatus');
  const ingress = balancer.ingress;
  if (ingress === null || (Array.isArray(ingress) && ingress.length === 0)) delete balancer.ingress;
  else if (ingress !== undefined) {
    if (!Array.isArray(ingress)) {
      throw mismatch(ingress, 'LoadBalancerStatus', 'status.loadBalancer.ingress', '[]v1.LoadBalancerIngress');
    }
    for (const entry of ingress) {
      if (!isRecord(entry)) {
        throw mismatch(entry, 'LoadBalancerStatus', 'status.loadBalancer.ingress', 'v1.LoadBalancerIngress');
      }
      decodeFields(entry, INGRESS_FIELDS, 'LoadBalancerIngress', 'status.loadBalancer.ingress');
    }
  }
}

/**
 * Decodes the Service-specific parts of a request body in place; a body Go
 * could not unmarshal is a BadRequest, as the API server's decoder words it.
 */
export function decodeServiceFields(object: KubeObject): void {
  try {
    decodeSpec(object);
    decodeStatus(object);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw apiErrors.badRequest(`Service in version "v1" cannot be handled as a Service: ${error.message}`);
  }
}
