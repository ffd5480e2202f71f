// Environment variables and downward API selectors: ValidateEnv,
// ValidateEnvFrom, validateEnvVarValueFrom, validateObjectFieldSelector and
// the key selectors of pkg/apis/core/validation (1.32, with the relaxed
// environment variable names of its beta RelaxedEnvironmentVariableValidation).
import { fieldErrors, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isRecord } from '../../../api/objects';
import { isRelaxedEnvVarName, nameIsDNSSubdomain } from '../../../api/validation/names';
import { text, type JsonRecord } from '../json';
import { validateConfigMapKey, validateQualifiedName } from './common';

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
/** What podshelper.ConvertDownwardAPIFieldLabel accepts for v1. */
const CONVERTIBLE_LABELS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

function envNameErrors(name: string, path: FieldPath): FieldError[] {
  return isRelaxedEnvVarName(name).map((message) => fieldErrors.invalid(String(path), name, message));
}

export function validateEnv(vars: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  vars.forEach((env, index) => {
    const envPath = path.index(index);
    const name = text(env.name);
    if (!name) errors.push(fieldErrors.required(String(envPath.child('name'))));
    else errors.push(...envNameErrors(name, envPath.child('name')));
    errors.push(...validateValueFrom(env, envPath.child('valueFrom')));
  });
  return errors;
}

function validateValueFrom(env: JsonRecord, path: FieldPath): FieldError[] {
  const from = env.valueFrom;
  if (!isRecord(from)) return [];
  const errors: FieldError[] = [];
  let sources = 0;
  if (isRecord(from.fieldRef)) {
    sources++;
    errors.push(...validateObjectFieldSelector(from.fieldRef, ENV_FIELD_PATHS, path.child('fieldRef')));
  }
  if (isRecord(from.resourceFieldRef)) {
    sources++;
    errors.push(...validateResourceFieldSelector(from.resourceFieldRef, path.child('resourceFieldRef')));
  }
  if (isRecord(from.configMapKeyRef)) {
    sources++;
    errors.push(...validateKeySelector(from.configMapKeyRef, path.child('configMapKeyRef')));
  }
  if (isRecord(from.secretKeyRef)) {
    sources++;
    errors.push(...validateKeySelector(from.secretKeyRef, path.child('secretKeyRef')));
  }
  if (sources === 0) {
    errors.push(
      fieldErrors.invalid(
        String(path),
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  } else if (text(env.value)) {
    errors.push(fieldErrors.invalid(String(path), '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errors.push(fieldErrors.invalid(String(path), '', 'may not have more than one field specified at a time'));
  }
  return errors;
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']`. */
function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const trimmed = fieldPath.slice(0, -2);
  const open = trimmed.indexOf("['");
  if (open <= 0) return undefined;
  return { path: trimmed.slice(0, open), subscript: trimmed.slice(open + 2) };
}

export function validateObjectFieldSelector(
  selector: JsonRecord,
  expressions: string[],
  path: FieldPath,
): FieldError[] {
  const apiVersion = text(selector.apiVersion);
  const fieldPath = text(selector.fieldPath);
  if (!apiVersion) return [fieldErrors.required(String(path.child('apiVersion')))];
  if (!fieldPath) return [fieldErrors.required(String(path.child('fieldPath')))];
  const conversionError = convertFieldLabel(apiVersion, fieldPath);
  if (conversionError) {
    return [
      fieldErrors.invalid(String(path.child('fieldPath')), fieldPath, `error converting fieldPath: ${conversionError}`),
    ];
  }
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  const split = splitSubscript(internal);
  if (split) {
    if (split.path === 'metadata.annotations') return validateQualifiedName(split.subscript.toLowerCase(), path);
    if (split.path === 'metadata.labels') return validateQualifiedName(split.subscript, path);
    return [fieldErrors.invalid(String(path), split.path, 'does not support subscript')];
  }
  if (!expressions.includes(internal)) {
    return [fieldErrors.notSupported(String(path.child('fieldPath')), internal, [...expressions].sort())];
  }
  return [];
}

function convertFieldLabel(version: string, label: string): string | undefined {
  if (version !== 'v1') return `unsupported pod version: ${version}`;
  const split = splitSubscript(label);
  if (split) {
    return split.path === 'metadata.annotations' || split.path === 'metadata.labels'
      ? undefined
      : `field label does not support subscript: ${label}`;
  }
  return CONVERTIBLE_LABELS.includes(label) || label === 'spec.host'
    ? undefined
    : `field label not supported: ${label}`;
}

function validateResourceFieldSelector(selector: JsonRecord, path: FieldPath): FieldError[] {
  const resource = text(selector.resource);
  if (!resource) return [fieldErrors.required(String(path.child('resource')))];
  const hugePages = resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-');
  if (!RESOURCE_FIELD_PATHS.includes(resource) && !hugePages) {
    return [fieldErrors.notSupported(String(path.child('resource')), resource, RESOURCE_FIELD_PATHS)];
  }
  return [];
}

/** validateConfigMapKeySelector / validateSecretKeySelector (both check the name as a Secret name). */
function validateKeySelector(selector: JsonRecord, path: FieldPath): FieldError[] {
  const name = text(selector.name);
  const errors = nameIsDNSSubdomain(name, false).map((message) =>
    fieldErrors.invalid(String(path.child('name')), name, message),
  );
  const key = text(selector.key);
  if (!key) errors.push(fieldErrors.required(String(path.child('key'))));
  else errors.push(...validateConfigMapKey(key, path.child('key')));
  return errors;
}

export function validateEnvFrom(sources: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  sources.forEach((source, index) => {
    const sourcePath = path.index(index);
    const prefix = text(source.prefix);
    if (prefix) errors.push(...envNameErrors(prefix, sourcePath.child('prefix')));
    let count = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = source[kind];
      if (!isRecord(ref)) continue;
      count++;
      const name = text(ref.name);
      const namePath = String(sourcePath.child(kind, 'name'));
      if (!name) errors.push(fieldErrors.required(namePath));
      else
        errors.push(...nameIsDNSSubdomain(name, true).map((message) => fieldErrors.invalid(namePath, name, message)));
    }
    if (count === 0) {
      errors.push(fieldErrors.invalid(String(path), '', 'must specify one of: `configMapRef` or `secretRef`'));
    } else if (count > 1) {
      errors.push(fieldErrors.invalid(String(path), '', 'may not have more than one field specified at a time'));
    }
  });
  return errors;
}
