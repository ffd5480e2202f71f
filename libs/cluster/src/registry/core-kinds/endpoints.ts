// The core/v1 `endpoints` resource (pkg/registry/core/endpoint, 1.32): PUT
// may create, ports default to TCP, and subsets are validated as
// ValidateEndpoints does (addresses, non-special IPs, named ports).
import { fieldErrors, FieldPath, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { parseIPSloppy } from '../../api/validation/ip';
import { isValidPortNum, nameIsDNSSubdomain } from '../../api/validation/names';
import { children, int, optionalText, records, text, type JsonRecord } from '../pod/json';
import { validateDNS1123Label, validateIP, validateQualifiedName } from '../pod/validation/common';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function applyEndpointsDefaults(endpoints: KubeObject): void {
  for (const subset of records(endpoints.subsets)) {
    for (const port of children(subset, 'ports')) if (!port.protocol) port.protocol = 'TCP';
  }
}

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses. */
export function validateNonSpecialIP(address: string, path: FieldPath): FieldError[] {
  const bytes = parseIPSloppy(address);
  const at = String(path);
  if (!bytes) return [fieldErrors.invalid(at, address, 'must be a valid IP address')];
  const errors: FieldError[] = [];
  const v4 =
    bytes.length === 4
      ? bytes
      : bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff
        ? bytes.slice(12)
        : undefined;
  const [a = 0, b = 0, c = 0] = v4 ?? [];
  const isZero = bytes.every((byte) => byte === 0) || (v4 !== undefined && v4.every((byte) => byte === 0));
  const loopback = v4 ? a === 127 : bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1;
  const linkLocalUnicast = v4 ? a === 169 && b === 254 : bytes[0] === 0xfe && ((bytes[1] ?? 0) & 0xc0) === 0x80;
  const linkLocalMulticast = v4
    ? a === 224 && b === 0 && c === 0
    : bytes[0] === 0xff && ((bytes[1] ?? 0) & 0x0f) === 0x02;
  if (isZero) errors.push(fieldErrors.invalid(at, address, `may not be unspecified (${address})`));
  if (loopback)
    errors.push(fieldErrors.invalid(at, address, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocalUnicast)
    errors.push(fieldErrors.invalid(at, address, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast)
    errors.push(
      fieldErrors.invalid(at, address, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'),
    );
  return errors;
}

function validateAddress(address: JsonRecord, path: FieldPath): FieldError[] {
  const ip = text(address.ip);
  const errors = validateIP(ip, path.child('ip'));
  const hostname = text(address.hostname);
  if (hostname) errors.push(...validateDNS1123Label(hostname, path.child('hostname')));
  const nodeName = optionalText(address.nodeName);
  if (nodeName !== undefined) {
    for (const message of nameIsDNSSubdomain(nodeName, false))
      errors.push(fieldErrors.invalid(String(path.child('nodeName')), nodeName, message));
  }
  errors.push(...validateNonSpecialIP(ip, path.child('ip')));
  return errors;
}

function validatePort(port: JsonRecord, requireName: boolean, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const name = text(port.name);
  if (requireName && !name) errors.push(fieldErrors.required(String(path.child('name'))));
  else if (name) errors.push(...validateDNS1123Label(name, path.child('name')));
  const number = int(port.port);
  for (const message of isValidPortNum(number))
    errors.push(fieldErrors.invalid(String(path.child('port')), number, message));
  const protocol = text(port.protocol);
  if (!protocol) errors.push(fieldErrors.required(String(path.child('protocol'))));
  else if (!PROTOCOLS.includes(protocol))
    errors.push(fieldErrors.notSupported(String(path.child('protocol')), protocol, PROTOCOLS));
  if (typeof port.appProtocol === 'string')
    errors.push(...validateQualifiedName(port.appProtocol, path.child('appProtocol')));
  return errors;
}

export function validateEndpoints(endpoints: Readonly<KubeObject>): FieldError[] {
  const errors: FieldError[] = [];
  records(endpoints.subsets).forEach((subset, index) => {
    const path = FieldPath.root('subsets').index(index);
    const addresses = records(subset.addresses);
    const notReady = records(subset.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) {
      errors.push(fieldErrors.required(String(path), 'must specify `addresses` or `notReadyAddresses`'));
    }
    addresses.forEach((address, i) => errors.push(...validateAddress(address, path.child('addresses').index(i))));
    notReady.forEach((address, i) =>
      errors.push(...validateAddress(address, path.child('notReadyAddresses').index(i))),
    );
    const ports = records(subset.ports);
    ports.forEach((port, i) => errors.push(...validatePort(port, ports.length > 1, path.child('ports').index(i))));
  });
  return errors;
}

export const endpointsStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: applyEndpointsDefaults,
  validate: (endpoints) => validateEndpoints(endpoints),
  validateUpdate: (endpoints) => validateEndpoints(endpoints),
};

export const endpointsDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'endpoints',
  singularName: 'endpoints',
  kind: 'Endpoints',
  namespaced: true,
  shortNames: ['ep'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: endpointsStrategy,
  status: false,
  allowCreateOnUpdate: true,
  generation: false,
};
