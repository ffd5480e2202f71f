// kubectl create deployment NAME --image=image [--port] [--replicas] [-- COMMAND args...]
import type { KubectlCommand } from '../../cli/invocation';
import { KubectlError } from '../../cli/errors';
import { createGenerated, generatedNamespace } from './create-generated';
import { deploymentObject } from './generators';

export const createDeployment: KubectlCommand = {
  path: 'create deployment',
  run(inv) {
    const dash = inv.argsLenAtDash;
    const names = dash === -1 ? inv.args : inv.args.slice(0, dash);
    const command = dash === -1 ? [] : inv.args.slice(dash);
    const [name] = names;
    if (names.length !== 1 || name === undefined)
      throw inv.usageError(`exactly one NAME is required, got ${names.length}`);
    if (!inv.changed('image')) throw new KubectlError('error: required flag(s) "image" not set');
    const object = deploymentObject({
      name,
      namespace: generatedNamespace(inv),
      images: inv.strings('image'),
      replicas: inv.int('replicas'),
      port: inv.int('port'),
      command,
    });
    createGenerated(inv, object, {
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      namespaced: true,
      errorPrefix: 'failed to create deployment: ',
    });
  },
};
