// A sandbox prepared before the learner arrives: the cluster's shape, objects
// already created, files in the home directory, history and aliases. Labs
// describe their environment this way; the server builds sandboxes from it.
import type { ClusterOptions, KubeObject, Status } from '@kubelab/cluster';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';

export interface SandboxSetup {
  cluster?: ClusterOptions;
  /** Created before the objects, in order. */
  namespaces?: string[];
  /** Created in order through the API, as `kubectl create -f` would. */
  objects?: KubeObject[];
  /** Paths relative to /root, or absolute; parent directories are created. */
  files?: Record<string, string>;
  history?: string[];
  /** Added to the node's default aliases (`k=kubectl`). */
  aliases?: Record<string, string>;
}

export class SandboxSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxSetupError';
  }
}

export function createSandboxFromSetup(
  setup: SandboxSetup,
  options: Omit<SandboxOptions, 'cluster' | 'clusterOptions'> = {},
): Sandbox {
  const sandbox = createSandbox({ ...options, clusterOptions: setup.cluster ?? {} });
  for (const name of setup.namespaces ?? []) {
    create(sandbox, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (const object of setup.objects ?? []) create(sandbox, object);
  for (const [path, text] of Object.entries(setup.files ?? {})) writeFile(sandbox, path, text);
  const interpreter = sandbox.shell.interpreter;
  interpreter.history.push(...(setup.history ?? []));
  for (const [name, value] of Object.entries(setup.aliases ?? {})) interpreter.aliases.set(name, value);
  sandbox.cluster.settle();
  return sandbox;
}

function create(sandbox: Sandbox, object: KubeObject): void {
  const [group, version] = splitApiVersion(object.apiVersion);
  const resource = sandbox.cluster
    .apiResources(group, version)
    ?.resources.find((candidate) => candidate.kind === object.kind && !candidate.name.includes('/'));
  const name = object.metadata.name ?? object.metadata.generateName ?? '';
  if (!resource) {
    throw new SandboxSetupError(
      `${object.kind}/${name}: no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
    );
  }
  const response = sandbox.cluster.request({
    verb: 'create',
    group,
    version,
    resource: resource.name,
    ...(resource.namespaced ? { namespace: object.metadata.namespace ?? 'default' } : {}),
    body: object,
  });
  if (response.status >= 300) {
    const status = response.body as Status;
    throw new SandboxSetupError(`${object.kind}/${name}: ${status.message ?? `status ${response.status}`}`);
  }
}

function splitApiVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function writeFile(sandbox: Sandbox, path: string, text: string): void {
  const absolute = path.startsWith('/') ? path : `/root/${path}`;
  const parent = absolute.slice(0, absolute.lastIndexOf('/')) || '/';
  const made = sandbox.files.makeDirectory(parent, { parents: true });
  const written = made.ok ? sandbox.files.writeFile(absolute, text) : made;
  if (!written.ok) throw new SandboxSetupError(`${absolute}: cannot write the file (${written.error.code})`);
}

/** A sandbox after a scripted session, and what the terminal showed for each command. */
export interface Rehearsal {
  sandbox: Sandbox;
  transcript: Array<{ command: string; output: string; exitCode: number }>;
}

/**
 * Plays a session on simulated time: the sandbox is built from `setup` and
 * left to settle for `settleMs` (the learner arrives), the commands run one
 * after another, and the cluster settles again before anyone looks.
 */
export async function rehearse(setup: SandboxSetup, commands: readonly string[], settleMs: number): Promise<Rehearsal> {
  const sandbox = createSandboxFromSetup(setup, { time: 'simulated' });
  sandbox.cluster.advance(settleMs);
  const transcript: Rehearsal['transcript'] = [];
  for (const command of commands) {
    const result = await sandbox.shell.run(command);
    transcript.push({ command, output: result.stdout + result.stderr, exitCode: result.exitCode });
  }
  sandbox.cluster.advance(settleMs);
  return { sandbox, transcript };
}
