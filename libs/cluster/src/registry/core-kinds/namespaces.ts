// The `namespaces` resource (pkg/registry/core/namespace, 1.32): the
// `kubernetes` finalizer and Active phase on create, the
// kubernetes.io/metadata.name label, Terminating on delete, and removal
// once the namespace controller has emptied spec.finalizers.
import { fieldErrors, FieldPath, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { isQualifiedName, validateNamespaceName } from '../../api/validation/names';
import { child, record, strings, text } from '../pod/json';

export const NAMESPACE_FINALIZER = 'kubernetes';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** SetDefaults_Namespace and SetDefaults_NamespaceStatus. */
function applyNamespaceDefaults(namespace: KubeObject): void {
  const name = namespace.metadata.name;
  if (name) namespace.metadata.labels = { ...(namespace.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
  const status = child(namespace, 'status');
  if (!status.phase) status.phase = 'Active';
}

/** Canonicalize: also covers names generated after defaulting. */
function canonicalize(namespace: KubeObject): undefined {
  const name = namespace.metadata.name ?? '';
  namespace.metadata.labels = { ...(namespace.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
  return undefined;
}

function finalizersOf(namespace: Readonly<KubeObject>): string[] {
  return strings(record(namespace.spec).finalizers);
}

/** ValidateNamespace's spec part: each finalizer a qualified name, unprefixed ones standard. */
function validateSpecFinalizers(namespace: Readonly<KubeObject>): FieldError[] {
  const path = String(FieldPath.root('spec').child('finalizers'));
  const errors: FieldError[] = [];
  for (const finalizer of finalizersOf(namespace)) {
    for (const message of isQualifiedName(finalizer)) errors.push(fieldErrors.invalid(path, finalizer, message));
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.includes(finalizer)) {
      errors.push(
        fieldErrors.invalid(path, finalizer, 'name is neither a standard finalizer name nor is it fully qualified'),
      );
    }
  }
  return errors;
}

export const namespaceStrategy: Strategy = {
  nameValidator: validateNamespaceName,

  applyDefaults: applyNamespaceDefaults,

  prepareForCreate(namespace: KubeObject): void {
    namespace.status = { phase: 'Active' };
    const spec = child(namespace, 'spec');
    const finalizers = finalizersOf(namespace);
    if (!finalizers.includes(NAMESPACE_FINALIZER)) spec.finalizers = [...finalizers, NAMESPACE_FINALIZER];
  },

  validate: (namespace) => validateSpecFinalizers(namespace),

  prepareForUpdate(namespace: KubeObject, old: Readonly<KubeObject>): void {
    // Real clusters change spec.finalizers only through /finalize; the namespace
    // controller here clears them with a plain update once the namespace is terminating.
    if (old.metadata.deletionTimestamp) return;
    const oldSpec = record(old.spec);
    const spec = child(namespace, 'spec');
    if (oldSpec.finalizers === undefined) delete spec.finalizers;
    else spec.finalizers = [...finalizersOf(old)];
  },

  prepareForStatusUpdate(namespace: KubeObject): void {
    child(namespace, 'status');
  },

  validateStatusUpdate(namespace: KubeObject): FieldError[] {
    const phase = text(record(namespace.status).phase);
    const path = String(FieldPath.root('status').child('Phase'));
    if (!namespace.metadata.deletionTimestamp) {
      return phase === 'Active'
        ? []
        : [fieldErrors.invalid(path, phase, "may only be 'Active' if `deletionTimestamp` is empty")];
    }
    return phase === 'Terminating'
      ? []
      : [fieldErrors.invalid(path, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
  },

  beginCreate: canonicalize,
  beginUpdate: canonicalize,

  deletionPending: (namespace) => finalizersOf(namespace).length > 0,

  prepareForDelete(namespace: KubeObject): void {
    // The namespace REST storage marks deletion without a grace period of its own.
    delete namespace.metadata.deletionGracePeriodSeconds;
    child(namespace, 'status').phase = 'Terminating';
  },
};

export const namespaceDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
  singularName: 'namespace',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  // Namespaces cannot be deleted as a collection.
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: namespaceStrategy,
  status: true,
  // NamespaceToSelectableFields, with its backward-compatible `name`.
  fieldLabels: (namespace) => ({
    'status.phase': text(record(namespace.status).phase),
    name: namespace.metadata.name ?? '',
  }),
  generation: false,
};
