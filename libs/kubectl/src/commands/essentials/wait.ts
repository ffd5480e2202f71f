// `kubectl wait --for=condition=Ready|delete|jsonpath='{...}'=value`: polls
// the objects on the cluster's clock until the condition holds or --timeout
// (30s by default) runs out.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { compileJsonPath, executeJsonPath, PrinterError } from '../../printers';
import { selectResources } from '../../resources/builder';
import { kindAndGroup, type ResourceMapping } from '../../resources/rest-mapper';

type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; template: string; value: string | undefined };

function parseFor(text: string): Condition {
  if (text.toLowerCase() === 'delete') return { kind: 'delete' };
  if (text.toLowerCase() === 'create') return { kind: 'create' };
  const condition = /^condition=([^=]+)(?:=(.*))?$/.exec(text);
  if (condition) return { kind: 'condition', type: condition[1] ?? '', value: condition[2] ?? 'True' };
  const jsonpath = /^jsonpath=(.+?)(?:=([^=}]*))?$/.exec(text);
  if (jsonpath) {
    const raw = jsonpath[1] ?? '';
    const template = raw.startsWith('{') ? raw : `{${raw}}`;
    try {
      compileJsonPath(template);
    } catch (error) {
      if (error instanceof PrinterError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
    return { kind: 'jsonpath', template, value: jsonpath[2] };
  }
  throw new KubectlError(`error: unrecognized condition: "${text}"`);
}

function holds(condition: Condition, object: KubeObject | undefined): boolean {
  if (condition.kind === 'delete') return object === undefined;
  if (!object) return false;
  if (condition.kind === 'create') return true;
  if (condition.kind === 'condition') {
    const conditions =
      (object.status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)?.conditions ?? [];
    return conditions.some(
      (candidate) =>
        candidate.type?.toLowerCase() === condition.type.toLowerCase() &&
        candidate.status?.toLowerCase() === condition.value.toLowerCase(),
    );
  }
  try {
    const text = executeJsonPath(compileJsonPath(condition.template), object, { allowMissingKeys: true });
    return condition.value === undefined ? text !== '' : text === condition.value;
  } catch {
    return false;
  }
}

function targets(inv: Invocation): Array<{ mapping: ResourceMapping; name: string }> {
  const selector = inv.string('selector');
  const all = inv.bool('all');
  const found: Array<{ mapping: ResourceMapping; name: string }> = [];
  for (const selection of selectResources(inv.mapper, inv.args)) {
    if (selection.names) {
      for (const name of selection.names) found.push({ mapping: selection.mapping, name });
      continue;
    }
    if (!selector && !all) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const list = inv.client.list(selection.mapping, inv.namespace, selector ? { labelSelector: selector } : {});
    for (const item of list.items) found.push({ mapping: selection.mapping, name: item.metadata?.name ?? '' });
  }
  return found;
}

async function runWait(inv: Invocation): Promise<number> {
  const forFlag = inv.string('for');
  if (!forFlag) throw new KubectlError('error: --for must be specified');
  const condition = parseFor(forFlag);
  if (inv.args.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const found = targets(inv);
  if (found.length === 0) throw new KubectlError('error: no matching resources found');
  const timeoutMs = inv.changed('timeout') ? inv.int('timeout') : 30_000;
  const deadline = inv.ctx.clock.now() + timeoutMs;
  for (const { mapping, name } of found) {
    for (;;) {
      const object = inv.client.tryGet(mapping, inv.namespace, name);
      if (
        condition.kind !== 'delete' &&
        condition.kind !== 'create' &&
        !object &&
        inv.ctx.clock.now() === deadline - timeoutMs
      ) {
        throw new KubectlError(
          `Error from server (NotFound): ${mapping.resource}${mapping.group ? `.${mapping.group}` : ''} "${name}" not found`,
        );
      }
      if (holds(condition, object)) {
        inv.out(`${kindAndGroup(mapping)}/${name} ${condition.kind === 'delete' ? 'deleted' : 'condition met'}\n`);
        break;
      }
      if (inv.ctx.clock.now() >= deadline) {
        throw new KubectlError(
          `error: timed out waiting for the condition on ${mapping.resource}${mapping.group ? `.${mapping.group}` : ''}/${name}`,
        );
      }
      if (!(await inv.ctx.clock.sleep(Math.min(1000, deadline - inv.ctx.clock.now())))) return 130;
    }
  }
  return 0;
}

export const waitCommand: KubectlCommand = { path: 'wait', run: runWait };
