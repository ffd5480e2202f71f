// `kubectl set env` (environment variables of pod templates: set, remove,
// import from a ConfigMap or Secret, --list) and `kubectl set selector`
// (a Service's selector), as pkg/cmd/set does them.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { selectResources } from '../../resources/builder';
import type { ResourceMapping } from '../../resources/rest-mapper';
import { dryRunOf, printResult, type DryRun } from './output';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

interface ContainerShape {
  name?: string;
  env?: EnvVar[];
}

const KEY_VALUE = /^([^=]+)=(.*)$/s;

/** Splits `TYPE/NAME ... KEY=VALUE ... KEY-` into the objects and the changes. */
function splitArgs(args: readonly string[]): { resources: string[]; set: EnvVar[]; remove: string[] } {
  const resources: string[] = [];
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const arg of args) {
    const pair = KEY_VALUE.exec(arg);
    if (pair) set.push({ name: pair[1] ?? '', value: pair[2] ?? '' });
    else if (arg.endsWith('-') && arg.length > 1) remove.push(arg.slice(0, -1));
    else {
      if (set.length || remove.length) {
        throw new KubectlError(`error: all resources must be specified before environment changes: ${args.join(' ')}`);
      }
      resources.push(arg);
    }
  }
  return { resources, set, remove };
}

function templateOf(object: KubeObject): { containers: ContainerShape[]; path: string } {
  if (object.kind === 'Pod')
    return {
      containers: (object.spec as { containers?: ContainerShape[] } | undefined)?.containers ?? [],
      path: '/spec/containers',
    };
  const spec = object.spec as { template?: { spec?: { containers?: ContainerShape[] } } } | undefined;
  return { containers: spec?.template?.spec?.containers ?? [], path: '/spec/template/spec/containers' };
}

/** Variables imported with --from (keys of a ConfigMap or Secret, as references). */
function importedVariables(inv: Invocation): EnvVar[] {
  const from = inv.string('from');
  if (!from) return [];
  const [kind = '', name = ''] = from.split('/');
  const isSecret = kind === 'secret' || kind === 'secrets';
  if (!isSecret && kind !== 'configmap' && kind !== 'configmaps' && kind !== 'cm') {
    throw new KubectlError('error: unsupported resource specified in --from');
  }
  const source = inv.client.get(inv.mapper.require(isSecret ? 'secrets' : 'configmaps'), inv.namespace, name);
  const keys = Object.keys((source as { data?: Record<string, string> }).data ?? {}).sort();
  const wanted = inv.strings('keys');
  const prefix = inv.string('prefix');
  return keys
    .filter((key) => wanted.length === 0 || wanted.includes(key))
    .map((key) => ({
      name: `${prefix}${key.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`,
      valueFrom: { [isSecret ? 'secretKeyRef' : 'configMapKeyRef']: { key, name } },
    }));
}

function updateEnv(existing: readonly EnvVar[], set: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const result = existing.filter((variable) => !remove.includes(variable.name)).map((variable) => ({ ...variable }));
  for (const variable of set) {
    const index = result.findIndex((candidate) => candidate.name === variable.name);
    if (index === -1) result.push(variable);
    else result[index] = variable;
  }
  return result;
}

function refString(valueFrom: Record<string, unknown>): string {
  const [kind = '', ref = {}] = Object.entries(valueFrom)[0] ?? [];
  const { name, key, fieldPath } = ref as { name?: string; key?: string; fieldPath?: string };
  if (kind === 'fieldRef') return `field path ${fieldPath ?? ''}`;
  return `${kind === 'secretKeyRef' ? 'secret' : 'configmap'} ${name ?? ''}, key ${key ?? ''}`;
}

function targets(inv: Invocation, resources: string[]): Array<{ mapping: ResourceMapping; object: KubeObject }> {
  if (resources.length === 0) {
    throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  return selectResources(inv.mapper, resources).flatMap(({ mapping, names }) =>
    names
      ? names.map((name) => ({ mapping, object: inv.client.get(mapping, inv.namespace, name) }))
      : inv.client
          .list(mapping, inv.namespace, inv.string('selector') ? { labelSelector: inv.string('selector') } : {})
          .items.map((object) => ({ mapping, object })),
  );
}

/** Sends a JSON patch (unless a client dry run) and prints `<kind>/<name> <operation>`. */
function sendAndPrint(
  inv: Invocation,
  target: { mapping: ResourceMapping; object: KubeObject },
  patch: unknown[],
  operation: string,
  dryRun: DryRun,
): void {
  const { mapping, object } = target;
  const updated =
    dryRun === 'client'
      ? object
      : inv.client.patch(mapping, inv.namespace, object.metadata?.name ?? '', 'json', patch, {
          dryRun: dryRun === 'server',
          fieldManager: 'kubectl-set',
        });
  printResult(inv, updated, { operation, dryRun });
}

function runSetEnv(inv: Invocation): number {
  const { resources, set, remove } = splitArgs(inv.args);
  for (const entry of inv.strings('env')) {
    const pair = KEY_VALUE.exec(entry);
    if (pair) set.push({ name: pair[1] ?? '', value: pair[2] ?? '' });
  }
  set.push(...importedVariables(inv));
  const list = inv.bool('list');
  if (list && inv.string('output')) throw new KubectlError('error: --list and --output may not be specified together');
  const dryRun = dryRunOf(inv);
  const pattern = inv.string('containers') || '*';
  const matches = (name: string) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name);
  for (const { mapping, object } of targets(inv, resources)) {
    const { containers, path } = templateOf(object);
    const patches: unknown[] = [];
    containers.forEach((container, index) => {
      if (!matches(container.name ?? '')) return;
      if (!inv.bool('overwrite')) {
        for (const variable of set) {
          const current = container.env?.find((candidate) => candidate.name === variable.name);
          if (current && current.value !== variable.value) {
            throw new KubectlError(
              `error: '${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`,
            );
          }
        }
      }
      const env = updateEnv(container.env ?? [], set, remove);
      if (list) {
        inv.out(`# ${object.kind ?? ''} ${object.metadata?.name ?? ''}, container ${container.name ?? ''}\n`);
        for (const variable of env) {
          inv.out(
            variable.valueFrom
              ? `# ${variable.name} from ${refString(variable.valueFrom)}\n`
              : `${variable.name}=${variable.value ?? ''}\n`,
          );
        }
        return;
      }
      if (JSON.stringify(env) !== JSON.stringify(container.env ?? []))
        patches.push({ op: container.env ? 'replace' : 'add', path: `${path}/${index}/env`, value: env });
    });
    if (list || patches.length === 0) continue;
    if (set.length === 0 && remove.length === 0)
      throw new KubectlError('error: at least one environment variable must be provided');
    sendAndPrint(inv, { mapping, object }, patches, 'env updated', dryRun);
  }
  return 0;
}

interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** metav1.ParseToLabelSelector: `a=b,c==d` become matchLabels; `e!=f`, `g`, `!h`, `i in (j,k)` expressions. */
function parseSelectorExpression(text: string): {
  matchLabels: Record<string, string>;
  expressions: SelectorRequirement[];
} {
  const matchLabels: Record<string, string> = {};
  const expressions: SelectorRequirement[] = [];
  const terms = text.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  for (const raw of terms.map((term) => term.trim()).filter(Boolean)) {
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(raw);
    const pair = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(raw);
    if (set) {
      const values = (set[3] ?? '')
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean);
      expressions.push({ key: set[1] ?? '', operator: set[2] === 'in' ? 'In' : 'NotIn', values });
    } else if (pair && pair[2] === '!=')
      expressions.push({ key: pair[1] ?? '', operator: 'NotIn', values: [pair[3] ?? ''] });
    else if (pair) matchLabels[pair[1] ?? ''] = pair[3] ?? '';
    else if (raw.startsWith('!')) expressions.push({ key: raw.slice(1), operator: 'DoesNotExist', values: [] });
    else expressions.push({ key: raw, operator: 'Exists', values: [] });
  }
  return { matchLabels, expressions };
}

function runSetSelector(inv: Invocation): number {
  if (inv.args.length > 0 && !inv.args.some((arg) => arg.includes('='))) {
    throw inv.usageError('expected (TYPE NAME|TYPE/NAME) SELECTOR');
  }
  // The last argument is the selector; everything before it names the resources.
  const resources = inv.args.slice(0, -1);
  const { matchLabels: selector, expressions } = parseSelectorExpression(inv.args[inv.args.length - 1] ?? '');
  const dryRun = dryRunOf(inv);
  for (const { mapping, object } of targets(inv, resources)) {
    if (mapping.kind === 'Service' && expressions.length > 0) {
      const shown = expressions.map((e) => `{${e.key} ${e.operator} [${e.values.join(' ')}]}`).join(' ');
      throw new KubectlError(`error: match expression [${shown}] not supported on this object`);
    }
    const value = mapping.kind === 'Service' ? selector : { matchLabels: selector };
    sendAndPrint(
      inv,
      { mapping, object },
      [{ op: 'replace', path: '/spec/selector', value }],
      'selector updated',
      dryRun,
    );
  }
  return 0;
}

export const setEnv: KubectlCommand = { path: 'set env', run: runSetEnv };
export const setSelector: KubectlCommand = { path: 'set selector', run: runSetSelector };
