// `kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs a
// command in a running container through the terminal (a shell or one
// program), with kubectl's messages for every way it can fail.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError, usageError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';

interface PodShape {
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
  spec?: { containers?: Array<{ name?: string }>; selector?: unknown };
  status?: {
    phase?: string;
    containerStatuses?: Array<{ name?: string; state?: { running?: unknown } }>;
  };
}

/** `deploy/web`, `svc/web`, `rs/x`: the first pod the object selects, as kubectl's polymorphic helper picks it. */
function podFor(inv: Invocation, target: string): PodShape {
  const slash = target.indexOf('/');
  if (slash === -1) return inv.client.get(inv.mapper.require('pods'), inv.namespace, target);
  const mapping = inv.mapper.require(target.slice(0, slash));
  const object = inv.client.get(mapping, inv.namespace, target.slice(slash + 1));
  if (mapping.resource === 'pods') return object;
  const selector = selectorOf(object);
  if (!selector)
    throw new KubectlError(`error: cannot attach to ${mapping.kind}: selector for ${mapping.kind} not implemented`);
  const pods: PodShape[] = inv.client.list(inv.mapper.require('pods'), inv.namespace, {
    labelSelector: selector,
  }).items;
  const running = pods.filter((pod) => pod.status?.phase === 'Running');
  const pod = (running.length ? running : pods).sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  )[0];
  if (!pod) throw new KubectlError(`error: no pods found for ${target}`);
  return pod;
}

function selectorOf(object: KubeObject): string | undefined {
  const spec = object.spec as { selector?: Record<string, unknown> } | undefined;
  const selector = spec?.selector;
  if (!selector) return undefined;
  const labels = (selector.matchLabels as Record<string, string> | undefined) ?? (selector as Record<string, string>);
  const pairs = Object.entries(labels).filter(([, value]) => typeof value === 'string');
  return pairs.length ? pairs.map(([key, value]) => `${key}=${value}`).join(',') : undefined;
}

/** The container: -c, the default-container annotation, or the first (saying so when there are several). */
function containerOf(inv: Invocation, pod: PodShape): string {
  const names = (pod.spec?.containers ?? []).map((container) => container.name ?? '');
  const requested = inv.string('container');
  if (requested) {
    if (!names.includes(requested)) {
      throw new KubectlError(`error: container ${requested} not found in pod ${pod.metadata?.name ?? ''}`);
    }
    return requested;
  }
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return annotated;
  const [first = ''] = names;
  if (names.length > 1 && !inv.bool('quiet')) inv.err(`Defaulted container "${first}" out of: ${names.join(', ')}\n`);
  return first;
}

async function runExec(inv: Invocation): Promise<number> {
  const dash = inv.argsLenAtDash;
  const before = dash === -1 ? inv.args : inv.args.slice(0, dash);
  const command = dash === -1 ? inv.args.slice(1) : inv.args.slice(dash);
  const target = before[0] ?? (inv.strings('filename')[0] ? '' : undefined);
  if (target === undefined) throw new KubectlError('error: pod, type/name or --filename must be specified');
  if (dash === -1 && command.length > 0) {
    throw usageError('exec', 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  }
  if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
  const pod = podFor(inv, target);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const container = containerOf(inv, pod);
  const running = (pod.status?.containerStatuses ?? []).some(
    (status) => status.name === container && status.state?.running,
  );
  if (!running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${container}")`);
  let tty = inv.bool('tty');
  if (tty && !inv.ctx.stdin.isTTY) {
    inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const namespace = pod.metadata?.namespace ?? inv.namespace;
  const code = await inv.ctx.terminal.execInContainer(
    { namespace, pod: pod.metadata?.name ?? '', container, tty },
    command,
  );
  if (code !== 0) throw new KubectlError(`command terminated with exit code ${code}`, code);
  return 0;
}

export const execCommand: KubectlCommand = { path: 'exec', run: runExec };
