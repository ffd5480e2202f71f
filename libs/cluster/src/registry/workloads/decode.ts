// What Go's encoding/json refuses in a workload body before any registry code
// sees it: a spec field of the wrong JSON type. Without this a Deployment with
// `replicas: "3"` would be stored and its controller would reconcile nonsense.
import { apiErrors } from '../../api/errors';
import { isRecord, type KubeObject } from '../../api/objects';

type FieldKind = 'int32' | 'bool' | 'string' | 'object' | 'array' | 'stringMap';

interface SpecShape {
  /** The Go struct of `spec` (`DeploymentSpec`). */
  struct: string;
  fields: Record<string, [FieldKind, string]>;
}

const int32 = (): [FieldKind, string] => ['int32', 'int32'];
const selector: [FieldKind, string] = ['object', 'v1.LabelSelector'];
const template: [FieldKind, string] = ['object', 'v1.PodTemplateSpec'];

const SHAPES: Record<string, SpecShape> = {
  Deployment: {
    struct: 'DeploymentSpec',
    fields: {
      replicas: int32(),
      minReadySeconds: int32(),
      revisionHistoryLimit: int32(),
      progressDeadlineSeconds: int32(),
      paused: ['bool', 'bool'],
      selector,
      template,
      strategy: ['object', 'v1.DeploymentStrategy'],
    },
  },
  ReplicaSet: { struct: 'ReplicaSetSpec', fields: { replicas: int32(), minReadySeconds: int32(), selector, template } },
  DaemonSet: {
    struct: 'DaemonSetSpec',
    fields: {
      minReadySeconds: int32(),
      revisionHistoryLimit: int32(),
      selector,
      template,
      updateStrategy: ['object', 'v1.DaemonSetUpdateStrategy'],
    },
  },
  StatefulSet: {
    struct: 'StatefulSetSpec',
    fields: {
      replicas: int32(),
      minReadySeconds: int32(),
      revisionHistoryLimit: int32(),
      serviceName: ['string', 'string'],
      podManagementPolicy: ['string', 'v1.PodManagementPolicyType'],
      selector,
      template,
      updateStrategy: ['object', 'v1.StatefulSetUpdateStrategy'],
      volumeClaimTemplates: ['array', '[]v1.PersistentVolumeClaim'],
    },
  },
  ReplicationController: {
    struct: 'ReplicationControllerSpec',
    fields: {
      replicas: int32(),
      minReadySeconds: int32(),
      selector: ['stringMap', 'map[string]string'],
      template: ['object', 'v1.PodTemplateSpec'],
    },
  },
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return `number ${String(value)}`;
  return typeof value === 'boolean' ? 'bool' : 'string';
}

function fits(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'int32':
      return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
    case 'bool':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'stringMap':
      return isRecord(value) && Object.values(value).every((item) => typeof item === 'string' || item === null);
  }
}

/** Refuses a workload whose spec fields have the wrong JSON type, with encoding/json's message. */
export function decodeWorkloadSpec(object: KubeObject, version = 'v1'): void {
  const shape = SHAPES[object.kind];
  if (!shape) return;
  const refuse = (value: unknown, field: string, type: string, struct: string): never => {
    // JSON null leaves a Go field at its zero value; only other mismatches are errors.
    const kind = jsonKind(value);
    throw apiErrors.badRequest(
      `${object.kind} in version "${version}" cannot be handled as a ${object.kind}: json: cannot unmarshal ${kind} into Go struct field ${struct}.${field} of type ${type}`,
    );
  };
  const spec = object.spec;
  if (spec === undefined || spec === null) return;
  if (!isRecord(spec)) refuse(spec, 'spec', `v1.${shape.struct}`, object.kind);
  else {
    for (const [name, [kind, type]] of Object.entries(shape.fields)) {
      const value = spec[name];
      if (value !== undefined && value !== null && !fits(kind, value))
        refuse(value, `spec.${name}`, type, shape.struct);
    }
  }
}
