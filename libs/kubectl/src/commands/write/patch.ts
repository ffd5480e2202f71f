// kubectl patch (TYPE NAME | TYPE/NAME | -f FILE) -p PATCH [--type strategic|merge|json]
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { KubectlCommand } from '../../cli/invocation';
import { decodeYamlDocument } from '../../resources/manifests-yaml';
import { dryRunOf, printResult } from './output';
import { readTargets, patchRequest } from './targets';
import { deepEqual } from './three-way-patch';
import { ErrorList } from './write-errors';

const PATCH_TYPES = ['json', 'merge', 'strategic'] as const;

export const patch: KubectlCommand = {
  path: 'patch',
  async run(inv) {
    let text = inv.string('patch');
    const file = inv.string('patch-file');
    if (file) {
      const read = inv.ctx.files.read(file);
      if (!read.ok) throw new KubectlError(`error: unable to read patch file: ${read.error}`);
      text = read.text;
    }
    if (text === '')
      throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
    const type = inv.string('type') || 'strategic';
    const patchType = PATCH_TYPES.find((candidate) => candidate === type);
    if (!patchType) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`);
    const decoded = decodeYamlDocument(text);
    if (!decoded.ok) throw new KubectlError(`error: unable to parse "${text}": ${decoded.error}`);
    const dryRun = dryRunOf(inv);
    const targets = await readTargets(inv);
    const errors = new ErrorList();
    for (const target of targets) {
      try {
        const before = inv.client.get(target.mapping, target.namespace, target.name);
        const response = inv.client.send(
          patchRequest(target, patchType, decoded.value, {
            ...(dryRun !== 'none' ? { dryRun: 'All' as const } : {}),
            fieldManager: 'kubectl-patch',
          }),
        );
        if (isStatus(response.body) && response.status >= 300) throw new KubectlError(statusMessage(response.body));
        const after = response.body as KubeObject;
        const changed = !deepEqual(before, after);
        printResult(inv, after, { operation: changed ? 'patched' : 'patched (no change)', dryRun });
      } catch (error) {
        if (!(error instanceof KubectlError)) throw error;
        errors.add(error.message);
      }
    }
    errors.finish();
  },
};
