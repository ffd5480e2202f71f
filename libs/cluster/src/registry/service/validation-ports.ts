// validateServicePort: one entry of spec.ports.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import { dns1123LabelErrors, portNameErrors, portNumErrors, qualifiedNameErrors } from './name-checks';
import type { ServicePortJson } from './service-json';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validateServicePort(
  port: Readonly<ServicePortJson>,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const name = port.name ?? '';
  if (requireName && !name) errors.push(fieldErrors.required(`${path}.name`));
  else if (name) {
    for (const message of dns1123LabelErrors(name)) errors.push(fieldErrors.invalid(`${path}.name`, name, message));
    if (names.has(name)) errors.push(fieldErrors.duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const number = port.port ?? 0;
  for (const message of portNumErrors(number)) errors.push(fieldErrors.invalid(`${path}.port`, number, message));
  if (port.protocol === undefined) errors.push(fieldErrors.required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(port.protocol)) {
    errors.push(fieldErrors.notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
  }
  errors.push(...validatePortNumOrName(port.targetPort ?? 0, `${path}.targetPort`));
  if (port.appProtocol !== undefined) {
    for (const message of qualifiedNameErrors(port.appProtocol)) {
      errors.push(fieldErrors.invalid(`${path}.appProtocol`, port.appProtocol, message));
    }
  }
  return errors;
}

/** ValidatePortNumOrName: a port number, or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  const messages = typeof port === 'number' ? portNumErrors(port) : portNameErrors(port);
  return messages.map((message) => fieldErrors.invalid(path, port, message));
}
