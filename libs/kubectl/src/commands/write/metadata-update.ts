// kubectl label and kubectl annotate: `key=value` and `key-` updates of an
// object's labels or annotations, sent as a JSON merge patch.
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { dryRunOf, outputFormatOf, printResult } from './output';
import { deepEqual } from './three-way-patch';
import { readTargets, patchRequest } from './targets';
import { ErrorList } from './write-errors';

type Field = 'labels' | 'annotations';

interface Updates {
  set: Array<[string, string]>;
  remove: string[];
}

function isUpdate(arg: string): boolean {
  return arg.includes('=') || arg.endsWith('-');
}

function parseUpdates(field: Field, specs: string[]): Updates {
  const updates: Updates = { set: [], remove: [] };
  for (const spec of specs) {
    const equals = spec.indexOf('=');
    if (equals !== -1) {
      const key = spec.slice(0, equals);
      if (key === '' || spec.indexOf('=', equals + 1) !== -1)
        throw new KubectlError(`error: invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${spec}`);
      updates.set.push([key, spec.slice(equals + 1)]);
    } else if (spec.endsWith('-')) updates.remove.push(spec.slice(0, -1));
    else throw new KubectlError(`error: unknown ${field === 'labels' ? 'label' : 'annotation'} spec: ${spec}`);
  }
  if (field === 'labels' && updates.set.some(([key]) => updates.remove.includes(key))) {
    throw new KubectlError('error: can not both modify and remove a label in the same command');
  }
  return updates;
}

function updated(
  inv: Invocation,
  field: Field,
  current: Record<string, string>,
  updates: Updates,
): Record<string, string> {
  const next = { ...current };
  if (!inv.bool('overwrite')) {
    const clashes = updates.set.filter(([key, value]) => key in current && current[key] !== value);
    if (clashes.length && field === 'labels') {
      const [key = ''] = clashes[0] ?? [];
      throw new KubectlError(`error: '${key}' already has a value (${current[key] ?? ''}), and --overwrite is false`);
    }
    if (clashes.length) {
      const list = clashes.map(([key]) => `'${key}' already has a value (${current[key] ?? ''})`).join('; ');
      throw new KubectlError(`error: --overwrite is false but found the following declared annotation(s): ${list}`);
    }
  }
  for (const [key, value] of updates.set) next[key] = value;
  for (const key of updates.remove) {
    if (field === 'labels' && !(key in next)) inv.out(`label ${JSON.stringify(key)} not found.\n`);
    delete next[key];
  }
  return next;
}

function operation(
  field: Field,
  before: Record<string, string>,
  after: Record<string, string>,
  overwrite: boolean,
): string {
  if (field === 'annotations') return 'annotated';
  if (deepEqual(before, after)) return 'not labeled';
  return !overwrite && Object.keys(after).length < Object.keys(before).length ? 'unlabeled' : 'labeled';
}

function metadataCommand(path: 'label' | 'annotate', field: Field): KubectlCommand {
  return {
    path,
    async run(inv) {
      const dryRun = dryRunOf(inv);
      outputFormatOf(inv);
      const hasFiles = inv.strings('filename').length > 0;
      const firstUpdate = hasFiles ? 0 : inv.args.findIndex((arg, index) => index > 0 && isUpdate(arg));
      const resourceArgs = firstUpdate === -1 ? inv.args : inv.args.slice(0, firstUpdate);
      const specs = firstUpdate === -1 ? [] : inv.args.slice(firstUpdate);
      if (inv.bool('all') && inv.string('selector'))
        throw new KubectlError('error: cannot set --all and --selector at the same time');
      if (!hasFiles && resourceArgs.length === 0) {
        throw new KubectlError(
          'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
        );
      }
      if (specs.length === 0 && !inv.bool('list')) {
        throw new KubectlError(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
      }
      const updates = parseUpdates(field, specs);
      const targets = await readTargets(inv, {
        args: resourceArgs,
        selector: inv.string('selector'),
        all: inv.bool('all'),
      });
      const errors = new ErrorList();
      for (const target of targets) {
        try {
          const live = inv.client.get(target.mapping, target.namespace, target.name);
          const before = live.metadata?.[field] ?? {};
          const after = updated(inv, field, before, updates);
          const patch = {
            metadata: {
              [field]: Object.fromEntries(
                Object.keys({ ...before, ...after })
                  .filter((key) => before[key] !== after[key])
                  .map((key) => [key, after[key] ?? null]),
              ),
            },
          };
          let result: KubeObject = { ...live, metadata: { ...live.metadata, [field]: after } };
          if (dryRun !== 'client' && Object.keys(patch.metadata[field] ?? {}).length) {
            const response = inv.client.send(
              patchRequest(target, 'merge', patch, {
                ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}),
                fieldManager: `kubectl-${path}`,
              }),
            );
            if (isStatus(response.body) && response.status >= 300) throw new KubectlError(statusMessage(response.body));
            result = response.body as KubeObject;
          }
          printResult(inv, result, { operation: operation(field, before, after, inv.bool('overwrite')), dryRun });
        } catch (error) {
          if (!(error instanceof KubectlError)) throw error;
          errors.add(error.message);
        }
      }
      errors.finish();
    },
  };
}

export const label = metadataCommand('label', 'labels');
export const annotate = metadataCommand('annotate', 'annotations');
