// `kubectl exec` / `kubectl run -it`: a shell or a program inside a
// container, with the container's environment, files, programs, tool
// flavour (busybox or GNU) and network position.
import type { CancelSignal } from '@kubelab/kubectl';
import { containerEnvironment } from './container';
import { MemoryFileSystem } from './fs/memory-fs';
import { seedFileSystem } from './fs/node-files';
import type { Command, CommandIO, ShellSession } from './runtime/command';
import { LocalListeners } from './runtime/local-listeners';
import type { Shell, ShellOptions } from './shell';

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash']);

/** A program of the image kubelab does not implement: run through the container's process model. */
function containerProcess(
  session: ShellSession,
  target: { namespace: string; pod: string; container: string },
): (name: string) => Command {
  return () => (ctx) => {
    const result = session.cluster.exec({
      namespace: target.namespace,
      name: target.pod,
      container: target.container,
      command: ctx.args,
    });
    if ('kind' in result) {
      ctx.stderr.write(`${result.message ?? 'error'}\n`);
      return 1;
    }
    ctx.stdout.write(result.output);
    return result.exitCode;
  };
}

function notFound(name: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;
}

export async function execInContainer(
  session: ShellSession,
  target: { namespace: string; pod: string; container: string; tty: boolean },
  command: string[],
  io: CommandIO,
  signal: CancelSignal,
  createShell: (options: ShellOptions) => Shell,
): Promise<number> {
  const environment = containerEnvironment(session.cluster, target);
  if (!environment.ok) {
    io.stderr.write(`${environment.message}\n`);
    return 1;
  }
  const fs = new MemoryFileSystem(() => session.clock.now());
  const directories = ['/tmp', '/etc', '/root', '/var', '/usr', '/bin'];
  seedFileSystem(fs, { directories, files: environment.files });
  const podSession: ShellSession = { ...session, fs, listeners: new LocalListeners() };
  const shell = createShell({
    session: podSession,
    host: { kind: 'pod', namespace: target.namespace, name: target.pod, container: target.container },
    hostname: environment.env.HOSTNAME ?? target.pod,
    interactive: target.tty,
    flavour: environment.flavour,
    shellName: environment.shell === 'bash' ? 'bash' : 'sh',
    programs: [...environment.programs, ...(environment.shell ? [environment.shell] : [])],
    environment: environment.env,
    cwd: '/',
    prompt: environment.prompt,
    fallbackProgram: containerProcess(podSession, target),
  });
  const [program = '', ...args] = command;
  if (SHELLS.has(program)) {
    const name = program.slice(program.lastIndexOf('/') + 1);
    if (!environment.programs.includes(name) && environment.shell !== name) {
      io.stderr.write(notFound(program));
      return 126;
    }
    if (args[0] === '-c') return (await shell.run(args[1] ?? '', { ...io, signal })).exitCode;
    return shell.runInput(io.stdin, io, { signal, echoPrompt: target.tty });
  }
  if (!shell.interpreter.options.programs(program)) {
    io.stderr.write(notFound(program));
    return 126;
  }
  return shell.interpreter.invoke([program, ...args], io, signal);
}
