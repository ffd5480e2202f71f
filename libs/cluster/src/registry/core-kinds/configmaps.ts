// The `configmaps` resource (pkg/registry/core/configmap, 1.32): string
// data and base64 binaryData, valid and distinct keys, 1 MiB in total, and
// immutability.
import { fieldErrors, FieldPath, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { compareGoStrings, goLen, nameIsDNSSubdomain } from '../../api/validation/names';
import { validateConfigMapKey } from '../pod/validation/common';
import { record } from '../pod/json';
import { base64Decode } from '../../runtime/bytes';
import { decodeBytesMap, decodeStringMap } from './go-bytes';
import { validateImmutableData } from './immutable-data';
import { MAX_SECRET_SIZE } from './secrets';

/** Decoding; empty maps are omitted on the way out, as Go's omitempty does. */
function decodeConfigMap(configMap: KubeObject): void {
  const data = decodeStringMap('ConfigMap', 'data', 'string', configMap.data);
  const binary = decodeStringMap('ConfigMap', 'binaryData', 'uint8', configMap.binaryData);
  if (data && Object.keys(data).length) configMap.data = data;
  else delete configMap.data;
  if (binary && Object.keys(binary).length) configMap.binaryData = decodeBytesMap('ConfigMap', binary).map;
  else delete configMap.binaryData;
}

function binarySize(value: unknown): number {
  const decoded = base64Decode(typeof value === 'string' ? value : '');
  return decoded.ok ? decoded.bytes.length : 0;
}

export function validateConfigMap(configMap: Readonly<KubeObject>): FieldError[] {
  const errors: FieldError[] = [];
  const data = record(configMap.data);
  const binaryData = record(configMap.binaryData);
  let total = 0;
  for (const key of Object.keys(data).sort(compareGoStrings)) {
    const path = FieldPath.root('data').key(key);
    errors.push(...validateConfigMapKey(key, path));
    if (key in binaryData)
      errors.push(fieldErrors.invalid(String(path), key, 'duplicate of key present in binaryData'));
    const value = data[key];
    total += typeof value === 'string' ? goLen(value) : 0;
  }
  for (const key of Object.keys(binaryData).sort(compareGoStrings)) {
    errors.push(...validateConfigMapKey(key, FieldPath.root('binaryData').key(key)));
    total += binarySize(binaryData[key]);
  }
  // Go names the whole object with an empty path, which prints as `[]`.
  if (total > MAX_SECRET_SIZE) errors.push(fieldErrors.tooLong('[]', MAX_SECRET_SIZE));
  return errors;
}

function validateConfigMapUpdate(configMap: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  return [...validateImmutableData(configMap, old, ['data', 'binaryData']), ...validateConfigMap(configMap)];
}

export const configMapStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: decodeConfigMap,
  validate: (configMap) => validateConfigMap(configMap),
  validateUpdate: validateConfigMapUpdate,
};

export const configMapDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'configmaps',
  singularName: 'configmap',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: configMapStrategy,
  status: false,
  generation: false,
};
