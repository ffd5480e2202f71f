// The Service registry (pkg/registry/core/service): strategy.go with the
// storage hooks of service/storage/storage.go.
//
// kube-apiserver runs BeginCreate/BeginUpdate (normalising clusterIPs,
// defaulting IP families, allocating) *before* PrepareForCreate and
// validation, so here they run at the start of prepareForCreate /
// prepareForUpdate: validation sees allocated values and allocation errors
// win over validation errors, as on a real server. Allocations need no
// commit or revert: they are read back from the stored Services.
import { cloneJson, isRecord, type KubeObject } from '../../api/objects';
import type { Strategy, StrategyContext } from '../../api/strategy';
import { allocateCreate, allocateUpdate } from './allocations';
import { applyServiceDefaults } from './defaults';
import {
  defaultIPFamiliesOnRead,
  dropTypeDependentFields,
  normalizeClusterIPs,
  patchAllocatedValues,
} from './linked-fields';
import { serviceNameErrors } from './name-checks';
import { ServiceType, specOf, storedSpec, type ServiceSpecJson, type ServiceStatusJson } from './service-json';
import { validateService, validateServiceStatusUpdate, validateServiceUpdate } from './validation';

function nameOf(object: KubeObject): string {
  return object.metadata.name ?? object.metadata.generateName ?? '';
}

/** What the Decorator (defaultOnRead) would drop on the way out. */
function finishForStorage(object: KubeObject): undefined {
  const spec = specOf(object);
  // internalTrafficPolicy was once defaulted for ExternalName by mistake; it is hidden on read.
  if (spec.type === ServiceType.ExternalName) delete spec.internalTrafficPolicy;
  return undefined;
}

/** ServiceStatus serialises its loadBalancer struct even when empty. */
function statusRecord(object: KubeObject): ServiceStatusJson {
  const status = (isRecord(object.status) ? object.status : (object.status = {})) as ServiceStatusJson;
  status.loadBalancer ??= {};
  return status;
}

export const serviceStrategy: Strategy = {
  nameValidator: serviceNameErrors,

  applyDefaults: applyServiceDefaults,

  prepareForCreate(object: KubeObject, context: StrategyContext): void {
    const spec = specOf(object);
    normalizeClusterIPs(spec, undefined);
    allocateCreate(spec, context, nameOf(object));
    object.status = { loadBalancer: {} };
  },

  validate: (object) => validateService(object),

  prepareForUpdate(object: KubeObject, old: Readonly<KubeObject>, context: StrategyContext): void {
    const spec = specOf(object);
    const previous = cloneJson(storedSpec(old)) as ServiceSpecJson;
    defaultIPFamiliesOnRead(previous);
    patchAllocatedValues(spec, previous);
    normalizeClusterIPs(spec, previous);
    allocateUpdate(spec, previous, context, nameOf(object));
    dropTypeDependentFields(spec, statusRecord(object), previous);
  },

  validateUpdate: (object, old) => validateServiceUpdate(object, old),

  prepareForStatusUpdate(object: KubeObject): void {
    statusRecord(object);
  },

  validateStatusUpdate: (object) => validateServiceStatusUpdate(object),

  beginCreate: (object) => finishForStorage(object),

  beginUpdate: (object) => finishForStorage(object),
};
