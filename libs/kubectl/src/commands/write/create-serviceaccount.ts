// kubectl create serviceaccount NAME
import type { KubectlCommand } from '../../cli/invocation';
import { createGenerated, generatedNamespace, requireName } from './create-generated';
import { serviceAccountObject } from './generators';

export const createServiceAccount: KubectlCommand = {
  path: 'create serviceaccount',
  run(inv) {
    const object = serviceAccountObject(requireName(inv), generatedNamespace(inv));
    createGenerated(inv, object, {
      group: '',
      version: 'v1',
      resource: 'serviceaccounts',
      namespaced: true,
      errorPrefix: 'failed to create serviceaccount: ',
    });
  },
};
