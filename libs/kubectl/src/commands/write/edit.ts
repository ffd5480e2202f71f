// kubectl edit (TYPE NAME | TYPE/NAME): the object as YAML in the editor,
// saved changes sent as a strategic merge patch, invalid edits reopened with
// the server's reasons at the top (k8s.io/kubectl/pkg/cmd/util/editor).
import type { KubeObject, Status } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { toYaml } from '../../printers';
import { decodeYamlDocument } from '../../resources/manifests-yaml';
import { resourceAndGroup } from '../../resources/rest-mapper';
import { printResult } from './output';
import { readTargets, type Target, patchRequest } from './targets';
import { threeWayMergePatch } from './three-way-patch';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

function header(reasons: Reason[]): string {
  let text = HEADER;
  for (const reason of reasons) {
    text += reason.other.length ? `# ${reason.head}:\n` : `# ${reason.head}\n`;
    for (const other of reason.other) text += `# * ${other}\n`;
    text += '#\n';
  }
  return text;
}

/** cmdutil.StripComments: what is left without comment lines. */
const stripComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');

/** cmdutil.ManualStrip: drops the header's comment lines before reopening. */
const manualStrip = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');

function invalidReason(target: Target, status: Status): Reason {
  return {
    head: `${resourceAndGroup(target.mapping)} ${JSON.stringify(target.name)} was not valid`,
    other: (status.details?.causes ?? []).map((cause) => `${cause.field ?? ''}: ${cause.message ?? ''}`),
  };
}

async function editOne(inv: Invocation, target: Target, file: string): Promise<number> {
  const live = inv.client.get(target.mapping, target.namespace, target.name);
  const original = toYaml(live);
  let buffer = HEADER + original;
  let previous: string | undefined;
  for (;;) {
    const edited = (await inv.ctx.terminal.edit(file, buffer)) ?? buffer;
    if (previous !== undefined && stripComments(previous) === stripComments(edited)) {
      inv.ctx.files.write(file, edited);
      inv.err(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
      throw new KubectlError('error: Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(original) === stripComments(edited)) {
      inv.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (stripComments(edited).trim() === '') {
      inv.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    const decoded = decodeYamlDocument(stripComments(edited));
    let reason: Reason | undefined;
    if (!decoded.ok)
      reason = {
        head: `The edited file had a syntax error: error converting YAML to JSON: ${decoded.error}`,
        other: [],
      };
    else {
      const patch = threeWayMergePatch(live, decoded.value as never, live);
      const response = inv.client.send(
        patchRequest(
          target,
          target.mapping.group === '' || target.mapping.group === 'apps' ? 'strategic' : 'merge',
          patch,
          { fieldManager: 'kubectl-edit' },
        ),
      );
      if (!isStatus(response.body) || response.status < 300) {
        printResult(inv, response.body as KubeObject, { operation: 'edited', dryRun: 'none' });
        return 0;
      }
      if (response.body.reason !== 'Invalid') {
        inv.err(
          `error: ${resourceAndGroup(target.mapping)} ${JSON.stringify(target.name)} could not be patched: ${statusMessage(response.body)}\n`,
        );
        inv.ctx.files.write(file, edited);
        inv.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
        return 1;
      }
      inv.err(`error: ${resourceAndGroup(target.mapping)} ${JSON.stringify(target.name)} is invalid\n`);
      reason = invalidReason(target, response.body);
    }
    buffer = header([reason]) + manualStrip(edited);
    previous = edited;
  }
}

export const edit: KubectlCommand = {
  path: 'edit',
  async run(inv) {
    const targets = await readTargets(inv);
    let code = 0;
    for (const target of targets) {
      const file = `/tmp/kubectl-edit-${String(inv.ctx.clock.now() % 1_000_000_000).padStart(9, '0')}.yaml`;
      code = Math.max(code, await editOne(inv, target, file));
    }
    return code;
  },
};
