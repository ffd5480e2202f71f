// apps/v1 ControllerRevisions: immutable snapshots of a DaemonSet's or
// StatefulSet's template (ValidateControllerRevision / ...Update).
import { fieldErrors, goValue, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { nameIsDNSSubdomain } from '../../api/validation/names';
import { validateNonNegative } from './intstr';
import { semanticEqual } from './semantic';

function validateControllerRevision(object: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  if (object.data === undefined || object.data === null) errors.push(fieldErrors.required('data', 'data is mandatory'));
  errors.push(...validateNonNegative(object.revision, 'revision'));
  return errors;
}

export const controllerRevisionStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults(object) {
    if (object.revision === undefined) object.revision = 0;
  },
  validate: validateControllerRevision,
  validateUpdate(object, old) {
    const errors = validateControllerRevision(object);
    if (!semanticEqual(object.data, old.data)) {
      // The data is a runtime.RawExtension; Go prints its struct, which we only approximate.
      errors.push(
        fieldErrors.invalid(
          'data',
          goValue(`runtime.RawExtension{Raw:[]uint8{...}, Object:runtime.Object(nil)}`),
          'field is immutable',
        ),
      );
    }
    return errors;
  },
};

export const controllerRevisionDefinition: ResourceDefinition = {
  group: 'apps',
  version: 'v1',
  resource: 'controllerrevisions',
  singularName: 'controllerrevision',
  kind: 'ControllerRevision',
  namespaced: true,
  shortNames: [],
  verbs: ALL_VERBS,
  categories: [],
  strategy: controllerRevisionStrategy,
  status: false,
  generation: false,
};
