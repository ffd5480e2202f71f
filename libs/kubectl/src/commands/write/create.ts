// kubectl create -f FILENAME: each object of the manifests, in order; a failing object does not stop the others.
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { forEachManifest } from './targets';
import { lastAppliedAnnotated } from './last-applied';
import { dryRunOf, outputFormatOf, printResult } from './output';
import { ErrorList, sourceStatusMessage } from './write-errors';

export async function createFromFiles(inv: Invocation, verbing = 'creating'): Promise<number> {
  const filenames = inv.strings('filename');
  if (filenames.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const dryRun = dryRunOf(inv);
  outputFormatOf(inv);
  const errors = new ErrorList();
  await forEachManifest(inv, errors, (target) => {
    const { mapping, namespace, source } = target;
    const object = inv.bool('save-config') ? lastAppliedAnnotated(target.object) : target.object;
    if (dryRun === 'client') {
      printResult(inv, object, { operation: 'created', dryRun });
      return;
    }
    const response = inv.client.send({
      verb: 'create',
      group: mapping.group,
      version: mapping.version,
      resource: mapping.resource,
      ...(namespace !== undefined ? { namespace } : {}),
      body: object,
      query: { ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}), fieldManager: 'kubectl-create' },
    });
    if (isStatus(response.body) && response.status >= 300)
      errors.add(sourceStatusMessage(response.body, verbing, source));
    else printResult(inv, response.body as KubeObject, { operation: 'created', dryRun });
  });
  errors.finish();
  return 0;
}

export const create: KubectlCommand = {
  path: 'create',
  run: (inv) => createFromFiles(inv),
};
