// kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file]
// and kubectl create secret generic NAME [--type] [the same sources].
import type { KubectlCommand } from '../../cli/invocation';
import { createGenerated, generatedNamespace, requireName } from './create-generated';
import { configMapObject, secretObject, type DataSources } from './data-sources';
import type { Invocation } from '../../cli/invocation';

function sourcesOf(inv: Invocation): DataSources {
  return {
    literals: inv.strings('from-literal'),
    files: inv.strings('from-file'),
    envFiles: inv.strings('from-env-file'),
  };
}

export const createConfigMap: KubectlCommand = {
  path: 'create configmap',
  run(inv) {
    const name = requireName(inv);
    const object = configMapObject(inv.ctx, name, generatedNamespace(inv), sourcesOf(inv));
    createGenerated(inv, object, {
      group: '',
      version: 'v1',
      resource: 'configmaps',
      namespaced: true,
      errorPrefix: 'failed to create configmap: ',
    });
  },
};

export const createSecretGeneric: KubectlCommand = {
  path: 'create secret generic',
  run(inv) {
    const name = requireName(inv);
    const object = secretObject(inv.ctx, name, generatedNamespace(inv), inv.string('type'), sourcesOf(inv));
    createGenerated(inv, object, {
      group: '',
      version: 'v1',
      resource: 'secrets',
      namespaced: true,
      errorPrefix: 'failed to create secret ',
    });
  },
};
