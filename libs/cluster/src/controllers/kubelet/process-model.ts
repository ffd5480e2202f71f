// What a container's main process does once started, worked out from its
// command line: servers and `sleep infinity` run until stopped, `sleep 5`
// ends after five seconds, `echo`/`true` end at once, `exit 3`/`false` fail,
// `sh -c` scripts run on simulated time (see shell-run). Also whether PID 1
// stops on SIGTERM: a server or a script with a TERM trap does; a shell or
// `sleep` as PID 1 ignores it and is killed when the grace period ends.
import { newContext, type RunContext, type TimedLine } from './shell-context';
import { runNode } from './shell-run';

export type { TimedLine } from './shell-context';

/** The facts of an image the process model needs. */
export interface ProcessImage {
  entrypoint: readonly string[];
  cmd: readonly string[];
  /** Whether the image's own program keeps running until stopped. */
  runsUntilStopped: boolean;
  exitCode: number;
  handlesSigterm: boolean;
  /** Commands on the image's PATH. */
  binaries: readonly string[];
  /** `/bin/sh`, or undefined for an image without a shell. */
  shell: string | undefined;
  bash: boolean;
}

export interface ProcessOptions {
  /** The container's environment, in order. */
  env: ReadonlyArray<readonly [string, string]>;
  hostname: string;
  /** Epoch ms when the process starts. */
  startedAt: number;
  /** The container keeps standard input open (`stdin: true`). */
  stdin?: boolean;
}

export interface ProcessModel {
  argv: string[];
  /** The image's own program runs: its start-up logs and listening ports apply. */
  imageProcess: boolean;
  /** Milliseconds after the start when it ends by itself; undefined when it runs until stopped. */
  exitAfterMs: number | undefined;
  exitCode: number;
  handlesSigterm: boolean;
  /** Why the runtime could not start it (`exec: "x": executable file not found in $PATH`). */
  startError: string | undefined;
  /** Lines written within `untilMs` of the start (the latest `limit`). */
  output(untilMs: number, limit?: number): TimedLine[];
  /** Whether the process has `path` in place `atMs` after the start. */
  fileExists(path: string, atMs: number): boolean;
  /** The files the process has written, `atMs` after the start (path -> content). */
  filesAt(atMs: number): ReadonlyMap<string, string>;
}

export interface ExecResult {
  exitCode: number;
  /** Combined stdout and stderr. */
  output: string;
}

const HORIZON_MS = 366 * 24 * 3_600_000;
const DEFAULT_LIMIT = 10_000;
const SHELLS = ['sh', 'bash', 'ash', 'dash'];

/**
 * The command line the runtime starts (containerd's WithProcessArgs): `command`
 * replaces the ENTRYPOINT and drops the CMD; `args` alone replace the CMD; an
 * empty list counts as not given.
 */
export function effectiveCommand(
  container: { command?: readonly string[]; args?: readonly string[] },
  image: Pick<ProcessImage, 'entrypoint' | 'cmd'>,
): string[] {
  const command = container.command ?? [];
  const args = container.args ?? [];
  if (command.length > 0) return [...command, ...args];
  return [...image.entrypoint, ...(args.length > 0 ? args : image.cmd)];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function sameCommand(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((word, index) => word === right[index]);
}

/** An entrypoint script that sets things up and then execs its arguments. */
function unwrapEntrypoint(argv: string[], image: ProcessImage): string[] {
  const entrypoint = image.entrypoint;
  if (!entrypoint.length || argv.length <= entrypoint.length) return argv;
  if (!sameCommand(argv.slice(0, entrypoint.length), entrypoint)) return argv;
  if (!basename(entrypoint[entrypoint.length - 1] ?? '').includes('entrypoint')) return argv;
  return argv.slice(entrypoint.length);
}

/** The image's own program, possibly with other flags (`nginx -g 'daemon off;'`, `redis-server --port 6380`). */
function isImageProgram(argv: string[], image: ProcessImage): boolean {
  if (sameCommand(argv, [...image.entrypoint, ...image.cmd])) return true;
  if (image.cmd.length > 0 && sameCommand(argv, image.cmd)) return true;
  const programs = [image.entrypoint[0], image.cmd[0]].map((word) => basename(word ?? ''));
  const name = basename(argv[0] ?? '');
  return (
    image.runsUntilStopped &&
    name !== '' &&
    programs.includes(name) &&
    !SHELLS.includes(name) &&
    !name.includes('entrypoint')
  );
}

function executableFound(name: string, image: ProcessImage): boolean {
  const base = basename(name);
  if (SHELLS.includes(base)) return base === 'bash' ? image.bash : image.shell !== undefined;
  if (image.binaries.includes(base)) return true;
  const own = [...image.entrypoint, ...image.cmd].map(basename);
  return own.includes(base) || (['exec', 'echo', 'sleep', 'true', 'false'].includes(base) && image.binaries.length > 0);
}

function flavour(argv: string[], image: ProcessImage): 'busybox' | 'dash' | 'bash' {
  if (basename(argv[0] ?? '') === 'bash') return 'bash';
  return image.binaries.includes('apt-get') ? 'dash' : 'busybox';
}

function run(
  argv: string[],
  image: ProcessImage,
  options: ProcessOptions,
  until: number,
  limit: number,
  exitOnly = false,
): RunContext {
  const ctx = newContext(
    {
      binaries: image.binaries,
      flavour: flavour(argv, image),
      hostname: options.hostname,
      startedAt: options.startedAt,
    },
    new Map(options.env.map(([key, value]) => [key, value])),
    until,
    limit,
  );
  ctx.exitOnly = exitOnly;
  const words = argv.map((word) => [{ text: word, quote: 'single' as const }]);
  runNode({ kind: 'command', words, redirects: [] }, ctx);
  return ctx;
}

export function processModel(command: string[], image: ProcessImage, options: ProcessOptions): ProcessModel {
  const argv = unwrapEntrypoint(command, image);
  const base: Omit<ProcessModel, 'exitAfterMs' | 'exitCode' | 'handlesSigterm'> = {
    argv,
    imageProcess: false,
    startError: undefined,
    output: () => [],
    fileExists: () => false,
    filesAt: () => new Map(),
  };
  // A shell without a script reads its standard input: with stdin open it waits
  // (kubectl run -it ... -- sh); PID 1 ignores SIGTERM, so it is killed at the grace period's end.
  if (
    options.stdin &&
    argv.length === 1 &&
    SHELLS.includes(basename(argv[0] ?? '')) &&
    executableFound(argv[0] ?? '', image)
  ) {
    return { ...base, exitAfterMs: undefined, exitCode: 0, handlesSigterm: false };
  }
  if (isImageProgram(command, image) || isImageProgram(argv, image)) {
    return {
      ...base,
      imageProcess: true,
      exitAfterMs: image.runsUntilStopped ? undefined : 0,
      exitCode: image.runsUntilStopped ? 0 : image.exitCode,
      handlesSigterm: image.handlesSigterm,
    };
  }
  if (argv.length === 0 || !executableFound(argv[0] ?? '', image)) {
    const name = argv[0] ?? '';
    return {
      ...base,
      exitAfterMs: 0,
      exitCode: 128,
      handlesSigterm: false,
      startError: `exec: ${JSON.stringify(name)}: executable file not found in $PATH`,
    };
  }
  const whole = run(argv, image, options, HORIZON_MS, 1, true);
  const stop = whole.stop;
  const exit =
    stop === undefined
      ? { atMs: whole.t, code: whole.status }
      : stop !== 'horizon' && stop.kind === 'exit'
        ? { atMs: stop.atMs, code: stop.code }
        : undefined;
  return {
    ...base,
    exitAfterMs: exit?.atMs,
    exitCode: exit?.code ?? 0,
    handlesSigterm: whole.handlesSigterm,
    output(untilMs, limit = DEFAULT_LIMIT) {
      const lines = run(argv, image, options, untilMs, limit).lines.filter((line) => line.atMs <= untilMs);
      lines.sort((a, b) => a.atMs - b.atMs);
      return lines.slice(-limit);
    },
    fileExists(path, atMs) {
      return run(argv, image, options, atMs, 1).files.has(path);
    },
    filesAt(atMs) {
      return run(argv, image, options, atMs, 1).files;
    },
  };
}

/** `kubectl exec` / an exec probe: a command run in the container, against the files it has. */
export function execInContainer(
  command: readonly string[],
  image: ProcessImage,
  options: ProcessOptions,
  files: ReadonlyMap<string, string>,
): ExecResult {
  const name = command[0] ?? '';
  if (!executableFound(name, image)) {
    return {
      exitCode: 126,
      output: `OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(name)}: executable file not found in $PATH: unknown`,
    };
  }
  const ctx = newContext(
    {
      binaries: image.binaries,
      flavour: flavour([...command], image),
      hostname: options.hostname,
      startedAt: options.startedAt,
    },
    new Map(options.env.map(([key, value]) => [key, value])),
    60_000,
    DEFAULT_LIMIT,
  );
  for (const [path, content] of files) ctx.files.set(path, content);
  runNode(
    { kind: 'command', words: command.map((word) => [{ text: word, quote: 'single' as const }]), redirects: [] },
    ctx,
  );
  const stop = ctx.stop;
  const exitCode = stop && stop !== 'horizon' && stop.kind === 'exit' ? stop.code : ctx.status;
  const output = ctx.lines.map((line) => `${line.text}\n`).join('');
  return { exitCode, output };
}
