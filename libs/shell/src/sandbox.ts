// A learner's sandbox as the shell sees it: the simulated cluster, the
// control-plane node's files, the kubeconfig kubeadm leaves, local ports and
// the terminal, plus the shell itself.
import { Cluster, type ClusterCreateOptions } from '@kubelab/cluster';
import { defaultKubeconfig, type KubeconfigState } from '@kubelab/kubectl';
import { MemoryFileSystem } from './fs/memory-fs';
import { controlPlaneFiles, seedFileSystem } from './fs/node-files';
import type { ShellSession, ShellTerminal } from './runtime/command';
import { realClock, simulatedClock } from './runtime/clock';
import { LocalListeners } from './runtime/local-listeners';
import type { ShellState } from './bash/state';
import { Shell } from './shell';

export interface SandboxOptions {
  cluster?: Cluster;
  clusterOptions?: ClusterCreateOptions;
  /** `simulated` for scripts and tests (sleep is instant), `real` for a terminal. */
  time?: 'simulated' | 'real';
  /** The control-plane node (default) or a workstation outside the cluster. */
  placement?: 'node' | 'workstation';
  terminal?: ShellTerminal;
  interactive?: boolean;
  files?: MemoryFileSystem;
  kubeconfig?: KubeconfigState;
  shellState?: ShellState;
}

export interface Sandbox {
  cluster: Cluster;
  files: MemoryFileSystem;
  session: ShellSession;
  shell: Shell;
}

/** A terminal without an editor: `vi` and `kubectl edit` save nothing. */
const NO_TERMINAL: ShellTerminal = { edit: () => Promise.resolve(undefined), columns: 80 };

function nodeAddress(cluster: Cluster, name: string): string {
  const response = cluster.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name });
  const addresses =
    (response.body as { status?: { addresses?: Array<{ type?: string; address?: string }> } }).status?.addresses ?? [];
  return addresses.find((address) => address.type === 'InternalIP')?.address ?? '192.168.1.2';
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const cluster = options.cluster ?? Cluster.create(options.clusterOptions);
  const nodeIP = nodeAddress(cluster, 'controlplane');
  const files = options.files ?? new MemoryFileSystem(() => cluster.now());
  if (!options.files) {
    seedFileSystem(
      files,
      controlPlaneFiles({ hostname: 'controlplane', nodeIP, clusterServer: `https://${nodeIP}:6443` }),
    );
  }
  const session: ShellSession = {
    cluster,
    fs: files,
    kubeconfig: options.kubeconfig ?? defaultKubeconfig(`https://${nodeIP}:6443`),
    listeners: new LocalListeners(),
    clock: options.time === 'real' ? realClock(cluster) : simulatedClock(cluster),
    terminal: options.terminal ?? NO_TERMINAL,
  };
  const outside = options.placement === 'workstation';
  const shell = new Shell(
    {
      session,
      host: outside ? { kind: 'external' } : { kind: 'node', name: 'controlplane' },
      hostname: outside ? 'workstation' : 'controlplane',
      interactive: options.interactive ?? false,
    },
    options.shellState,
  );
  return { cluster, files, session, shell };
}

/** What an observer of the sandbox (the grader) reads: the cluster, a file's text, the history. */
export interface SandboxFacts {
  cluster: Cluster;
  /** A file's text, or undefined when there is none at the absolute `path`. */
  readFile(path: string): string | undefined;
  history: readonly string[];
}

export function sandboxFacts(sandbox: Sandbox): SandboxFacts {
  return {
    cluster: sandbox.cluster,
    readFile: (path) => {
      const read = sandbox.files.readFile(path);
      return read.ok ? read.value : undefined;
    },
    history: sandbox.shell.interpreter.history,
  };
}
