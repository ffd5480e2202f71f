// kubectl replace -f FILENAME [--force]: PUT each object (with --force: delete, wait, create).
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError } from '../../cli/errors';
import type { KubectlCommand } from '../../cli/invocation';
import { forEachManifest } from './targets';
import { kindAndGroup } from '../../resources/rest-mapper';
import { dryRunOf, outputFormatOf, printResult } from './output';
import { ErrorList, sourceStatusMessage } from './write-errors';

export const replace: KubectlCommand = {
  path: 'replace',
  async run(inv) {
    const filenames = inv.strings('filename');
    if (filenames.length === 0) throw new KubectlError('error: must specify --filename to replace');
    const dryRun = dryRunOf(inv);
    outputFormatOf(inv);
    const errors = new ErrorList();
    await forEachManifest(inv, errors, async (target) => {
      const { mapping, namespace, name, object, source } = target;
      const base = {
        group: mapping.group,
        version: mapping.version,
        resource: mapping.resource,
        ...(namespace !== undefined ? { namespace } : {}),
      };
      const query = { ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}), fieldManager: 'kubectl-replace' };
      if (dryRun === 'client') {
        printResult(inv, object, { operation: 'replaced', dryRun });
        return;
      }
      if (inv.bool('force')) {
        const deleted = inv.client.send({ verb: 'delete', ...base, name, query: { propagationPolicy: 'Background' } });
        if (deleted.status < 300) inv.out(`${kindAndGroup(mapping)} "${name}" deleted\n`);
        while (inv.client.send({ verb: 'get', ...base, name }).status === 200) {
          if (!(await inv.ctx.clock.sleep(1000))) throw new KubectlError('', 130);
        }
        const created = inv.client.send({ verb: 'create', ...base, body: object, query });
        if (isStatus(created.body) && created.status >= 300)
          errors.add(sourceStatusMessage(created.body, 'creating', source));
        else printResult(inv, created.body as KubeObject, { operation: 'replaced', dryRun });
        return;
      }
      const response = inv.client.send({ verb: 'update', ...base, name, body: object, query });
      if (isStatus(response.body) && response.status >= 300)
        errors.add(sourceStatusMessage(response.body, 'replacing', source));
      else printResult(inv, response.body as KubeObject, { operation: 'replaced', dryRun });
    });
    errors.finish();
  },
};
