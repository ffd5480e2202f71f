// admission.NewForbidden: the refusal names the object by its name, its
// generateName before a name is generated, or "Unknown".
import type { AdmissionAttributes } from '../api/admission/admission';
import { apiErrors, type ApiError } from '../api/errors';

export function admissionName(attributes: AdmissionAttributes): string {
  if (attributes.name) return attributes.name;
  const meta = attributes.object?.metadata;
  return meta?.name || meta?.generateName || 'Unknown';
}

export function admissionForbidden(attributes: AdmissionAttributes, message: string): ApiError {
  return apiErrors.forbidden(attributes.definition, admissionName(attributes), message);
}

/** The plugin applies to this write of a Pod itself (not a subresource). */
export function isPodWrite(attributes: AdmissionAttributes): boolean {
  const { definition } = attributes;
  return (
    definition.group === '' &&
    definition.resource === 'pods' &&
    !attributes.subresource &&
    attributes.object !== undefined
  );
}
