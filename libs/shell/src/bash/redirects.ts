// Redirections: `> >> < 2> 2>&1 >&2 &> <<EOF <<<` onto the virtual
// filesystem and the command's streams, with bash's error messages.
import type { VirtualFileSystem } from '../fs/virtual-fs';
import { resolvePath, type CommandIO } from '../runtime/command';
import { StringInput, type InputStream, type OutputStream } from '../runtime/streams';
import type { Redirect } from './ast';
import { expandString, type ExpansionHost } from './expand';
import { FileOutput, NullOutput } from './io';
import { readWord } from './words';

export class RedirectError extends Error {}

const FS_MESSAGES: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  ENOSPC: 'No space left on device',
};

function outputTo(fs: VirtualFileSystem, path: string, name: string, append: boolean, io: CommandIO): OutputStream {
  if (path === '/dev/null') return new NullOutput();
  if (path === '/dev/stdout' || path === '/dev/tty') return io.stdout;
  if (path === '/dev/stderr') return io.stderr;
  const stat = fs.stat(path);
  if (stat.ok && stat.value.type === 'directory') throw new RedirectError(`${name}: Is a directory`);
  const written = append && stat.ok ? { ok: true as const } : fs.writeFile(path, '');
  if (!written.ok) throw new RedirectError(`${name}: ${FS_MESSAGES[written.error.code] ?? 'Invalid argument'}`);
  return new FileOutput(fs, path);
}

function inputFrom(fs: VirtualFileSystem, path: string, name: string): InputStream {
  if (path === '/dev/null') return new StringInput('');
  const file = fs.readFile(path);
  if (!file.ok) throw new RedirectError(`${name}: ${FS_MESSAGES[file.error.code] ?? 'Invalid argument'}`);
  return new StringInput(file.value);
}

/** A here-document's body after parameter, command and arithmetic expansion. */
async function expandHeredoc(body: string, host: ExpansionHost): Promise<string> {
  const escaped = body.replace(/\\(?=[^$`\\\n])/g, '\\\\').replace(/"/g, '\\"');
  const read = readWord(`"${escaped}"`, 0);
  return read === 'incomplete' ? body : expandString(read.word, host);
}

/** The streams after the redirects, and what to close when the command ends. */
export async function applyRedirects(
  redirects: readonly Redirect[],
  io: CommandIO,
  host: ExpansionHost,
  fs: VirtualFileSystem,
  cwd: string,
): Promise<{ io: CommandIO; close(): void }> {
  const current: CommandIO = { ...io };
  const streams: Record<number, InputStream | OutputStream> = {
    0: current.stdin,
    1: current.stdout,
    2: current.stderr,
  };
  for (const redirect of redirects) {
    const home = host.vars.get('HOME') ?? '/root';
    if (redirect.heredoc) {
      const { body, expand } = redirect.heredoc;
      streams[redirect.fd ?? 0] = new StringInput(expand ? await expandHeredoc(body, host) : body);
      continue;
    }
    const target = await expandString(redirect.target, host);
    switch (redirect.op) {
      case '<<<':
        streams[redirect.fd ?? 0] = new StringInput(`${target}\n`);
        break;
      case '<':
        streams[redirect.fd ?? 0] = inputFrom(fs, resolvePath(cwd, target, home), target);
        break;
      case '>':
      case '>|':
      case '>>':
        streams[redirect.fd ?? 1] = outputTo(fs, resolvePath(cwd, target, home), target, redirect.op === '>>', current);
        break;
      case '&>':
      case '&>>': {
        const out = outputTo(fs, resolvePath(cwd, target, home), target, redirect.op === '&>>', current);
        streams[1] = out;
        streams[2] = out;
        break;
      }
      case '>&':
      case '<&': {
        const fd = redirect.fd ?? (redirect.op === '>&' ? 1 : 0);
        if (target === '-') {
          streams[fd] = fd === 0 ? new StringInput('') : new NullOutput();
          break;
        }
        if (!/^\d+$/.test(target)) {
          const out = outputTo(fs, resolvePath(cwd, target, home), target, false, current);
          streams[1] = out;
          streams[2] = out;
          break;
        }
        const source = streams[Number(target)];
        if (!source) throw new RedirectError(`${target}: Bad file descriptor`);
        streams[fd] = source;
        break;
      }
      default:
        break;
    }
  }
  return {
    io: {
      stdin: (streams[0] ?? current.stdin) as InputStream,
      stdout: (streams[1] ?? current.stdout) as OutputStream,
      stderr: (streams[2] ?? current.stderr) as OutputStream,
    },
    close: () => undefined,
  };
}
