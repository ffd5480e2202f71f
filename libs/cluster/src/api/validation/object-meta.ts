// ObjectMeta validation: k8s.io/apimachinery/pkg/api/validation/objectmeta.go
// v0.32 (ValidateObjectMetaAccessor, ValidateObjectMetaAccessorUpdate), plus
// the finalizer-name rule that pkg/apis/core/validation adds for built-in kinds.
import {
  fieldErrors,
  goPointer,
  goQuote,
  goStringSlice,
  goValue,
  type FieldError,
  type FieldPath,
  type GoRendered,
} from '../field-errors';
import type { ObjectMeta, OwnerReference } from '../objects';
import { validateLabels } from './labels';
import { compareGoStrings, goLen, isQualifiedName, validateNamespaceName, type NameValidatorFunc } from './names';

export {
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateNamespaceName,
  validatePathSegmentName,
  validateServiceAccountName,
  type NameValidatorFunc,
} from './names';
export { validateLabelName, validateLabels } from './labels';

export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';
/** helper.IsStandardFinalizerName: the unprefixed finalizers built-in kinds accept. */
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set([
  'kubernetes',
  FINALIZER_ORPHAN_DEPENDENTS,
  FINALIZER_DELETE_DEPENDENTS,
]);

export interface ObjectMetaValidationOptions {
  /** requiresNamespace: namespaced kinds need one, cluster-scoped kinds may not have one. */
  namespaced: boolean;
  nameValidator: NameValidatorFunc;
  /**
   * Only apimachinery's generic checks, as for custom resources. Built-in kinds
   * (the default) also refuse unprefixed finalizers that are not standard.
   */
  apimachineryOnly?: boolean;
}

/** ValidateObjectMeta for a create; name generation must already have happened. */
export function validateObjectMeta(
  meta: Readonly<ObjectMeta>,
  options: ObjectMetaValidationOptions,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  const generateName = stringOf(meta.generateName);
  const name = stringOf(meta.name);
  const namespace = stringOf(meta.namespace);
  if (generateName) {
    for (const message of options.nameValidator(generateName, true)) {
      errors.push(fieldErrors.invalid(path.child('generateName').toString(), generateName, message));
    }
  }
  if (!name) {
    errors.push(fieldErrors.required(path.child('name').toString(), 'name or generateName is required'));
  } else {
    for (const message of options.nameValidator(name, false)) {
      errors.push(fieldErrors.invalid(path.child('name').toString(), name, message));
    }
  }
  if (options.namespaced) {
    if (!namespace) {
      errors.push(fieldErrors.required(path.child('namespace').toString()));
    } else {
      for (const message of validateNamespaceName(namespace, false)) {
        errors.push(fieldErrors.invalid(path.child('namespace').toString(), namespace, message));
      }
    }
  } else if (namespace) {
    errors.push(fieldErrors.forbidden(path.child('namespace').toString(), 'not allowed on this type'));
  }
  errors.push(...validateNonnegativeField(numberOf(meta.generation), path.child('generation')));
  errors.push(...validateLabels(meta.labels, path.child('labels')));
  errors.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errors.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
  errors.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
  if (!options.apimachineryOnly) errors.push(...validateKubeFinalizerNames(meta.finalizers, path));
  return errors;
}

/** ValidateObjectMetaUpdate: what an update may not change in metadata. */
export function validateObjectMetaUpdate(
  newMeta: Readonly<ObjectMeta>,
  oldMeta: Readonly<ObjectMeta>,
  path: FieldPath,
  options: { apimachineryOnly?: boolean } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  if (oldMeta.deletionTimestamp !== undefined && oldMeta.deletionTimestamp !== null) {
    errors.push(...validateNoNewFinalizers(newMeta.finalizers, oldMeta.finalizers, path.child('finalizers')));
  }
  const resourceVersion = stringOf(newMeta.resourceVersion);
  if (!resourceVersion) {
    errors.push(
      fieldErrors.invalid(path.child('resourceVersion').toString(), resourceVersion, 'must be specified for an update'),
    );
  }
  const newGeneration = numberOf(newMeta.generation);
  if (newGeneration < numberOf(oldMeta.generation)) {
    errors.push(fieldErrors.invalid(path.child('generation').toString(), newGeneration, 'must not be decremented'));
  }
  errors.push(...immutableString(newMeta.name, oldMeta.name, path.child('name')));
  errors.push(...immutableString(newMeta.namespace, oldMeta.namespace, path.child('namespace')));
  errors.push(...immutableString(newMeta.uid, oldMeta.uid, path.child('uid')));
  if (!sameTime(newMeta.creationTimestamp, oldMeta.creationTimestamp)) {
    errors.push(immutable(path.child('creationTimestamp'), goTime(newMeta.creationTimestamp) ?? goValue(ZERO_TIME)));
  }
  if (!sameTime(newMeta.deletionTimestamp, oldMeta.deletionTimestamp)) {
    errors.push(immutable(path.child('deletionTimestamp'), goTime(newMeta.deletionTimestamp) ?? null));
  }
  const newGrace = optionalNumber(newMeta.deletionGracePeriodSeconds);
  if (newGrace !== optionalNumber(oldMeta.deletionGracePeriodSeconds)) {
    errors.push(immutable(path.child('deletionGracePeriodSeconds'), newGrace ?? null));
  }
  errors.push(...validateLabels(newMeta.labels, path.child('labels')));
  errors.push(...validateAnnotations(newMeta.annotations, path.child('annotations')));
  errors.push(...validateOwnerReferences(newMeta.ownerReferences, path.child('ownerReferences')));
  if (!options.apimachineryOnly) errors.push(...validateKubeFinalizerNames(newMeta.finalizers, path));
  return errors;
}

/** ValidateAnnotations: keys are qualified names (case-insensitive), 256 KiB in total. */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: FieldPath | string,
): FieldError[] {
  const errors: FieldError[] = [];
  const keys = Object.keys(annotations ?? {}).sort(compareGoStrings);
  for (const key of keys) {
    for (const message of isQualifiedName(key.toLowerCase())) {
      errors.push(fieldErrors.invalid(String(path), key, message));
    }
  }
  let totalSize = 0;
  for (const key of keys) totalSize += goLen(key) + goLen(stringOf(annotations?.[key]));
  if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    errors.push(fieldErrors.tooLong(String(path), TOTAL_ANNOTATION_SIZE_LIMIT_B));
  }
  return errors;
}

export function validateNonnegativeField(value: number, path: FieldPath | string): FieldError[] {
  return value < 0 ? [fieldErrors.invalid(String(path), value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidateOwnerReferences; Go reports every reference at the list's path, without an index. */
export function validateOwnerReferences(
  references: readonly OwnerReference[] | undefined,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  let firstController = '';
  for (const reference of references ?? []) {
    errors.push(...validateOwnerReference(reference, path));
    if (reference.controller === true) {
      const current = `${stringOf(reference.kind)}/${stringOf(reference.name)}`;
      if (firstController) {
        errors.push(
          fieldErrors.invalid(
            path.toString(),
            goOwnerReferences(references ?? []),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errors;
}

function validateOwnerReference(reference: OwnerReference, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const apiVersion = stringOf(reference.apiVersion);
  const kind = stringOf(reference.kind);
  const name = stringOf(reference.name);
  const uid = stringOf(reference.uid);
  const gvk = groupVersionKind(apiVersion, kind);
  if (!gvk.version)
    errors.push(fieldErrors.invalid(path.child('apiVersion').toString(), apiVersion, 'version must not be empty'));
  if (!gvk.kind) errors.push(fieldErrors.invalid(path.child('kind').toString(), kind, 'kind must not be empty'));
  if (!name) errors.push(fieldErrors.invalid(path.child('name').toString(), name, 'name must not be empty'));
  if (!uid) errors.push(fieldErrors.invalid(path.child('uid').toString(), uid, 'uid must not be empty'));
  // BannedOwners: only core/v1 Event.
  if (gvk.group === '' && gvk.version === 'v1' && gvk.kind === 'Event') {
    errors.push(
      fieldErrors.invalid(
        path.toString(),
        goValue(goOwnerReference(reference)),
        `${gvk.group}/${gvk.version}, Kind=${gvk.kind} is disallowed from being an owner`,
      ),
    );
  }
  return errors;
}

/** schema.FromAPIVersionAndKind: an unparsable apiVersion leaves group and version empty. */
function groupVersionKind(apiVersion: string, kind: string): { group: string; version: string; kind: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '', kind };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion, kind };
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '', kind };
  return { group: '', version: '', kind };
}

/** ValidateFinalizers: qualified names, and not both orphan and foregroundDeletion. */
export function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const list = finalizers ?? [];
  for (const finalizer of list) {
    for (const message of isQualifiedName(finalizer))
      errors.push(fieldErrors.invalid(path.toString(), finalizer, message));
  }
  if (list.includes(FINALIZER_ORPHAN_DEPENDENTS) && list.includes(FINALIZER_DELETE_DEPENDENTS)) {
    errors.push(
      fieldErrors.invalid(
        path.toString(),
        goStringSlice(list),
        `finalizer ${FINALIZER_ORPHAN_DEPENDENTS} and ${FINALIZER_DELETE_DEPENDENTS} cannot be both set`,
      ),
    );
  }
  return errors;
}

/** pkg/apis/core/validation's validateKubeFinalizerName, per finalizer at its index. */
function validateKubeFinalizerNames(finalizers: readonly string[] | undefined, metaPath: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  (finalizers ?? []).forEach((finalizer, index) => {
    if (finalizer.split('/').length === 1 && !STANDARD_FINALIZERS.has(finalizer)) {
      errors.push(
        fieldErrors.invalid(
          metaPath.child('finalizers').index(index).toString(),
          finalizer,
          'name is neither a standard finalizer name nor is it fully qualified',
        ),
      );
    }
  });
  return errors;
}

function validateNoNewFinalizers(
  newFinalizers: readonly string[] | undefined,
  oldFinalizers: readonly string[] | undefined,
  path: FieldPath,
): FieldError[] {
  const old = new Set(oldFinalizers ?? []);
  const extra = [...new Set((newFinalizers ?? []).filter((finalizer) => !old.has(finalizer)))].sort(compareGoStrings);
  if (extra.length === 0) return [];
  return [
    fieldErrors.forbidden(
      path.toString(),
      `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra).go}`,
    ),
  ];
}

function immutable(path: FieldPath, value: FieldError['badValue']): FieldError {
  return fieldErrors.invalid(path.toString(), value, FIELD_IMMUTABLE_ERROR_MSG);
}

function immutableString(newValue: unknown, oldValue: unknown, path: FieldPath): FieldError[] {
  const current = stringOf(newValue);
  return current === stringOf(oldValue) ? [] : [immutable(path, current)];
}

const ZERO_TIME = '0001-01-01 00:00:00 +0000 UTC';

/** Epoch milliseconds of an RFC 3339 timestamp; undefined for none (Go's nil or zero Time). */
function timeMillis(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
}

/** Semantic.DeepEqual of two metav1.Time: the same instant. */
function sameTime(a: unknown, b: unknown): boolean {
  const left = timeMillis(a);
  const right = timeMillis(b);
  if (left === undefined || right === undefined) return left === right && stringOf(a) === stringOf(b);
  return left === right;
}

/** A metav1.Time as its String() prints it in a UTC apiserver: `2024-01-02 03:04:05 +0000 UTC`. */
function goTime(value: unknown): GoRendered | undefined {
  const millis = timeMillis(value);
  if (millis === undefined) return undefined;
  const iso = new Date(millis).toISOString();
  const fraction = iso.slice(19, 23).replace(/\.?0+$/, '');
  return goValue(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction} +0000 UTC`);
}

function goBoolPointer(value: unknown): string {
  return goPointer('bool', typeof value !== 'boolean');
}

function goOwnerReference(reference: OwnerReference): string {
  return (
    `v1.OwnerReference{APIVersion:${goQuote(stringOf(reference.apiVersion))}, Kind:${goQuote(stringOf(reference.kind))}, ` +
    `Name:${goQuote(stringOf(reference.name))}, UID:${goQuote(stringOf(reference.uid))}, ` +
    `Controller:${goBoolPointer(reference.controller)}, BlockOwnerDeletion:${goBoolPointer(reference.blockOwnerDeletion)}}`
  );
}

function goOwnerReferences(references: readonly OwnerReference[]): GoRendered {
  return goValue(`[]v1.OwnerReference{${references.map(goOwnerReference).join(', ')}}`);
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
