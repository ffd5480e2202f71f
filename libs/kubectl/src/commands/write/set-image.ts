// kubectl set image (TYPE NAME | TYPE/NAME | -f FILE) CONTAINER=IMAGE ... (`*=image` for every container)
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { KubectlCommand } from '../../cli/invocation';
import { dryRunOf, printResult } from './output';
import { readTargets, patchRequest } from './targets';
import { ErrorList } from './write-errors';

interface PodSpecHolder {
  spec?: {
    containers?: Array<{ name?: string; image?: string }>;
    initContainers?: Array<{ name?: string; image?: string }>;
    template?: { spec?: PodSpecHolder['spec'] };
  };
}

export const setImage: KubectlCommand = {
  path: 'set image',
  async run(inv) {
    const firstPair = inv.strings('filename').length
      ? 0
      : inv.args.findIndex((arg, index) => index > 0 && arg.includes('='));
    const resourceArgs = firstPair === -1 ? inv.args : inv.args.slice(0, firstPair);
    const pairs = firstPair === -1 ? [] : inv.args.slice(firstPair);
    if (pairs.length === 0) throw new KubectlError('error: at least one image update is required');
    const images = pairs.map((pair) => {
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals), pair.slice(equals + 1)] as const;
    });
    const dryRun = dryRunOf(inv);
    const targets = await readTargets(inv, {
      args: resourceArgs,
      selector: inv.string('selector'),
      all: inv.bool('all'),
    });
    const errors = new ErrorList();
    for (const target of targets) {
      try {
        const live = inv.client.get(target.mapping, target.namespace, target.name) as KubeObject & PodSpecHolder;
        const podSpec = target.mapping.kind === 'Pod' ? live.spec : live.spec?.template?.spec;
        const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
        const changed: Array<{ name: string; image: string }> = [];
        for (const [name, image] of images) {
          const matching = containers.filter((container) => name === '*' || container.name === name);
          if (matching.length === 0) throw new KubectlError(`error: unable to find container named "${name}"`);
          for (const container of matching) changed.push({ name: container.name ?? '', image });
        }
        const containerPatch = { containers: changed };
        const patch =
          target.mapping.kind === 'Pod' ? { spec: containerPatch } : { spec: { template: { spec: containerPatch } } };
        let result: KubeObject = live;
        if (dryRun !== 'client') {
          const response = inv.client.send(
            patchRequest(target, 'strategic', patch, {
              ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}),
              fieldManager: 'kubectl-set',
            }),
          );
          if (isStatus(response.body) && response.status >= 300) throw new KubectlError(statusMessage(response.body));
          result = response.body as KubeObject;
        }
        printResult(inv, result, { operation: 'image updated', dryRun });
      } catch (error) {
        if (!(error instanceof KubectlError)) throw error;
        errors.add(error.message);
      }
    }
    errors.finish();
  },
};
