// The contract between the interpreter and the programs it runs: every
// utility (ls, grep, curl, kubectl...) is a function of a CommandContext that
// resolves with its exit status.
import type { Cluster } from '@kubelab/cluster';
import type { CancelSignal, KubeconfigState, LocalListenerHandler, LocalListeners } from '@kubelab/kubectl';
import type { VirtualFileSystem } from '../fs/virtual-fs';
import type { InputStream, OutputStream } from './streams';

/**
 * Where the shell runs: on a node of the cluster (the kubeadm control plane by
 * default), on a workstation outside it, or inside a container (`kubectl exec
 * -it`). It decides what the network tools reach and which programs exist.
 */
export type ShellHost =
  | { kind: 'node'; name: string }
  | { kind: 'external'; address?: string }
  | { kind: 'pod'; namespace: string; name: string; container: string };

/** Which real program a tool imitates (options, output and messages differ): busybox in busybox/alpine images. */
export type ToolFlavour = 'gnu' | 'busybox';

export interface ShellClock {
  now(): number;
  /**
   * Waits `ms` of cluster time: real time in a terminal, simulated (instant)
   * time in scripts and tests. Resolves false when interrupted (Ctrl-C) or,
   * for `stream` waits in a script, when nothing more will ever happen.
   */
  sleep(ms: number, options?: { stream?: boolean; signal?: CancelSignal }): Promise<boolean>;
}

export interface LocalListenerRegistry extends LocalListeners {
  /** The listener on `address:port` of this machine (127.0.0.1, localhost and 0.0.0.0 bindings), if any. */
  find(address: string, port: number): LocalListenerHandler | undefined;
}

/** The terminal the learner sits at. */
export interface ShellTerminal {
  /** Opens `text` in the editor as file `name`; resolves with the saved text, or undefined if quit without saving. */
  edit(name: string, text: string): Promise<string | undefined>;
  /** `clear`: the escape sequence is written by the command; hosts may also reset their scrollback. */
  readonly columns: number;
}

/** One sandbox's state that every command may use. */
export interface ShellSession {
  cluster: Cluster;
  fs: VirtualFileSystem;
  kubeconfig: KubeconfigState;
  listeners: LocalListenerRegistry;
  clock: ShellClock;
  terminal: ShellTerminal;
}

export interface CommandIO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface CommandContext extends CommandIO {
  /** argv: `args[0]` is the command name as typed. */
  args: string[];
  /** The environment the program received (exported variables plus `VAR=value` prefixes). */
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  host: ShellHost;
  flavour: ToolFlavour;
  session: ShellSession;
  /** Aborted by Ctrl-C. */
  signal: CancelSignal;
  /**
   * Runs another program by argv with the given streams (xargs, env, timeout, watch);
   * `env`, when given, replaces the environment the program receives (`env -i A=1 cmd`).
   */
  run(args: string[], io: CommandIO, options?: { env?: Record<string, string> }): Promise<number>;
  /** Runs `command` in a container with these streams: an interactive shell, or one program (kubectl exec). */
  execInContainer(
    target: { namespace: string; pod: string; container: string; tty: boolean },
    command: string[],
    io: CommandIO,
  ): Promise<number>;
}

export type Command = (ctx: CommandContext) => Promise<number> | number;

/** Resolves a path against the working directory and normalises `.`/`..`/`//`. */
export function resolvePath(cwd: string, path: string, home = '/root'): string {
  const expanded = path === '~' ? home : path.startsWith('~/') ? home + path.slice(1) : path;
  const parts = (expanded.startsWith('/') ? expanded : `${cwd}/${expanded}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
