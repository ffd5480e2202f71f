// kubectl scale (TYPE NAME | TYPE/NAME | -f FILE) --replicas=COUNT [--current-replicas=COUNT]
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { KubectlCommand } from '../../cli/invocation';
import { kindAndGroup } from '../../resources/rest-mapper';
import { dryRunOf, printResult } from './output';
import { readTargets } from './targets';
import { ErrorList } from './write-errors';

export const scale: KubectlCommand = {
  path: 'scale',
  async run(inv) {
    if (!inv.changed('replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
    const replicas = inv.int('replicas');
    if (replicas < 0)
      throw new KubectlError(
        'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      );
    const dryRun = dryRunOf(inv);
    const targets = await readTargets(inv, { selector: inv.string('selector'), all: inv.bool('all') });
    const errors = new ErrorList();
    for (const target of targets) {
      try {
        const base = {
          group: target.mapping.group,
          version: target.mapping.version,
          resource: target.mapping.resource,
          ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
          name: target.name,
        };
        if (
          !target.mapping.verbs.includes('patch') ||
          !['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'].includes(target.mapping.resource)
        ) {
          throw new KubectlError(`error: cannot scale a ${kindAndGroup(target.mapping)}`);
        }
        const current = inv.client.send({ verb: 'get', ...base, subresource: 'scale' });
        // kubectl's builder found nothing to scale: its error carries the server's message.
        if (isStatus(current.body) && current.status === 404) {
          throw new KubectlError(`error: no objects passed to scale ${current.body.message ?? ''}`);
        }
        if (isStatus(current.body) && current.status >= 300) throw new KubectlError(statusMessage(current.body));
        const actual = (current.body as { spec?: { replicas?: number } }).spec?.replicas ?? 0;
        if (
          inv.changed('current-replicas') &&
          inv.int('current-replicas') !== -1 &&
          inv.int('current-replicas') !== actual
        ) {
          throw new KubectlError(`error: Expected replicas to be ${inv.int('current-replicas')}, was ${actual}`);
        }
        if (dryRun !== 'client') {
          const response = inv.client.send({
            verb: 'patch',
            ...base,
            subresource: 'scale',
            patchType: 'merge',
            body: { spec: { replicas } },
            query: dryRun === 'server' ? { dryRun: 'All' } : {},
          });
          if (isStatus(response.body) && response.status >= 300) throw new KubectlError(statusMessage(response.body));
        }
        const object = {
          apiVersion: target.mapping.group ? `${target.mapping.group}/${target.mapping.version}` : 'v1',
          kind: target.mapping.kind,
          metadata: { name: target.name },
        } as KubeObject;
        printResult(inv, object, { operation: 'scaled', dryRun });
      } catch (error) {
        if (!(error instanceof KubectlError)) throw error;
        errors.add(error.message);
      }
    }
    errors.finish();
  },
};
