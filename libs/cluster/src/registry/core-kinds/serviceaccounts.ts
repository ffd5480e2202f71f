// The `serviceaccounts` resource (pkg/registry/core/serviceaccount, 1.32).
import type { KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { validateServiceAccountName } from '../../api/validation/names';
import { records } from '../pod/json';

/** cleanSecretReferences: a secret reference keeps only its name. */
function cleanSecretReferences(account: KubeObject): void {
  if (!Array.isArray(account.secrets)) return;
  account.secrets = records(account.secrets).map((secret) => (secret.name === undefined ? {} : { name: secret.name }));
}

export const serviceAccountStrategy: Strategy = {
  nameValidator: validateServiceAccountName,
  prepareForCreate: cleanSecretReferences,
  prepareForUpdate: cleanSecretReferences,
};

export const serviceAccountDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  singularName: 'serviceaccount',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: serviceAccountStrategy,
  status: false,
  generation: false,
};
