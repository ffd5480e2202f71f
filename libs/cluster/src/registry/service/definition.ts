// The `services` resource as kube-apiserver 1.32 serves it (core/v1).
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import { storedSpec } from './service-json';
import { serviceStrategy } from './strategy';

export const serviceDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'services',
  singularName: 'service',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: serviceStrategy,
  status: true,
  // Service's SelectableFields.
  fieldLabels: (object) => {
    const spec = storedSpec(object);
    return { 'spec.clusterIP': spec.clusterIP ?? '', 'spec.type': spec.type ?? '' };
  },
  // Services carry no metadata.generation.
  generation: false,
  allowCreateOnUpdate: true,
};
