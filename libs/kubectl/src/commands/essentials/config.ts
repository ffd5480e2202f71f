// `kubectl config view|current-context|get-contexts|get-clusters|get-users|
// set-context|use-context` on the sandbox's kubeconfig (kubeadm's admin.conf).
import { KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { objectPrinter, parseOutputFlag } from '../../cli/object-output';
import type { KubeconfigState } from '../../context';
import { kubectlTabWriter } from '../../printers/tabwriter';

const OMITTED = 'DATA+OMITTED';

/** The kubeconfig as `config view` prints it (certificate data omitted unless --raw). */
function configDocument(config: KubeconfigState, options: { raw: boolean; minify: boolean }): Record<string, unknown> {
  const data = (value: string | undefined) => (options.raw ? (value ?? '') : OMITTED);
  const current = config.contexts.find((context) => context.name === config.currentContext);
  const contexts = options.minify ? (current ? [current] : []) : config.contexts;
  const clusters = options.minify
    ? config.clusters.filter((cluster) => cluster.name === current?.cluster)
    : config.clusters;
  const users = options.minify ? config.users.filter((user) => user.name === current?.user) : config.users;
  return {
    apiVersion: 'v1',
    clusters: clusters.map((cluster) => ({
      cluster: {
        ...(cluster.certificateAuthorityData
          ? { 'certificate-authority-data': data(cluster.certificateAuthorityData) }
          : {}),
        server: cluster.server,
      },
      name: cluster.name,
    })),
    contexts: contexts.map((context) => ({
      context: {
        cluster: context.cluster,
        ...(context.namespace ? { namespace: context.namespace } : {}),
        user: context.user,
      },
      name: context.name,
    })),
    'current-context': config.currentContext,
    kind: 'Config',
    preferences: {},
    users: users.map((user) => ({
      name: user.name,
      user: {
        ...(user.clientCertificateData ? { 'client-certificate-data': data(user.clientCertificateData) } : {}),
        ...(user.clientKeyData ? { 'client-key-data': data(user.clientKeyData) } : {}),
      },
    })),
  };
}

function view(inv: Invocation): number {
  const format = parseOutputFlag(inv);
  const document = configDocument(inv.ctx.kubeconfig, { raw: inv.bool('raw'), minify: inv.bool('minify') });
  inv.out(objectPrinter(inv, format.kind === 'default' ? { kind: 'yaml' } : format).print(document));
  return 0;
}

function currentContext(inv: Invocation): number {
  const current = inv.ctx.kubeconfig.currentContext;
  if (!current) throw new KubectlError('error: current-context is not set');
  inv.out(`${current}\n`);
  return 0;
}

function getContexts(inv: Invocation): number {
  const config = inv.ctx.kubeconfig;
  const wanted = inv.args;
  const missing = wanted.find((name) => !config.contexts.some((context) => context.name === name));
  if (missing) throw new KubectlError(`error: context ${missing} not found`);
  const contexts = config.contexts.filter((context) => wanted.length === 0 || wanted.includes(context.name));
  if (inv.string('output') === 'name') {
    inv.out(contexts.map((context) => `${context.name}\n`).join(''));
    return 0;
  }
  const writer = kubectlTabWriter();
  if (!inv.bool('no-headers')) writer.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
  for (const context of contexts) {
    const marker = context.name === config.currentContext ? '*' : '';
    writer.write(`${marker}\t${context.name}\t${context.cluster}\t${context.user}\t${context.namespace ?? ''}\n`);
  }
  inv.out(writer.flush());
  return 0;
}

function listNames(title: string, names: readonly string[]) {
  return (inv: Invocation): number => {
    inv.out(`${title}\n${names.map((name) => `${name}\n`).join('')}`);
    return 0;
  };
}

function setContext(inv: Invocation): number {
  const config = inv.ctx.kubeconfig;
  const current = inv.bool('current');
  const [name = current ? config.currentContext : undefined] = inv.args;
  if (current && inv.args.length > 0) throw new KubectlError('error: you cannot specify a context name and --current');
  if (!name) throw new KubectlError('error: you must specify a non-empty context name or --current');
  const existing = config.contexts.find((context) => context.name === name);
  const context = existing ?? { name, cluster: '', user: '' };
  if (inv.changed('cluster')) context.cluster = inv.string('cluster');
  if (inv.changed('user')) context.user = inv.string('user');
  if (inv.changed('namespace')) {
    const namespace = inv.string('namespace');
    if (namespace) context.namespace = namespace;
    else delete context.namespace;
  }
  if (!existing) config.contexts.push(context);
  inv.out(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
  return 0;
}

function useContext(inv: Invocation): number {
  const [name] = inv.args;
  const config = inv.ctx.kubeconfig;
  if (!name) throw inv.usageError('Unexpected args: []');
  if (!config.contexts.some((context) => context.name === name)) {
    throw new KubectlError(`error: no context exists with the name: "${name}"`);
  }
  config.currentContext = name;
  inv.out(`Switched to context "${name}".\n`);
  return 0;
}

export const configCommands: KubectlCommand[] = [
  { path: 'config view', run: view },
  { path: 'config current-context', run: currentContext },
  { path: 'config get-contexts', run: getContexts },
  {
    path: 'config get-clusters',
    run: (inv) =>
      listNames(
        'NAME',
        inv.ctx.kubeconfig.clusters.map((cluster) => cluster.name),
      )(inv),
  },
  {
    path: 'config get-users',
    run: (inv) =>
      listNames(
        'NAME',
        inv.ctx.kubeconfig.users.map((user) => user.name),
      )(inv),
  },
  { path: 'config set-context', run: setContext },
  { path: 'config use-context', run: useContext },
];
