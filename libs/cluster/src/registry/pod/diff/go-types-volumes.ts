// The internal Go types of pod volumes (core.Volume and its sources) for
// the go-cmp rendering; sources a lab rarely uses print generically.
import {
  any,
  bool,
  int32,
  int64,
  localRef,
  ptr,
  quantity,
  ref,
  slice,
  str,
  struct,
  type GoField,
  type GoType,
} from './go-type-kinds';

const VOLUME_SOURCE_FIELDS: GoField[] = [
  ['HostPath', 'hostPath', ptr(ref('HostPathVolumeSource'))],
  ['EmptyDir', 'emptyDir', ptr(ref('EmptyDirVolumeSource'))],
  ...['GCEPersistentDisk:gcePersistentDisk', 'AWSElasticBlockStore:awsElasticBlockStore', 'GitRepo:gitRepo'].map(
    anyField,
  ),
  ['Secret', 'secret', ptr(ref('SecretVolumeSource'))],
  ...['NFS:nfs', 'ISCSI:iscsi', 'Glusterfs:glusterfs'].map(anyField),
  ['PersistentVolumeClaim', 'persistentVolumeClaim', ptr(ref('PersistentVolumeClaimVolumeSource'))],
  ...['RBD:rbd', 'Quobyte:quobyte', 'FlexVolume:flexVolume', 'Cinder:cinder', 'CephFS:cephfs', 'Flocker:flocker'].map(
    anyField,
  ),
  ['DownwardAPI', 'downwardAPI', ptr(ref('DownwardAPIVolumeSource'))],
  ...['FC:fc', 'AzureFile:azureFile'].map(anyField),
  ['ConfigMap', 'configMap', ptr(ref('ConfigMapVolumeSource'))],
  ...['VsphereVolume:vsphereVolume', 'AzureDisk:azureDisk', 'PhotonPersistentDisk:photonPersistentDisk'].map(anyField),
  ['Projected', 'projected', ptr(ref('ProjectedVolumeSource'))],
  ...[
    'PortworxVolume:portworxVolume',
    'ScaleIO:scaleIO',
    'StorageOS:storageos',
    'CSI:csi',
    'Ephemeral:ephemeral',
    'Image:image',
  ].map(anyField),
];

function anyField(spec: string): GoField {
  const [goName = '', key = ''] = spec.split(':');
  return [goName, key, any];
}

export const VOLUME_TYPES: Record<string, GoType> = {
  Volume: struct('Volume', [
    ['Name', 'name', str()],
    ['VolumeSource', null, struct('VolumeSource', VOLUME_SOURCE_FIELDS)],
  ]),
  HostPathVolumeSource: struct('HostPathVolumeSource', [
    ['Path', 'path', str()],
    ['Type', 'type', ptr(str('core.HostPathType'))],
  ]),
  EmptyDirVolumeSource: struct('EmptyDirVolumeSource', [
    ['Medium', 'medium', str('core.StorageMedium')],
    ['SizeLimit', 'sizeLimit', ptr(quantity)],
  ]),
  SecretVolumeSource: struct('SecretVolumeSource', [
    ['SecretName', 'secretName', str()],
    ['Items', 'items', slice(ref('KeyToPath'))],
    ['DefaultMode', 'defaultMode', ptr(int32)],
    ['Optional', 'optional', ptr(bool)],
  ]),
  ConfigMapVolumeSource: struct('ConfigMapVolumeSource', [
    localRef,
    ['Items', 'items', slice(ref('KeyToPath'))],
    ['DefaultMode', 'defaultMode', ptr(int32)],
    ['Optional', 'optional', ptr(bool)],
  ]),
  PersistentVolumeClaimVolumeSource: struct('PersistentVolumeClaimVolumeSource', [
    ['ClaimName', 'claimName', str()],
    ['ReadOnly', 'readOnly', bool],
  ]),
  DownwardAPIVolumeSource: struct('DownwardAPIVolumeSource', [
    ['Items', 'items', slice(ref('DownwardAPIVolumeFile'))],
    ['DefaultMode', 'defaultMode', ptr(int32)],
  ]),
  DownwardAPIVolumeFile: struct('DownwardAPIVolumeFile', [
    ['Path', 'path', str()],
    ['FieldRef', 'fieldRef', ptr(ref('ObjectFieldSelector'))],
    ['ResourceFieldRef', 'resourceFieldRef', ptr(ref('ResourceFieldSelector'))],
    ['Mode', 'mode', ptr(int32)],
  ]),
  KeyToPath: struct('KeyToPath', [
    ['Key', 'key', str()],
    ['Path', 'path', str()],
    ['Mode', 'mode', ptr(int32)],
  ]),
  ProjectedVolumeSource: struct('ProjectedVolumeSource', [
    ['Sources', 'sources', slice(ref('VolumeProjection'))],
    ['DefaultMode', 'defaultMode', ptr(int32)],
  ]),
  VolumeProjection: struct('VolumeProjection', [
    [
      'Secret',
      'secret',
      ptr(
        struct('SecretProjection', [
          localRef,
          ['Items', 'items', slice(ref('KeyToPath'))],
          ['Optional', 'optional', ptr(bool)],
        ]),
      ),
    ],
    [
      'DownwardAPI',
      'downwardAPI',
      ptr(struct('DownwardAPIProjection', [['Items', 'items', slice(ref('DownwardAPIVolumeFile'))]])),
    ],
    [
      'ConfigMap',
      'configMap',
      ptr(
        struct('ConfigMapProjection', [
          localRef,
          ['Items', 'items', slice(ref('KeyToPath'))],
          ['Optional', 'optional', ptr(bool)],
        ]),
      ),
    ],
    [
      'ServiceAccountToken',
      'serviceAccountToken',
      ptr(
        struct('ServiceAccountTokenProjection', [
          ['Audience', 'audience', str()],
          ['ExpirationSeconds', 'expirationSeconds', int64],
          ['Path', 'path', str()],
        ]),
      ),
    ],
    ['ClusterTrustBundle', 'clusterTrustBundle', any],
  ]),
};
