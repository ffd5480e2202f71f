// The strategic-merge-patch metadata of the kinds we serve: the Go struct tags
// `patchStrategy` and `patchMergeKey` of k8s.io/api v0.32 (core/v1, apps/v1,
// batch/v1, discovery/v1) and apimachinery's ObjectMeta. Each Go type appears
// once, holding only the fields that carry tags or lead to fields that do;
// every other field merges as a plain map or replaces as a plain list.

export interface PatchField {
  /** The `patchStrategy` tag split on commas: `merge`, `replace`, `retainKeys`. */
  readonly strategies?: readonly string[];
  /** The `patchMergeKey` tag. */
  readonly mergeKey?: string;
  /** The struct behind the field: its own type, or its list's element type. */
  readonly type?: PatchStruct;
}

export interface PatchStruct {
  /** The Go type name, as the sources call it. */
  readonly name: string;
  readonly fields: Readonly<Record<string, PatchField>>;
}

function struct(name: string, fields: Record<string, PatchField>): PatchStruct {
  return { name, fields };
}

const of = (type: PatchStruct): PatchField => ({ type });
const merge = (mergeKey: string, type?: PatchStruct): PatchField => ({ strategies: ['merge'], mergeKey, type });
/** `patchStrategy:"merge,retainKeys"` lists. */
const mergeRetainKeys = (mergeKey: string, type?: PatchStruct): PatchField => ({
  strategies: ['merge', 'retainKeys'],
  mergeKey,
  type,
});
/** A list of scalars with `patchStrategy:"merge"`: a set union. */
const mergePrimitives: PatchField = { strategies: ['merge'] };
const conditions = merge('type');

// k8s.io/apimachinery/pkg/apis/meta/v1
const objectMeta = struct('ObjectMeta', {
  ownerReferences: merge('uid'),
  finalizers: mergePrimitives,
});

// k8s.io/api/core/v1
const containerFields = {
  ports: merge('containerPort'),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
};
const container = struct('Container', containerFields);
// EphemeralContainerCommon is inlined with the same tags.
const ephemeralContainer = struct('EphemeralContainer', containerFields);

const persistentVolumeClaimTemplate = struct('PersistentVolumeClaimTemplate', { metadata: of(objectMeta) });
const ephemeralVolumeSource = struct('EphemeralVolumeSource', {
  volumeClaimTemplate: of(persistentVolumeClaimTemplate),
});
// VolumeSource is inlined into Volume.
const volume = struct('Volume', { ephemeral: of(ephemeralVolumeSource) });

const podSpec = struct('PodSpec', {
  volumes: mergeRetainKeys('name', volume),
  initContainers: merge('name', container),
  containers: merge('name', container),
  ephemeralContainers: merge('name', ephemeralContainer),
  imagePullSecrets: merge('name'),
  hostAliases: merge('ip'),
  topologySpreadConstraints: merge('topologyKey'),
  schedulingGates: merge('name'),
  resourceClaims: mergeRetainKeys('name'),
});

const containerStatus = struct('ContainerStatus', {
  volumeMounts: merge('mountPath'),
  allocatedResourcesStatus: merge('name'),
});

const podStatus = struct('PodStatus', {
  conditions,
  hostIPs: merge('ip'),
  podIPs: merge('ip'),
  initContainerStatuses: of(containerStatus),
  containerStatuses: of(containerStatus),
  ephemeralContainerStatuses: of(containerStatus),
  resourceClaimStatuses: mergeRetainKeys('name'),
});

const podTemplateSpec = struct('PodTemplateSpec', { metadata: of(objectMeta), spec: of(podSpec) });

const persistentVolumeClaim = struct('PersistentVolumeClaim', {
  metadata: of(objectMeta),
  status: of(struct('PersistentVolumeClaimStatus', { conditions })),
});

/** A top-level kind: metadata plus the given fields. */
function kind(name: string, fields: Record<string, PatchField> = {}): PatchStruct {
  return struct(name, { metadata: of(objectMeta), ...fields });
}

/** spec.template and status.conditions, the shape every pod controller shares. */
function workload(name: string, spec: Record<string, PatchField> = {}): PatchStruct {
  return kind(name, {
    spec: of(struct(`${name}Spec`, { template: of(podTemplateSpec), ...spec })),
    status: of(struct(`${name}Status`, { conditions })),
  });
}

const jobSpec = struct('JobSpec', { template: of(podTemplateSpec) });

const PATCH_META: Readonly<Record<string, PatchStruct>> = {
  Pod: kind('Pod', { spec: of(podSpec), status: of(podStatus) }),
  PodTemplate: kind('PodTemplate', { template: of(podTemplateSpec) }),
  Service: kind('Service', {
    spec: of(struct('ServiceSpec', { ports: merge('port') })),
    // metav1.Condition
    status: of(struct('ServiceStatus', { conditions })),
  }),
  ReplicationController: workload('ReplicationController'),
  Endpoints: kind('Endpoints'),
  ConfigMap: kind('ConfigMap'),
  Secret: kind('Secret'),
  ServiceAccount: kind('ServiceAccount', { secrets: merge('name') }),
  Namespace: kind('Namespace', { status: of(struct('NamespaceStatus', { conditions })) }),
  Node: kind('Node', {
    spec: of(struct('NodeSpec', { podCIDRs: mergePrimitives })),
    status: of(struct('NodeStatus', { conditions, addresses: merge('type') })),
  }),
  Event: kind('Event'),
  // apps/v1
  Deployment: workload('Deployment', { strategy: { strategies: ['retainKeys'] } }),
  ReplicaSet: workload('ReplicaSet'),
  DaemonSet: workload('DaemonSet'),
  StatefulSet: workload('StatefulSet', { volumeClaimTemplates: of(persistentVolumeClaim) }),
  // batch/v1
  Job: kind('Job', { spec: of(jobSpec), status: of(struct('JobStatus', { conditions })) }),
  CronJob: kind('CronJob', {
    spec: of(
      struct('CronJobSpec', {
        jobTemplate: of(struct('JobTemplateSpec', { metadata: of(objectMeta), spec: of(jobSpec) })),
      }),
    ),
  }),
  // discovery/v1
  EndpointSlice: kind('EndpointSlice'),
  // autoscaling/v1, the scale subresource
  Scale: kind('Scale'),
};

/** The kind's metadata; a kind not listed is treated as having tags on ObjectMeta only. */
export function patchMetaForKind(kindName: string): PatchStruct {
  return (hasPatchMeta(kindName) ? PATCH_META[kindName] : undefined) ?? kind(kindName);
}

export function hasPatchMeta(kindName: string): boolean {
  return Object.prototype.hasOwnProperty.call(PATCH_META, kindName);
}

/**
 * The field at a dotted path inside an object of the kind, list elements
 * skipped: `spec.template.spec.containers` of a Deployment is the PodSpec's
 * `containers`. Undefined when no tag applies anywhere on the way.
 */
export function patchFieldAt(kindName: string, path: string): PatchField | undefined {
  let current: PatchStruct | undefined = patchMetaForKind(kindName);
  let field: PatchField | undefined;
  for (const name of path.split('.')) {
    field = current?.fields[name];
    if (!field) return undefined;
    current = field.type;
  }
  return field;
}
