// The `secrets` resource (pkg/registry/core/secret, 1.32): data decoded
// from base64 as the server reads it, stringData merged into data by the
// v1 conversion (and never stored), type Opaque by default, the keys each
// type requires, a 1 MiB limit, and immutability.
import { fieldErrors, FieldPath, type FieldError } from '../../api/field-errors';
import { jsonValueKind } from '../../api/go-json';
import { isRecord, type KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { compareGoStrings, nameIsDNSSubdomain } from '../../api/validation/names';
import { validateConfigMapKey } from '../pod/validation/common';
import { record, text } from '../pod/json';
import { base64Decode, base64Encode, utf8Encode } from '../../runtime/bytes';
import { decodeBytesMap, decodeStringMap } from './go-bytes';
import { validateImmutableData } from './immutable-data';

export const MAX_SECRET_SIZE = 1024 * 1024;

/** The decoded size of data (values are stored base64). */
function dataSize(secret: Readonly<KubeObject>): number {
  let total = 0;
  for (const value of Object.values(record(secret.data))) {
    const decoded = base64Decode(typeof value === 'string' ? value : '');
    if (decoded.ok) total += decoded.bytes.length;
  }
  return total;
}

/** Decoding (data from base64, stringData merged in) and SetDefaults_Secret. */
function decodeSecret(secret: KubeObject): void {
  const data = decodeStringMap('Secret', 'data', 'uint8', secret.data);
  const stringData = decodeStringMap('Secret', 'stringData', 'string', secret.stringData);
  const merged = data ? decodeBytesMap('Secret', data).map : undefined;
  if (stringData) {
    const target = merged ?? {};
    for (const key of Object.keys(stringData)) target[key] = base64Encode(utf8Encode(stringData[key] ?? ''));
    secret.data = target;
  } else if (merged) {
    secret.data = merged;
  }
  delete secret.stringData;
  if (isRecord(secret.data) && Object.keys(secret.data).length === 0) delete secret.data;
  if (secret.data === null) delete secret.data;
  if (!secret.type) secret.type = 'Opaque';
}

function has(secret: Readonly<KubeObject>, key: string): boolean {
  return isRecord(secret.data) && secret.data[key] !== undefined;
}

/** json.Unmarshal of a docker config into map[string]interface{}: Go's error, if any. */
function dockerConfigError(secret: Readonly<KubeObject>, key: string): string | undefined {
  const decoded = base64Decode(text(record(secret.data)[key]));
  const content = decoded.ok ? String.fromCharCode(...decoded.bytes) : '';
  const first = content.trimStart().charAt(0);
  if (!first) return 'unexpected end of JSON input';
  if (!'{["-0123456789tfn'.includes(first)) return `invalid character '${first}' looking for beginning of value`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return 'unexpected end of JSON input';
  }
  // null decodes into a nil map without complaint.
  if (isRecord(parsed) || parsed === null) return undefined;
  return `json: cannot unmarshal ${jsonValueKind(parsed)} into Go value of type map[string]interface {}`;
}

export function validateSecret(secret: Readonly<KubeObject>): FieldError[] {
  const errors: FieldError[] = [];
  const dataPath = FieldPath.root('data');
  for (const key of Object.keys(record(secret.data)).sort(compareGoStrings))
    errors.push(...validateConfigMapKey(key, dataPath.key(key)));
  if (dataSize(secret) > MAX_SECRET_SIZE) errors.push(fieldErrors.tooLong(String(dataPath), MAX_SECRET_SIZE));
  const required = (key: string): FieldError => fieldErrors.required(String(dataPath.key(key)));
  switch (text(secret.type)) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errors.push(
          fieldErrors.required(
            String(FieldPath.root('metadata').child('annotations').key('kubernetes.io/service-account.name')),
          ),
        );
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = secret.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(secret, key)) errors.push(required(key));
      else {
        const problem = dockerConfigError(secret, key);
        if (problem) errors.push(fieldErrors.invalid(String(dataPath.key(key)), '<secret contents redacted>', problem));
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has(secret, 'username') && !has(secret, 'password')) errors.push(required('username'), required('password'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!text(record(secret.data)['ssh-privatekey'])) errors.push(required('ssh-privatekey'));
      break;
    case 'kubernetes.io/tls':
      if (!has(secret, 'tls.crt')) errors.push(required('tls.crt'));
      if (!has(secret, 'tls.key')) errors.push(required('tls.key'));
      break;
    default:
      break;
  }
  return errors;
}

function validateSecretUpdate(secret: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  const errors: FieldError[] = [];
  if (text(secret.type) !== text(old.type))
    errors.push(fieldErrors.invalid('type', text(secret.type), 'field is immutable'));
  return [...errors, ...validateImmutableData(secret, old, ['data']), ...validateSecret(secret)];
}

export const secretStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: decodeSecret,
  validate: (secret) => validateSecret(secret),
  validateUpdate: validateSecretUpdate,
};

export const secretDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'secrets',
  singularName: 'secret',
  kind: 'Secret',
  namespaced: true,
  shortNames: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: secretStrategy,
  status: false,
  // SelectableFields of pkg/registry/core/secret.
  fieldLabels: (secret) => ({ type: text(secret.type) }),
  generation: false,
};
