// What a simulated container image is: the facts its image config carries
// (entrypoint, command, environment, stop signal), what its main process does
// when started, which ports it then listens on, and which tools a shell inside
// it would find.

import { type ImageReference } from './reference';

export type ListenService = 'http' | 'redis' | 'mysql' | 'postgres' | 'mongo' | 'dns' | 'metrics' | 'raw';

export interface ListenSpec {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  readonly service: ListenService;
}

export type ImageKind =
  | 'nginx'
  | 'httpd'
  | 'redis'
  | 'busybox'
  | 'alpine'
  | 'whoami'
  | 'kubelab-web'
  | 'mysql'
  | 'postgres'
  | 'mongo'
  | 'coredns'
  | 'kube-proxy'
  | 'pause';

/** The HTTP server inside an image, with what its answers depend on. */
export type HttpServer =
  | { readonly kind: 'nginx'; readonly version: string; readonly indexMtime: number }
  | { readonly kind: 'httpd'; readonly version: string }
  | { readonly kind: 'whoami' }
  | { readonly kind: 'kubelab-web'; readonly version: string };

export type StopSignal = 'SIGTERM' | 'SIGQUIT' | 'SIGINT' | 'SIGWINCH';

export interface ShellTools {
  /** Path of the POSIX shell (`/bin/sh`), undefined when the image has none (scratch, distroless). */
  readonly shell: string | undefined;
  readonly bash: boolean;
  /** Commands found on PATH, by name. */
  readonly binaries: readonly string[];
}

/** What the environment of a starting container looks like to its main process. */
export interface StartContext {
  /** Epoch milliseconds of the start. */
  readonly now: number;
  /** The process environment: image ENV overlaid with the pod's env (names -> values). */
  readonly env?: Readonly<Record<string, string>>;
  readonly podIp?: string;
  /** The pod's hostname (its name unless spec.hostname is set). */
  readonly hostname?: string;
  /** The first PID the main process's children get (nginx workers); default 29, as nginx's entrypoint leaves it. */
  readonly pid?: number;
  /** CPUs online on the node (nginx `worker_processes auto`); default 2. */
  readonly cpus?: number;
  /** `uname -r` of the node; default `6.8.0-52-generic`. */
  readonly kernelRelease?: string;
  /** `getrlimit(RLIMIT_NOFILE)` soft:hard as the runtime sets it; default `1048576:1048576`. */
  readonly nofile?: string;
  /** The container's argv (see `processArgv`); default the image's ENTRYPOINT + CMD. */
  readonly argv?: readonly string[];
}

export interface StartOutcome {
  /** Lines the container writes to stdout/stderr, in order, without trailing newlines. */
  readonly logs: readonly string[];
  /** True when the process keeps serving until it is stopped. */
  readonly running: boolean;
  /** The exit code when it ends by itself (`running` false). */
  readonly exitCode: number | undefined;
  readonly listens: readonly ListenSpec[];
}

/** The image-config facts and behaviour of one resolved tag (everything but the reference it was asked by). */
export interface ImageDefinition {
  readonly kind: ImageKind;
  /** `docker.io/library/nginx`. */
  readonly repository: string;
  /** The most specific tag naming this image (`1.27.4`, `1.27.4-alpine`). */
  readonly canonicalTag: string;
  /** The software version inside (`1.27.4`). */
  readonly version: string;
  /** Compressed size the kubelet reports in "Image size: N bytes" (approximate). */
  readonly sizeBytes: number;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly workingDir: string;
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly runsUntilStopped: boolean;
  /** Exit code of the default process when it ends by itself. */
  readonly exitCode: number;
  readonly stopSignal: StopSignal;
  /** Whether the process exits promptly on its stop signal; if not the kubelet waits the whole grace period. */
  readonly handlesSigterm: boolean;
  readonly shell: ShellTools;
  /** The HTTP server answering on the image's http ports (undefined: none). */
  readonly httpServer: HttpServer | undefined;
  /** Ports the image's program listens on for a given environment (and argv, for flags like whoami's --port). */
  listeningPorts(env: Readonly<Record<string, string>>, argv?: readonly string[]): ListenSpec[];
  /** Runs the default process's start-up: its log lines and whether it keeps running. */
  start(ctx: StartContext): StartOutcome;
}

export interface ImageBehaviour extends ImageDefinition {
  readonly reference: ImageReference;
  /** `sha256:...`, the repo digest of this image. */
  readonly digest: string;
  /** The kubelet's `imageID`: `docker.io/library/nginx@sha256:...`. */
  readonly imageId: string;
  /** ENTRYPOINT followed by CMD, as the real image has them. */
  readonly defaultCommand: readonly string[];
  /** The ports the image listens on with its own environment. */
  readonly listens: readonly ListenSpec[];
  /** `start(ctx).logs`. */
  startupLogs(ctx: StartContext): string[];
}

export interface RepositoryDefinition {
  /** `docker.io/library/nginx`. */
  readonly name: string;
  /** The image a tag names, or undefined when the registry answers "not found". */
  resolve(tag: string): ImageDefinition | undefined;
}

/** Environment lookup: the container env first, then the image's own ENV. */
export function envValue(
  image: Pick<ImageDefinition, 'env'>,
  env: Readonly<Record<string, string>> | undefined,
  name: string,
): string | undefined {
  const own = env?.[name];
  if (own !== undefined) return own;
  return image.env.find(([key]) => key === name)?.[1];
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
