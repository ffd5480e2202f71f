// `kubectl` in the learner's shell: runs @kubelab/kubectl with the shell's
// streams, files (relative to the working directory), kubeconfig, clock,
// local ports and terminal.
import { runKubectl, type KubectlContext, type KubectlFiles } from '@kubelab/kubectl';
import type { FsError, VirtualFileSystem } from '../fs/virtual-fs';
import { resolvePath, type Command, type CommandContext } from '../runtime/command';

/** Go's os.PathError texts, as kubectl prints them. */
function goFsError(op: 'open' | 'read' | 'lstat', error: FsError): string {
  const reasons: Record<FsError['code'], string> = {
    ENOENT: 'no such file or directory',
    EEXIST: 'file exists',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory',
    ENOTEMPTY: 'directory not empty',
    EACCES: 'permission denied',
    EINVAL: 'invalid argument',
    ENOSPC: 'no space left on device',
  };
  return `${op} ${error.path}: ${reasons[error.code]}`;
}

function filesOf(fs: VirtualFileSystem, cwd: string, home: string): KubectlFiles {
  const absolute = (path: string) => resolvePath(cwd, path, home);
  return {
    resolve: absolute,
    read(path) {
      const result = fs.readFile(absolute(path));
      return result.ok
        ? { ok: true, text: result.value }
        : { ok: false, error: goFsError('open', { ...result.error, path }) };
    },
    list(path) {
      const result = fs.readDirectory(absolute(path));
      return result.ok ? result.value : undefined;
    },
    write(path, text) {
      const result = fs.writeFile(absolute(path), text);
      return result.ok ? { ok: true } : { ok: false, error: goFsError('open', { ...result.error, path }) };
    },
  };
}

export function kubectlContext(ctx: CommandContext): KubectlContext {
  const { session } = ctx;
  return {
    cluster: session.cluster,
    stdin: { readAll: () => ctx.stdin.readAll(), isTTY: ctx.stdin.isTTY },
    stdout: { write: (text) => ctx.stdout.write(text), isTTY: ctx.stdout.isTTY },
    stderr: { write: (text) => ctx.stderr.write(text) },
    files: filesOf(session.fs, ctx.cwd, ctx.env.HOME ?? '/root'),
    kubeconfig: session.kubeconfig,
    clock: session.clock,
    signal: ctx.signal,
    listeners: session.listeners,
    terminal: {
      execInContainer: (target, command) =>
        ctx.execInContainer(target, command, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr }),
      edit: (name, text) => session.terminal.edit(name, text),
    },
    env: ctx.env,
  };
}

export const kubectlCommand: Command = (ctx) => runKubectl(ctx.args.slice(1), kubectlContext(ctx));
