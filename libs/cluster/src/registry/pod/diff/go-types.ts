// The internal (pkg/apis/core) Go types of a PodSpec, Kubernetes 1.32, as
// go-cmp prints them: field names and declaration order, JSON keys of the v1
// form, type names. Rarely used parts (affinity, topology spread, exotic
// volume sources) are left to a generic rendering.

export type GoField = [goName: string, jsonKey: string | null, type: GoType];

export type GoType =
  | { kind: 'string'; name: string }
  | { kind: 'int'; name: string }
  | { kind: 'bool'; name: string }
  | { kind: 'quantity' }
  | { kind: 'intstr' }
  | { kind: 'any' }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'slice'; elem: GoType }
  | { kind: 'map'; name: string; keyStringer: boolean; elem: GoType }
  | { kind: 'struct'; name: string; fields: GoField[] }
  | { kind: 'named'; ref: string };

const str = (name = 'string'): GoType => ({ kind: 'string', name });
const int32: GoType = { kind: 'int', name: 'int32' };
const int64: GoType = { kind: 'int', name: 'int64' };
const bool: GoType = { kind: 'bool', name: 'bool' };
const ptr = (elem: GoType): GoType => ({ kind: 'ptr', elem });
const slice = (elem: GoType): GoType => ({ kind: 'slice', elem });
const ref = (name: string): GoType => ({ kind: 'named', ref: name });
const struct = (name: string, fields: GoField[]): GoType => ({ kind: 'struct', name: `core.${name}`, fields });
const any: GoType = { kind: 'any' };
const quantity: GoType = { kind: 'quantity' };
const resourceList: GoType = { kind: 'map', name: 'core.ResourceList', keyStringer: true, elem: quantity };
const stringMap: GoType = { kind: 'map', name: 'map[string]string', keyStringer: false, elem: str() };
const localRef: GoField = ['LocalObjectReference', null, ref('LocalObjectReference')];

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

const HANDLER_FIELDS: GoField[] = [
  ['Exec', 'exec', ptr(ref('ExecAction'))],
  ['HTTPGet', 'httpGet', ptr(ref('HTTPGetAction'))],
  ['TCPSocket', 'tcpSocket', ptr(ref('TCPSocketAction'))],
];

export const GO_TYPES: Record<string, GoType> = {
  PodSpec: struct('PodSpec', [
    ['Volumes', 'volumes', slice(ref('Volume'))],
    ['InitContainers', 'initContainers', slice(ref('Container'))],
    ['Containers', 'containers', slice(ref('Container'))],
    ['EphemeralContainers', 'ephemeralContainers', slice(any)],
    ['RestartPolicy', 'restartPolicy', str('core.RestartPolicy')],
    ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', ptr(int64)],
    ['ActiveDeadlineSeconds', 'activeDeadlineSeconds', ptr(int64)],
    ['DNSPolicy', 'dnsPolicy', str('core.DNSPolicy')],
    ['NodeSelector', 'nodeSelector', stringMap],
    ['ServiceAccountName', 'serviceAccountName', str()],
    ['AutomountServiceAccountToken', 'automountServiceAccountToken', ptr(bool)],
    ['NodeName', 'nodeName', str()],
    ['SecurityContext', 'securityContext', ptr(ref('PodSecurityContext'))],
    ['ImagePullSecrets', 'imagePullSecrets', slice(ref('LocalObjectReference'))],
    ['Hostname', 'hostname', str()],
    ['Subdomain', 'subdomain', str()],
    ['SetHostnameAsFQDN', 'setHostnameAsFQDN', ptr(bool)],
    ['Affinity', 'affinity', any],
    ['SchedulerName', 'schedulerName', str()],
    ['Tolerations', 'tolerations', slice(ref('Toleration'))],
    [
      'HostAliases',
      'hostAliases',
      slice(
        struct('HostAlias', [
          ['IP', 'ip', str()],
          ['Hostnames', 'hostnames', slice(str())],
        ]),
      ),
    ],
    ['PriorityClassName', 'priorityClassName', str()],
    ['Priority', 'priority', ptr(int32)],
    ['PreemptionPolicy', 'preemptionPolicy', ptr(str('core.PreemptionPolicy'))],
    ['DNSConfig', 'dnsConfig', ptr(ref('PodDNSConfig'))],
    [
      'ReadinessGates',
      'readinessGates',
      slice(struct('PodReadinessGate', [['ConditionType', 'conditionType', str('core.PodConditionType')]])),
    ],
    ['RuntimeClassName', 'runtimeClassName', ptr(str())],
    ['Overhead', 'overhead', resourceList],
    ['EnableServiceLinks', 'enableServiceLinks', ptr(bool)],
    ['TopologySpreadConstraints', 'topologySpreadConstraints', slice(any)],
    ['OS', 'os', ptr(struct('PodOS', [['Name', 'name', str('core.OSName')]]))],
    ['SchedulingGates', 'schedulingGates', slice(struct('PodSchedulingGate', [['Name', 'name', str()]]))],
    ['ResourceClaims', 'resourceClaims', slice(any)],
    ['Resources', 'resources', ptr(ref('ResourceRequirements'))],
  ]),
  Container: struct('Container', [
    ['Name', 'name', str()],
    ['Image', 'image', str()],
    ['Command', 'command', slice(str())],
    ['Args', 'args', slice(str())],
    ['WorkingDir', 'workingDir', str()],
    ['Ports', 'ports', slice(ref('ContainerPort'))],
    ['EnvFrom', 'envFrom', slice(ref('EnvFromSource'))],
    ['Env', 'env', slice(ref('EnvVar'))],
    ['Resources', 'resources', ref('ResourceRequirements')],
    ['ResizePolicy', 'resizePolicy', slice(any)],
    ['RestartPolicy', 'restartPolicy', ptr(str('core.ContainerRestartPolicy'))],
    ['VolumeMounts', 'volumeMounts', slice(ref('VolumeMount'))],
    [
      'VolumeDevices',
      'volumeDevices',
      slice(
        struct('VolumeDevice', [
          ['Name', 'name', str()],
          ['DevicePath', 'devicePath', str()],
        ]),
      ),
    ],
    ['LivenessProbe', 'livenessProbe', ptr(ref('Probe'))],
    ['ReadinessProbe', 'readinessProbe', ptr(ref('Probe'))],
    ['StartupProbe', 'startupProbe', ptr(ref('Probe'))],
    ['Lifecycle', 'lifecycle', ptr(ref('Lifecycle'))],
    ['TerminationMessagePath', 'terminationMessagePath', str()],
    ['TerminationMessagePolicy', 'terminationMessagePolicy', str('core.TerminationMessagePolicy')],
    ['ImagePullPolicy', 'imagePullPolicy', str('core.PullPolicy')],
    ['SecurityContext', 'securityContext', ptr(ref('SecurityContext'))],
    ['Stdin', 'stdin', bool],
    ['StdinOnce', 'stdinOnce', bool],
    ['TTY', 'tty', bool],
  ]),
  ContainerPort: struct('ContainerPort', [
    ['Name', 'name', str()],
    ['HostPort', 'hostPort', int32],
    ['ContainerPort', 'containerPort', int32],
    ['Protocol', 'protocol', str('core.Protocol')],
    ['HostIP', 'hostIP', str()],
  ]),
  EnvVar: struct('EnvVar', [
    ['Name', 'name', str()],
    ['Value', 'value', str()],
    ['ValueFrom', 'valueFrom', ptr(ref('EnvVarSource'))],
  ]),
  EnvVarSource: struct('EnvVarSource', [
    ['FieldRef', 'fieldRef', ptr(ref('ObjectFieldSelector'))],
    ['ResourceFieldRef', 'resourceFieldRef', ptr(ref('ResourceFieldSelector'))],
    [
      'ConfigMapKeyRef',
      'configMapKeyRef',
      ptr(struct('ConfigMapKeySelector', [localRef, ['Key', 'key', str()], ['Optional', 'optional', ptr(bool)]])),
    ],
    [
      'SecretKeyRef',
      'secretKeyRef',
      ptr(struct('SecretKeySelector', [localRef, ['Key', 'key', str()], ['Optional', 'optional', ptr(bool)]])),
    ],
  ]),
  EnvFromSource: struct('EnvFromSource', [
    ['Prefix', 'prefix', str()],
    [
      'ConfigMapRef',
      'configMapRef',
      ptr(struct('ConfigMapEnvSource', [localRef, ['Optional', 'optional', ptr(bool)]])),
    ],
    ['SecretRef', 'secretRef', ptr(struct('SecretEnvSource', [localRef, ['Optional', 'optional', ptr(bool)]]))],
  ]),
  ObjectFieldSelector: struct('ObjectFieldSelector', [
    ['APIVersion', 'apiVersion', str()],
    ['FieldPath', 'fieldPath', str()],
  ]),
  ResourceFieldSelector: struct('ResourceFieldSelector', [
    ['ContainerName', 'containerName', str()],
    ['Resource', 'resource', str()],
    ['Divisor', 'divisor', quantity],
  ]),
  ResourceRequirements: struct('ResourceRequirements', [
    ['Limits', 'limits', resourceList],
    ['Requests', 'requests', resourceList],
    ['Claims', 'claims', slice(any)],
  ]),
  VolumeMount: struct('VolumeMount', [
    ['Name', 'name', str()],
    ['ReadOnly', 'readOnly', bool],
    ['RecursiveReadOnly', 'recursiveReadOnly', ptr(str('core.RecursiveReadOnlyMode'))],
    ['MountPath', 'mountPath', str()],
    ['SubPath', 'subPath', str()],
    ['MountPropagation', 'mountPropagation', ptr(str('core.MountPropagationMode'))],
    ['SubPathExpr', 'subPathExpr', str()],
  ]),
  Probe: struct('Probe', [
    ['ProbeHandler', null, struct('ProbeHandler', [...HANDLER_FIELDS, ['GRPC', 'grpc', ptr(ref('GRPCAction'))]])],
    ['InitialDelaySeconds', 'initialDelaySeconds', int32],
    ['TimeoutSeconds', 'timeoutSeconds', int32],
    ['PeriodSeconds', 'periodSeconds', int32],
    ['SuccessThreshold', 'successThreshold', int32],
    ['FailureThreshold', 'failureThreshold', int32],
    ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', ptr(int64)],
  ]),
  Lifecycle: struct('Lifecycle', [
    ['PostStart', 'postStart', ptr(ref('LifecycleHandler'))],
    ['PreStop', 'preStop', ptr(ref('LifecycleHandler'))],
  ]),
  LifecycleHandler: struct('LifecycleHandler', [
    ...HANDLER_FIELDS,
    ['Sleep', 'sleep', ptr(struct('SleepAction', [['Seconds', 'seconds', int64]]))],
  ]),
  ExecAction: struct('ExecAction', [['Command', 'command', slice(str())]]),
  HTTPGetAction: struct('HTTPGetAction', [
    ['Path', 'path', str()],
    ['Port', 'port', { kind: 'intstr' }],
    ['Host', 'host', str()],
    ['Scheme', 'scheme', str('core.URIScheme')],
    [
      'HTTPHeaders',
      'httpHeaders',
      slice(
        struct('HTTPHeader', [
          ['Name', 'name', str()],
          ['Value', 'value', str()],
        ]),
      ),
    ],
  ]),
  TCPSocketAction: struct('TCPSocketAction', [
    ['Port', 'port', { kind: 'intstr' }],
    ['Host', 'host', str()],
  ]),
  GRPCAction: struct('GRPCAction', [
    ['Port', 'port', int32],
    ['Service', 'service', ptr(str())],
  ]),
  SecurityContext: struct('SecurityContext', [
    [
      'Capabilities',
      'capabilities',
      ptr(
        struct('Capabilities', [
          ['Add', 'add', slice(str('core.Capability'))],
          ['Drop', 'drop', slice(str('core.Capability'))],
        ]),
      ),
    ],
    ['Privileged', 'privileged', ptr(bool)],
    ['SELinuxOptions', 'seLinuxOptions', any],
    ['WindowsOptions', 'windowsOptions', any],
    ['RunAsUser', 'runAsUser', ptr(int64)],
    ['RunAsGroup', 'runAsGroup', ptr(int64)],
    ['RunAsNonRoot', 'runAsNonRoot', ptr(bool)],
    ['ReadOnlyRootFilesystem', 'readOnlyRootFilesystem', ptr(bool)],
    ['AllowPrivilegeEscalation', 'allowPrivilegeEscalation', ptr(bool)],
    ['ProcMount', 'procMount', ptr(str('core.ProcMountType'))],
    ['SeccompProfile', 'seccompProfile', any],
    ['AppArmorProfile', 'appArmorProfile', any],
  ]),
  PodSecurityContext: struct('PodSecurityContext', [
    ['HostNetwork', 'hostNetwork', bool],
    ['HostPID', 'hostPID', bool],
    ['HostIPC', 'hostIPC', bool],
    ['ShareProcessNamespace', 'shareProcessNamespace', ptr(bool)],
    ['HostUsers', 'hostUsers', ptr(bool)],
    ['SELinuxOptions', 'seLinuxOptions', any],
    ['WindowsOptions', 'windowsOptions', any],
    ['RunAsUser', 'runAsUser', ptr(int64)],
    ['RunAsGroup', 'runAsGroup', ptr(int64)],
    ['RunAsNonRoot', 'runAsNonRoot', ptr(bool)],
    ['SupplementalGroups', 'supplementalGroups', slice(int64)],
    ['SupplementalGroupsPolicy', 'supplementalGroupsPolicy', ptr(str('core.SupplementalGroupsPolicy'))],
    ['FSGroup', 'fsGroup', ptr(int64)],
    ['FSGroupChangePolicy', 'fsGroupChangePolicy', ptr(str('core.PodFSGroupChangePolicy'))],
    [
      'Sysctls',
      'sysctls',
      slice(
        struct('Sysctl', [
          ['Name', 'name', str()],
          ['Value', 'value', str()],
        ]),
      ),
    ],
    ['SeccompProfile', 'seccompProfile', any],
    ['AppArmorProfile', 'appArmorProfile', any],
    ['SELinuxChangePolicy', 'seLinuxChangePolicy', ptr(str('core.PodSELinuxChangePolicy'))],
  ]),
  LocalObjectReference: struct('LocalObjectReference', [['Name', 'name', str()]]),
  Toleration: struct('Toleration', [
    ['Key', 'key', str()],
    ['Operator', 'operator', str('core.TolerationOperator')],
    ['Value', 'value', str()],
    ['Effect', 'effect', str('core.TaintEffect')],
    ['TolerationSeconds', 'tolerationSeconds', ptr(int64)],
  ]),
  PodDNSConfig: struct('PodDNSConfig', [
    ['Nameservers', 'nameservers', slice(str())],
    ['Searches', 'searches', slice(str())],
    [
      'Options',
      'options',
      slice(
        struct('PodDNSConfigOption', [
          ['Name', 'name', str()],
          ['Value', 'value', ptr(str())],
        ]),
      ),
    ],
  ]),
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
