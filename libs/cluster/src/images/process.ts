// Which process a container runs and what it listens on. The argv follows
// containerd's CRI (WithProcessArgs): a pod's `command` replaces the image's
// ENTRYPOINT and drops its CMD; `args` alone replace only the CMD. Ports in
// the pod spec are documentation: only the program decides what it binds.

import { type ImageDefinition, type ListenSpec } from './types';

/** The argv of a container: `command` + `args` over the image's ENTRYPOINT + CMD, as containerd builds it. */
export function processArgv(
  image: Pick<ImageDefinition, 'entrypoint' | 'cmd'>,
  command?: readonly string[],
  args?: readonly string[],
): string[] {
  const ownCommand = command ?? [];
  const ownArgs = args ?? [];
  if (ownCommand.length > 0) return [...ownCommand, ...ownArgs];
  return [...image.entrypoint, ...(ownArgs.length > 0 ? ownArgs : image.cmd)];
}

function programName(path: string | undefined): string {
  return (path ?? '').split('/').pop() ?? '';
}

/**
 * Whether `argv` runs the image's own program (its entrypoint, or its CMD when
 * it has none): nginx with `args: [...]` still does, `command: ["sleep", "3600"]`
 * does not, so it neither listens nor prints the image's start-up logs.
 */
export function runsImageProgram(
  image: Pick<ImageDefinition, 'entrypoint' | 'cmd' | 'runsUntilStopped'>,
  argv: readonly string[],
): boolean {
  // An image whose CMD is a shell runs "its program" only as it is: `sh -c ...` is the pod's program.
  if (!image.runsUntilStopped) return argv.join('\0') === [...image.entrypoint, ...image.cmd].join('\0');
  const own = image.entrypoint[0] ?? image.cmd[0];
  if (own === undefined || argv.length === 0) return false;
  if (programName(argv[0]) === programName(own)) return true;
  // docker-entrypoint.sh images exec their server when handed its name (`nginx`, `redis-server`, ...).
  return image.entrypoint.length > 0 && programName(argv[0]) === programName(image.cmd[0]);
}

/**
 * The ports a container listens on: the image program's, for the container's
 * environment, when it runs that program; none otherwise. The pod spec's
 * `ports` do not make anything listen.
 */
export function listeningPorts(
  image: Pick<ImageDefinition, 'entrypoint' | 'cmd' | 'runsUntilStopped' | 'listeningPorts'>,
  env: Readonly<Record<string, string>> = {},
  argv?: readonly string[],
): ListenSpec[] {
  const effective = argv ?? processArgv(image);
  if (!runsImageProgram(image, effective)) return [];
  return image.listeningPorts(env, effective);
}
