// ValidateVolumes and validateVolumeSource of pkg/apis/core/validation for
// the volume sources a lab uses; the cloud and legacy sources are counted
// (one source per volume) but not inspected.
import { fieldErrors, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isRecord } from '../../../api/objects';
import { readQuantity } from '../quantity';
import { children, record, records, text, type JsonRecord } from '../json';
import {
  validateDNS1123Label,
  validateFileMode,
  validateLocalNonReservedPath,
  validatePathNoBacksteps,
} from './common';
import { validateObjectFieldSelector } from './downward-api';

/** The sources in Go's order, with the path segment its "more than 1 volume type" error names. */
const SOURCES: Array<[json: string, errorName: string]> = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

/** ValidateVolumes: the names of the valid volumes (for mounts to refer to), and the errors. */
export function validateVolumes(volumes: JsonRecord[], path: FieldPath): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  volumes.forEach((volume, index) => {
    const volumePath = path.index(index);
    const namePath = volumePath.child('name');
    const name = text(volume.name);
    const own = validateVolumeSource(volume, volumePath);
    if (!name) own.push(fieldErrors.required(String(namePath)));
    else own.push(...validateDNS1123Label(name, namePath));
    if (names.has(name)) own.push(fieldErrors.duplicate(String(namePath), name));
    if (own.length === 0) names.add(name);
    else errors.push(...own);
  });
  return { names, errors };
}

function validateVolumeSource(volume: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  for (const [key, errorName] of SOURCES) {
    const source = volume[key];
    if (!isRecord(source)) continue;
    if (count > 0) {
      errors.push(fieldErrors.forbidden(String(path.child(errorName)), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errors.push(...validateSource(key, source, path.child(key)));
  }
  if (count === 0) errors.push(fieldErrors.required(String(path), 'must specify a volume type'));
  return errors;
}

function validateSource(key: string, source: JsonRecord, path: FieldPath): FieldError[] {
  switch (key) {
    case 'emptyDir': {
      const limit = readQuantity(source.sizeLimit);
      return limit && limit.mantissa < 0n
        ? [fieldErrors.forbidden(String(path.child('sizeLimit')), 'SizeLimit field must be a valid resource quantity')]
        : [];
    }
    case 'hostPath':
      return validateHostPath(source, path);
    case 'secret':
      return validateKeyedSource(source, 'secretName', path);
    case 'configMap':
      return validateKeyedSource(source, 'name', path);
    case 'persistentVolumeClaim':
      return text(source.claimName) ? [] : [fieldErrors.required(String(path.child('claimName')))];
    case 'nfs':
      return validateNfs(source, path);
    case 'downwardAPI': {
      const errors = validateFileMode(source.defaultMode, path.child('defaultMode'));
      for (const file of records(source.items)) errors.push(...validateDownwardAPIFile(file, path));
      return errors;
    }
    case 'projected':
      return [...validateFileMode(source.defaultMode, path.child('defaultMode')), ...validateProjection(source, path)];
    default:
      return [];
  }
}

function validateHostPath(source: JsonRecord, path: FieldPath): FieldError[] {
  const target = text(source.path);
  if (!target) return [fieldErrors.required(String(path.child('path')))];
  const errors = validatePathNoBacksteps(target, path.child('path'));
  const type = source.type;
  if (typeof type === 'string' && !HOST_PATH_TYPES.includes(type)) {
    errors.push(fieldErrors.notSupported(String(path.child('type')), type, HOST_PATH_TYPES));
  }
  return errors;
}

function validateNfs(source: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (!text(source.server)) errors.push(fieldErrors.required(String(path.child('server'))));
  const target = text(source.path);
  if (!target) errors.push(fieldErrors.required(String(path.child('path'))));
  if (!target.startsWith('/'))
    errors.push(fieldErrors.invalid(String(path.child('path')), target, 'must be an absolute path'));
  return errors;
}

/** Secret and ConfigMap volumes: a name, a default mode, and key-to-path items. */
function validateKeyedSource(source: JsonRecord, nameKey: string, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (!text(source[nameKey])) errors.push(fieldErrors.required(String(path.child(nameKey))));
  errors.push(...validateFileMode(source.defaultMode, path.child('defaultMode')));
  records(source.items).forEach((item, index) =>
    errors.push(...validateKeyToPath(item, path.child('items').index(index))),
  );
  return errors;
}

function validateKeyToPath(item: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (!text(item.key)) errors.push(fieldErrors.required(String(path.child('key'))));
  if (!text(item.path)) errors.push(fieldErrors.required(String(path.child('path'))));
  errors.push(...validateLocalNonReservedPath(text(item.path), path.child('path')));
  errors.push(...validateFileMode(item.mode, path.child('mode')));
  return errors;
}

const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

function validateDownwardAPIFile(file: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const target = text(file.path);
  if (!target) errors.push(fieldErrors.required(String(path.child('path'))));
  errors.push(...validateLocalNonReservedPath(target, path.child('path')));
  if (isRecord(file.fieldRef)) {
    errors.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_FIELD_PATHS, path.child('fieldRef')));
    if (isRecord(file.resourceFieldRef)) {
      errors.push(
        fieldErrors.invalid(
          String(path),
          'resource',
          'fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      );
    }
  } else if (isRecord(file.resourceFieldRef)) {
    if (!text(file.resourceFieldRef.containerName)) {
      errors.push(fieldErrors.required(String(path.child('resourceFieldRef', 'containerName'))));
    }
  } else {
    errors.push(fieldErrors.required(String(path), 'one of fieldRef and resourceFieldRef is required'));
  }
  errors.push(...validateFileMode(file.mode, path.child('mode')));
  return errors;
}

/** validateProjectionSources. */
function validateProjection(projection: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const allPaths = new Set<string>();
  const claimPath = (candidate: string, badValue: string): void => {
    if (!candidate) return;
    if (allPaths.has(candidate))
      errors.push(fieldErrors.invalid(String(path), badValue, 'conflicting duplicate paths'));
    else allPaths.add(candidate);
  };
  children(projection, 'sources').forEach((source, index) => {
    let count = 0;
    const sourcePath = path.child('sources').index(index);
    for (const kind of ['secret', 'configMap'] as const) {
      if (!isRecord(source[kind])) continue;
      count++;
      const projected = record(source[kind]);
      const projPath = sourcePath.child(kind);
      if (!text(projected.name)) errors.push(fieldErrors.required(String(projPath.child('name'))));
      records(projected.items).forEach((item, itemIndex) => {
        errors.push(...validateKeyToPath(item, projPath.child('items').index(itemIndex)));
        claimPath(text(item.path), text(projected.name));
      });
    }
    if (isRecord(source.downwardAPI)) {
      count++;
      for (const file of records(source.downwardAPI.items)) {
        errors.push(...validateDownwardAPIFile(file, sourcePath.child('downwardAPI')));
        claimPath(text(file.path), text(file.path));
      }
    }
    if (isRecord(source.serviceAccountToken)) {
      count++;
      errors.push(
        ...validateTokenProjection(source.serviceAccountToken, sourcePath.child('serviceAccountToken'), path),
      );
    }
    if (isRecord(source.clusterTrustBundle)) count++;
    if (count > 1)
      errors.push(fieldErrors.forbidden(String(sourcePath), 'may not specify more than 1 volume type per source'));
  });
  return errors;
}

function validateTokenProjection(token: JsonRecord, path: FieldPath, projectionPath: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const seconds = typeof token.expirationSeconds === 'number' ? token.expirationSeconds : 0;
  if (seconds < 600) {
    errors.push(
      fieldErrors.invalid(
        String(path.child('expirationSeconds')),
        seconds,
        'may not specify a duration less than 10 minutes',
      ),
    );
  }
  if (seconds > 2 ** 32) {
    errors.push(
      fieldErrors.invalid(
        String(path.child('expirationSeconds')),
        seconds,
        'may not specify a duration larger than 2^32 seconds',
      ),
    );
  }
  // Go reports these two at the projection's own path, not the source's.
  const target = text(token.path);
  if (!target) errors.push(fieldErrors.required(String(projectionPath.child('path'))));
  else errors.push(...validateLocalNonReservedPath(target, projectionPath.child('path')));
  return errors;
}
