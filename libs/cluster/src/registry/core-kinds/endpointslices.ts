// The discovery.k8s.io/v1 `endpointslices` resource
// (pkg/registry/discovery/endpointslice, 1.32): port defaults, the
// validation of pkg/apis/discovery/validation, and a generation that also
// counts label changes.
import { fieldErrors, FieldPath, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { jsonEqual } from '../../api/handlers/decode';
import { validateLabels } from '../../api/validation/labels';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidIPv4Address,
  isValidIPv6Address,
  nameIsDNSSubdomain,
} from '../../api/validation/names';
import { children, records, stringMap, strings, text } from '../pod/json';
import { validateDNS1123Label } from '../pod/validation/common';
import { validateNonSpecialIP } from './endpoints';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const MAX_TOPOLOGY_LABELS = 16;

function applyEndpointSliceDefaults(slice: KubeObject): void {
  for (const port of children(slice, 'ports')) {
    if (typeof port.name !== 'string') port.name = '';
    if (typeof port.protocol !== 'string') port.protocol = 'TCP';
  }
}

/** validation.IsFullyQualifiedDomainName(fldPath, name). */
function validateFQDN(name: string, path: FieldPath): FieldError[] {
  const at = String(path);
  if (!name) return [fieldErrors.required(at)];
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  const subdomain = isDNS1123Subdomain(trimmed);
  if (subdomain.length) return [fieldErrors.invalid(at, trimmed, subdomain.join(','))];
  const labels = trimmed.split('.');
  if (labels.length < 2)
    return [fieldErrors.invalid(at, trimmed, 'should be a domain with at least two segments separated by dots')];
  for (const label of labels) {
    const messages = isDNS1123Label(label);
    if (messages.length) return [fieldErrors.invalid(at, label, messages.join(','))];
  }
  return [];
}

function validateAddress(address: string, type: string, path: FieldPath): FieldError[] {
  const at = String(path);
  switch (type) {
    case 'IPv4':
      return [
        ...isValidIPv4Address(address).map((message) => fieldErrors.invalid(at, address, message)),
        ...validateNonSpecialIP(address, path),
      ];
    case 'IPv6':
      return [
        ...isValidIPv6Address(address).map((message) => fieldErrors.invalid(at, address, message)),
        ...validateNonSpecialIP(address, path),
      ];
    case 'FQDN':
      return validateFQDN(address, path);
    default:
      return [];
  }
}

function validateEndpoints(slice: Readonly<KubeObject>, type: string): FieldError[] {
  const path = FieldPath.root('endpoints');
  const endpoints = records(slice.endpoints);
  if (endpoints.length > MAX_ENDPOINTS) return [fieldErrors.tooMany(String(path), endpoints.length, MAX_ENDPOINTS)];
  const errors: FieldError[] = [];
  endpoints.forEach((endpoint, index) => {
    const at = path.index(index);
    const addressPath = at.child('addresses');
    const addresses = strings(endpoint.addresses);
    if (addresses.length === 0)
      errors.push(fieldErrors.required(String(addressPath), 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES)
      errors.push(fieldErrors.tooMany(String(addressPath), addresses.length, MAX_ADDRESSES));
    addresses.forEach((address, i) => errors.push(...validateAddress(address, type, addressPath.index(i))));
    const topology = stringMap(endpoint.deprecatedTopology);
    const topologyPath = at.child('topology');
    if (Object.keys(topology).length > MAX_TOPOLOGY_LABELS) {
      errors.push(fieldErrors.tooMany(String(topologyPath), Object.keys(topology).length, MAX_TOPOLOGY_LABELS));
    }
    errors.push(...validateLabels(topology, topologyPath));
    if (typeof endpoint.hostname === 'string')
      errors.push(...validateDNS1123Label(endpoint.hostname, at.child('hostname')));
  });
  return errors;
}

function validatePorts(slice: Readonly<KubeObject>): FieldError[] {
  const path = FieldPath.root('ports');
  const ports = records(slice.ports);
  if (ports.length > MAX_PORTS) return [fieldErrors.tooMany(String(path), ports.length, MAX_PORTS)];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, index) => {
    const at = path.index(index);
    const name = text(port.name);
    if (name) errors.push(...validateDNS1123Label(name, at.child('name')));
    if (names.has(name)) errors.push(fieldErrors.duplicate(String(at.child('name')), name));
    else names.add(name);
    if (typeof port.protocol !== 'string') errors.push(fieldErrors.required(String(at.child('protocol'))));
    else if (!PROTOCOLS.includes(port.protocol))
      errors.push(fieldErrors.notSupported(String(at.child('protocol')), port.protocol, PROTOCOLS));
    if (typeof port.appProtocol === 'string') {
      const appProtocol = port.appProtocol;
      for (const message of isQualifiedName(appProtocol))
        errors.push(fieldErrors.invalid(String(at.child('appProtocol')), appProtocol, message));
    }
  });
  return errors;
}

export function validateEndpointSlice(slice: Readonly<KubeObject>, validTypes: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const type = text(slice.addressType);
  if (!type) errors.push(fieldErrors.required('addressType'));
  else if (!validTypes.includes(type)) errors.push(fieldErrors.notSupported('addressType', type, validTypes));
  errors.push(...validateEndpoints(slice, type), ...validatePorts(slice));
  return errors;
}

function validateEndpointSliceUpdate(slice: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  const errors = validateEndpointSlice(slice, ['FQDN', 'IP', 'IPv4', 'IPv6']);
  const type = text(slice.addressType);
  if (type !== text(old.addressType)) errors.push(fieldErrors.invalid('addressType', type, 'field is immutable'));
  return errors;
}

/** PrepareForUpdate counts label changes in the generation too; the generic bump covers the rest. */
function bumpForLabels(slice: KubeObject, old: Readonly<KubeObject>): undefined {
  const meta = slice.metadata;
  const previous = old.metadata.generation ?? 1;
  if (meta.generation === previous && !jsonEqual(meta.labels ?? {}, old.metadata.labels ?? {}))
    meta.generation = previous + 1;
  return undefined;
}

export const endpointSliceStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: applyEndpointSliceDefaults,
  validate: (slice) => validateEndpointSlice(slice, ADDRESS_TYPES),
  validateUpdate: validateEndpointSliceUpdate,
  beginUpdate: bumpForLabels,
};

export const endpointSliceDefinition: ResourceDefinition = {
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  singularName: 'endpointslice',
  kind: 'EndpointSlice',
  namespaced: true,
  shortNames: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: endpointSliceStrategy,
  status: false,
  generation: true,
};
