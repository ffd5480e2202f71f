// kubectl create namespace NAME
import type { KubectlCommand } from '../../cli/invocation';
import { createGenerated, requireName } from './create-generated';
import { namespaceObject } from './generators';

export const createNamespace: KubectlCommand = {
  path: 'create namespace',
  run(inv) {
    const object = namespaceObject(requireName(inv));
    createGenerated(inv, object, { group: '', version: 'v1', resource: 'namespaces', namespaced: false });
  },
};
