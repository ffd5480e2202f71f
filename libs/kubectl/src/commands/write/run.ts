// kubectl run NAME --image=image [--port] [--expose] [--labels] [--env] [--restart] [-i -t --rm] [-- args]
// (k8s.io/kubectl/pkg/cmd/run and the run-pod/v1 generator of v1.32).
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { applyOverrides } from './overrides';
import { dryRunOf, printResult, type DryRun } from './output';
import { attachToRunPod } from './run-attach';
import { parseLabelSpec } from './labels-spec';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function parseEnvs(values: string[]): Array<{ name: string; value: string }> {
  return values.map((env) => {
    const equals = env.indexOf('=');
    const name = equals === -1 ? '' : env.slice(0, equals);
    if (!ENV_NAME.test(name)) throw new KubectlError(`error: invalid env: ${env}`);
    return { name, value: env.slice(equals + 1) };
  });
}

function parsePairs(values: string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const pairs: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals <= 0) throw new KubectlError(`error: invalid annotation spec: ${value}`);
    pairs[value.slice(0, equals)] = value.slice(equals + 1);
  }
  return pairs;
}

function podObject(inv: Invocation, name: string, labels: Record<string, string>, args: string[]): KubeObject {
  const port = inv.string('port');
  if (port !== '' && !/^[-+]?\d+$/.test(port))
    throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  const envs = parseEnvs(inv.strings('env'));
  const stdin = inv.bool('stdin');
  const annotations = parsePairs(inv.strings('annotations'));
  const pullPolicy = inv.string('image-pull-policy');
  const container: Record<string, unknown> = {
    name,
    image: inv.string('image'),
    ...(args.length ? (inv.bool('command') ? { command: args } : { args }) : {}),
    ...(port !== '' ? { ports: [{ containerPort: Number(port) }] } : {}),
    ...(envs.length ? { env: envs } : {}),
    resources: {},
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    ...(inv.bool('privileged') ? { securityContext: { privileged: true } } : {}),
    ...(stdin ? { stdin: true } : {}),
    ...(stdin && !inv.bool('leave-stdin-open') ? { stdinOnce: true } : {}),
    ...(inv.bool('tty') ? { tty: true } : {}),
  };
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(inv.explicitNamespace && dryRunOf(inv) === 'client' ? { namespace: inv.namespace } : {}),
      creationTimestamp: null,
      labels,
      ...(annotations ? { annotations } : {}),
    },
    spec: { containers: [container], restartPolicy: inv.string('restart') || 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

function serviceObject(inv: Invocation, name: string, labels: Record<string, string>): KubeObject {
  const port = Number(inv.string('port'));
  const explicit = inv.string('labels');
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(inv.explicitNamespace && dryRunOf(inv) === 'client' ? { namespace: inv.namespace } : {}),
      creationTimestamp: null,
      ...(explicit ? { labels: parseLabelSpec(explicit) } : {}),
    },
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: labels },
    status: { loadBalancer: {} },
  };
}

function create(inv: Invocation, object: KubeObject, resource: string, dryRun: DryRun): KubeObject {
  if (dryRun === 'client') return object;
  return inv.client.create(
    {
      group: '',
      version: 'v1',
      resource,
      kind: object.kind ?? '',
      namespaced: true,
      singular: '',
      shortNames: [],
      verbs: [],
      categories: [],
    },
    inv.namespace,
    object,
    { dryRun: dryRun === 'server', fieldManager: 'kubectl-run' },
  );
}

export const run: KubectlCommand = {
  path: 'run',
  async run(inv) {
    const [name] = inv.args;
    if (name === undefined || inv.argsLenAtDash === 0) throw inv.usageError('NAME is required for run');
    const image = inv.string('image');
    if (image === '') throw new KubectlError('error: --image is required');
    if (inv.bool('tty') && !inv.bool('stdin'))
      throw inv.usageError('-i/--stdin is required for containers with -t/--tty=true');
    if (inv.bool('expose') && inv.string('port') === '')
      throw inv.usageError('--port must be set when exposing a service');
    const restart = inv.string('restart');
    if (!['Always', 'OnFailure', 'Never', ''].includes(restart))
      throw inv.usageError(`invalid restart policy: ${restart}`);
    const attach = inv.changed('attach') ? inv.bool('attach') : inv.bool('stdin');
    if (!attach && inv.bool('rm')) throw inv.usageError('--rm should only be used for attached containers');
    const dryRun = dryRunOf(inv);
    if (attach && dryRun !== 'none') {
      throw inv.usageError(
        "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      );
    }
    const labelSpec = inv.string('labels');
    const labels = labelSpec ? parseLabelSpec(labelSpec) : { run: name };
    const pod = create(inv, applyOverrides(inv, podObject(inv, name, labels, inv.args.slice(1))), 'pods', dryRun);
    const created: Array<{ resource: string; object: KubeObject }> = [{ resource: 'pods', object: pod }];
    if (inv.bool('expose')) {
      const service = create(inv, serviceObject(inv, name, labels), 'services', dryRun);
      created.push({ resource: 'services', object: service });
      printResult(inv, service, { operation: 'created', dryRun, typed: true });
      if (inv.string('output') === 'yaml') inv.out('---\n');
    }
    if (attach)
      return attachToRunPod(
        inv,
        pod,
        created.map((entry) => entry.resource),
      );
    printResult(inv, pod, { operation: 'created', dryRun, typed: true });
    return 0;
  },
};
