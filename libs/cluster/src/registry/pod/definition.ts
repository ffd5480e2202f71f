// The `pods` resource as kube-apiserver 1.32 serves it (core/v1).
import { ALL_VERBS, type ResourceDefinition } from '../../api/resources';
import { record, records, text } from './json';
import { podStrategy } from './strategy';

export const podDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'pods',
  singularName: 'pod',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  verbs: ALL_VERBS,
  categories: ['all'],
  strategy: podStrategy,
  status: true,
  // ToSelectableFields of pkg/registry/core/pod/strategy.go.
  fieldLabels: (pod) => {
    const spec = record(pod.spec);
    const status = record(pod.status);
    return {
      'spec.nodeName': text(spec.nodeName),
      'spec.restartPolicy': text(spec.restartPolicy),
      'spec.schedulerName': text(spec.schedulerName),
      'spec.serviceAccountName': text(spec.serviceAccountName),
      'spec.hostNetwork': String(spec.hostNetwork === true),
      'status.phase': text(status.phase),
      'status.podIP': text(records(status.podIPs)[0]?.ip),
      'status.nominatedNodeName': text(status.nominatedNodeName),
    };
  },
  // Pods of Kubernetes 1.32 carry no metadata.generation.
  generation: false,
};
