// The core/v1 `events` resource (pkg/registry/core/event, 1.32): PUT may
// create, the legacy validation of ValidateEventCreate for v1 requests, and
// the field selectors kubectl and controllers use.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { goLen, isDNS1123Subdomain, isQualifiedName, validatePathSegmentName } from '../../api/validation/names';
import { record, text } from '../pod/json';

const LIMITS = { reportingInstance: 128, action: 128, reason: 128, message: 1024 };

/** legacyValidateEvent: what every core/v1 Event must satisfy. */
export function validateEvent(event: Readonly<KubeObject>): FieldError[] {
  const errors: FieldError[] = [];
  const namespace = event.metadata.namespace ?? '';
  const involvedNamespace = text(record(event.involvedObject).namespace);
  const mismatch = (): FieldError =>
    fieldErrors.invalid('involvedObject.namespace', involvedNamespace, 'does not match event.namespace');
  if (!text(event.eventTime)) {
    if (!involvedNamespace) {
      if (namespace !== '' && namespace !== 'default') errors.push(mismatch());
    } else if (namespace !== involvedNamespace) errors.push(mismatch());
  } else {
    if (!involvedNamespace && namespace !== 'default' && namespace !== 'kube-system') errors.push(mismatch());
    const controller = text(event.reportingComponent);
    if (!controller) errors.push(fieldErrors.required('reportingController'));
    for (const message of isQualifiedName(controller))
      errors.push(fieldErrors.invalid('reportingController', controller, message));
    for (const key of ['reportingInstance', 'action', 'reason'] as const) {
      const value = text(event[key]);
      if (!value) errors.push(fieldErrors.required(key));
      if (goLen(value) > LIMITS[key])
        errors.push(fieldErrors.invalid(key, '', `can have at most ${LIMITS[key]} characters`));
    }
    if (goLen(text(event.message)) > LIMITS.message) {
      errors.push(fieldErrors.invalid('message', '', `can have at most ${LIMITS.message} characters`));
    }
  }
  for (const message of isDNS1123Subdomain(namespace))
    errors.push(fieldErrors.invalid('namespace', namespace, message));
  return errors;
}

export const eventStrategy: Strategy = {
  nameValidator: validatePathSegmentName,
  validate: (event) => validateEvent(event),
  validateUpdate: (event) => validateEvent(event),
};

export const eventDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'events',
  singularName: 'event',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: eventStrategy,
  status: false,
  // ToSelectableFields of pkg/registry/core/event.
  fieldLabels: (event) => {
    const involved = record(event.involvedObject);
    const source = text(record(event.source).component) || text(event.reportingComponent);
    return {
      'involvedObject.kind': text(involved.kind),
      'involvedObject.namespace': text(involved.namespace),
      'involvedObject.name': text(involved.name),
      'involvedObject.uid': text(involved.uid),
      'involvedObject.apiVersion': text(involved.apiVersion),
      'involvedObject.resourceVersion': text(involved.resourceVersion),
      'involvedObject.fieldPath': text(involved.fieldPath),
      reason: text(event.reason),
      reportingComponent: text(event.reportingComponent),
      source,
      type: text(event.type),
    };
  },
  allowCreateOnUpdate: true,
  generation: false,
};
