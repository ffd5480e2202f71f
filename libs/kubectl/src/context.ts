// What a kubectl invocation may use of the world around it: the sandbox's
// cluster (through its request API only), the caller's files and standard
// streams, the kubeconfig, time, and the terminal. The shell provides all of
// it; tests provide a small in-memory version (testing/kubectl.testing.ts).
import type { Cluster } from '@kubelab/cluster';

export interface KubectlOutput {
  write(text: string): void;
  /** A terminal (cluster-info colours its output only there). */
  readonly isTTY?: boolean;
}

export interface KubectlInput {
  /** Everything left on standard input (for `-f -`). */
  readAll(): Promise<string>;
  /** Whether standard input is a terminal (`-it` checks it). */
  readonly isTTY: boolean;
}

/** Files as seen from the caller's working directory. Paths may be relative. */
export interface KubectlFiles {
  /** The file's text, or an error message in the style of Go's os errors' `open <path>: no such file or directory`. */
  read(path: string): { ok: true; text: string } | { ok: false; error: string };
  /** Entries of a directory (names only), or undefined when `path` is not a directory. */
  list(path: string): string[] | undefined;
  write(path: string, text: string): { ok: true } | { ok: false; error: string };
  /** The path joined and normalised against the working directory. */
  resolve(path: string): string;
}

export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** The sandbox's ~/.kube/config as kubectl sees it. `config set-context` changes it. */
export interface KubeconfigState {
  currentContext: string;
  contexts: KubeconfigContext[];
  clusters: Array<{ name: string; server: string; certificateAuthorityData?: string }>;
  users: Array<{ name: string; clientCertificateData?: string; clientKeyData?: string }>;
}

export interface KubectlClock {
  now(): number;
  /**
   * Waits `ms` of cluster time: real time in a terminal, simulated (instant)
   * time in scripts and tests. Resolves false when interrupted (Ctrl-C) or,
   * for `stream` waits in a script, when nothing more will ever happen.
   */
  sleep(ms: number, options?: { stream?: boolean; signal?: CancelSignal }): Promise<boolean>;
}

/** An HTTP request arriving at a local listener (`kubectl proxy`, `port-forward`). */
export interface LocalHttpRequest {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body?: string;
}

export interface LocalHttpResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

/** What a local listener does with a connection: answer HTTP, or forward TCP somewhere in the cluster. */
export type LocalListenerHandler =
  | { kind: 'http'; handle(request: LocalHttpRequest): LocalHttpResponse }
  | {
      kind: 'forward';
      namespace: string;
      pod: string;
      port: number;
      /** Called for each connection (`kubectl port-forward` prints `Handling connection for 8080`). */
      onConnection?: () => void;
    };

/** Ports opened on the learner's machine by background kubectl processes. */
export interface LocalListeners {
  /** Opens `address:port`; an error text like Go's `listen tcp 127.0.0.1:8001: bind: address already in use`. */
  listen(
    address: string,
    port: number,
    handler: LocalListenerHandler,
  ): { ok: true; close(): void } | { ok: false; error: string };
}

/** Where `kubectl exec -it`/`run -it` attach to, and the editor for `kubectl edit`. */
export interface KubectlTerminal {
  /**
   * Runs `command` in the container with kubectl's standard streams: an
   * interactive shell when it is one (`sh`, `bash`), or a single program.
   * Resolves with the exit code.
   */
  execInContainer(
    target: { namespace: string; pod: string; container: string; tty: boolean },
    command: string[],
  ): Promise<number>;
  /** Opens `text` in the editor as file `name`; resolves with the saved text, or undefined when quit without saving. */
  edit(name: string, text: string): Promise<string | undefined>;
}

/** The part of an AbortSignal kubectl uses (Ctrl-C). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface KubectlContext {
  cluster: Cluster;
  stdin: KubectlInput;
  stdout: KubectlOutput;
  stderr: KubectlOutput;
  files: KubectlFiles;
  kubeconfig: KubeconfigState;
  clock: KubectlClock;
  /** Aborted by Ctrl-C: streaming commands (`-w`, `logs -f`, `proxy`) end when it is. */
  signal: CancelSignal;
  listeners: LocalListeners;
  terminal: KubectlTerminal;
  /** Environment variables kubectl reads (`KUBE_EDITOR`, `KUBECTL_*`). */
  env: Record<string, string | undefined>;
}
