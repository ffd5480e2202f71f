// kubectl delete (TYPE NAME... | TYPE/NAME | -f FILE | TYPE -l selector | TYPE --all)
// [--grace-period] [--now] [--force] [--wait] [--ignore-not-found]
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { kindAndGroup, resourceAndGroup } from '../../resources/rest-mapper';
import { dryRunOf, type DryRun } from './output';
import { readTargets, type Target } from './targets';
import { ErrorList } from './write-errors';

const POLL_MS = 1000;

function gracePeriodOf(inv: Invocation): number {
  let grace = inv.changed('grace-period') ? inv.int('grace-period') : -1;
  if (inv.bool('now')) {
    if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = inv.bool('force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0)
    throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
  if (force && grace === 0) {
    inv.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  }
  return grace;
}

function deleteOne(inv: Invocation, target: Target, grace: number, dryRun: DryRun): boolean {
  const response = inv.client.send({
    verb: 'delete',
    group: target.mapping.group,
    version: target.mapping.version,
    resource: target.mapping.resource,
    ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
    name: target.name,
    query: {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      propagationPolicy: cascadeOf(inv),
      ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}),
    },
  });
  if (isStatus(response.body) && response.status >= 300) {
    if (response.status === 404 && inv.bool('ignore-not-found')) return false;
    throw new KubectlError(statusMessage(response.body));
  }
  printDeleted(inv, target, grace, dryRun);
  return true;
}

function cascadeOf(inv: Invocation): 'Background' | 'Foreground' | 'Orphan' {
  const cascade = inv.string('cascade');
  if (cascade === 'orphan' || cascade === 'false') return 'Orphan';
  return cascade === 'foreground' ? 'Foreground' : 'Background';
}

function printDeleted(inv: Invocation, target: Target, grace: number, dryRun: DryRun): void {
  const kind = kindAndGroup(target.mapping);
  if (inv.string('output') === 'name') return inv.out(`${kind}/${target.name}\n`);
  let operation = grace === 0 ? 'force deleted' : 'deleted';
  if (dryRun === 'client') operation += ' (dry run)';
  if (dryRun === 'server') operation += ' (server dry run)';
  inv.out(`${kind} "${target.name}" ${operation}\n`);
}

/** Waits (on the cluster's clock) until every deleted object is gone, like `kubectl wait --for=delete`. */
async function waitForDeletion(inv: Invocation, targets: Target[]): Promise<void> {
  const timeout = inv.int('timeout');
  const deadline = timeout > 0 ? inv.ctx.clock.now() + timeout : Number.POSITIVE_INFINITY;
  for (const target of targets) {
    for (;;) {
      const gone = inv.client.tryGet(target.mapping, target.namespace, target.name) === undefined;
      if (gone) break;
      if (inv.ctx.clock.now() >= deadline) {
        throw new KubectlError(
          `error: timed out waiting for the condition on ${resourceAndGroup(target.mapping)}/${target.name}`,
        );
      }
      if (!(await inv.ctx.clock.sleep(POLL_MS))) throw new KubectlError('', 130);
    }
  }
}

export const deleteCommand: KubectlCommand = {
  path: 'delete',
  async run(inv) {
    const output = inv.string('output');
    if (output !== '' && output !== 'name')
      throw new KubectlError(`error: unexpected -o output mode: ${output}. We only support '-o name'`);
    const selector = inv.string('selector');
    const all = inv.bool('all');
    if (all && selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
    const grace = gracePeriodOf(inv);
    const dryRun = dryRunOf(inv);
    const errors = new ErrorList();
    let targets: Target[];
    try {
      targets = await readTargets(inv, { selector, all });
    } catch (error) {
      if (
        error instanceof KubectlError &&
        error.message.startsWith('Error from server (NotFound)') &&
        inv.bool('ignore-not-found')
      )
        return 0;
      throw error;
    }
    const deleted: Target[] = [];
    for (const target of targets) {
      try {
        if (dryRun === 'client') {
          if (inv.client.tryGet(target.mapping, target.namespace, target.name) === undefined) {
            if (!inv.bool('ignore-not-found'))
              errors.add(
                `Error from server (NotFound): ${resourceAndGroup(target.mapping)} "${target.name}" not found`,
              );
            continue;
          }
          printDeleted(inv, target, grace, dryRun);
        } else if (deleteOne(inv, target, grace, dryRun)) deleted.push(target);
      } catch (error) {
        if (!(error instanceof KubectlError)) throw error;
        errors.add(error.message);
      }
    }
    if (targets.length === 0) inv.out('No resources found\n');
    const wait = !inv.changed('wait') || inv.bool('wait');
    if (wait && dryRun === 'none' && deleted.length) await waitForDeletion(inv, deleted);
    errors.finish();
    return 0;
  },
};
