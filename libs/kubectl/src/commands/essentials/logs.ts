// `kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [-f] [-p] [--tail N]`: the
// pods/log subresource; with -f, new lines as they are written.
import type { RequestQuery } from '@kubelab/cluster';
import { isStatus, KubectlError, statusError, usageError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { parseGoDuration } from '../../cli/flags';

const NO_POD =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface PodShape {
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { containers?: Array<{ name?: string }> };
}

function podsFor(inv: Invocation): PodShape[] {
  const selector = inv.string('selector');
  const pods = inv.mapper.require('pods');
  if (selector) return inv.client.list(pods, inv.namespace, { labelSelector: selector }).items;
  const [target] = inv.args;
  if (target === undefined) throw usageError('logs', NO_POD);
  const slash = target.indexOf('/');
  if (slash === -1) return [inv.client.get(pods, inv.namespace, target)];
  const mapping = inv.mapper.require(target.slice(0, slash));
  const object = inv.client.get(mapping, inv.namespace, target.slice(slash + 1));
  if (mapping.resource === 'pods') return [object];
  const spec = object.spec as
    { selector?: { matchLabels?: Record<string, string> } & Record<string, unknown> } | undefined;
  const labels = spec?.selector?.matchLabels ?? (spec?.selector as Record<string, string> | undefined) ?? {};
  const labelSelector = Object.entries(labels)
    .filter(([, value]) => typeof value === 'string')
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const matching = inv.client
    .list(pods, inv.namespace, { labelSelector })
    .items.sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  const [first] = matching;
  if (!first) throw new KubectlError(`error: timed out waiting for the condition`);
  if (matching.length > 1) inv.err(`Found ${matching.length} pods, using pod/${first.metadata?.name ?? ''}\n`);
  return [first];
}

function containerOf(inv: Invocation, pod: PodShape): string {
  const names = (pod.spec?.containers ?? []).map((container) => container.name ?? '');
  const requested = inv.string('container');
  if (requested) return requested;
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return annotated;
  const [first = ''] = names;
  if (names.length > 1 && !inv.bool('all-containers')) {
    inv.err(`Defaulted container "${first}" out of: ${names.join(', ')}\n`);
  }
  return first;
}

function query(inv: Invocation, container: string, selector: boolean): RequestQuery {
  const tail = inv.changed('tail') ? inv.int('tail') : selector ? 10 : -1;
  const since = inv.string('since');
  const sinceMs = since ? parseGoDuration(since) : undefined;
  if (since && sinceMs === undefined)
    throw new KubectlError(`error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`);
  return {
    container,
    ...(tail >= 0 ? { tailLines: tail } : {}),
    ...(inv.bool('previous') ? { previous: true } : {}),
    ...(inv.bool('timestamps') ? { timestamps: true } : {}),
    ...(sinceMs !== undefined ? { sinceSeconds: Math.max(1, Math.ceil(sinceMs / 1000)) } : {}),
  };
}

function fetchLogs(inv: Invocation, pod: string, logQuery: RequestQuery): string {
  const response = inv.client.send({
    verb: 'get',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: inv.namespace,
    name: pod,
    subresource: 'log',
    query: logQuery,
  });
  if (isStatus(response.body) && response.status >= 300) throw statusError(response.body);
  return typeof response.body === 'string' ? response.body : '';
}

async function runLogs(inv: Invocation): Promise<number> {
  if (inv.args.length === 0 && !inv.string('selector')) throw usageError('logs', NO_POD);
  const pods = podsFor(inv);
  const selector = Boolean(inv.string('selector'));
  const follow = pods.length === 1 && inv.bool('follow') ? pods[0] : undefined;
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const text = fetchLogs(inv, name, query(inv, containerOf(inv, pod), selector));
    inv.out(inv.bool('prefix') ? text.replace(/^(?=.)/gm, `[pod/${name}/${containerOf(inv, pod)}] `) : text);
  }
  if (!follow) return 0;
  const name = follow.metadata?.name ?? '';
  const container = containerOf(inv, follow);
  let seen = fetchLogs(inv, name, { container });
  while (!inv.ctx.signal.aborted && (await inv.ctx.clock.sleep(1000, { stream: true }))) {
    const now = fetchLogs(inv, name, { container });
    if (now.startsWith(seen)) inv.out(now.slice(seen.length));
    seen = now;
  }
  return 0;
}

export const logsCommand: KubectlCommand = { path: 'logs', run: runLogs };
