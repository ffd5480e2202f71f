// Running utilities in specs: a MemoryFileSystem seeded with files, string
// streams, a fixed clock, and `run` dispatching to coreUtilities so xargs,
// env and timeout work. Command lines are split like a shell would (quotes
// and backslashes only).
import { Cluster, SimulatedClock } from '@kubelab/cluster';
import { MemoryFileSystem } from '../fs/memory-fs';
import type { CommandContext, CommandIO, ToolFlavour } from '../runtime/command';
import { StringInput, StringOutput, type InputStream } from '../runtime/streams';
import { coreUtilities } from './index';

export const TEST_NOW = Date.parse('2026-11-22T10:00:00Z');

export interface UtilityRun {
  code: number;
  stdout: string;
  stderr: string;
  fs: MemoryFileSystem;
}

export interface UtilityOptions {
  stdin?: string;
  files?: Record<string, string>;
  tty?: boolean;
  flavour?: ToolFlavour;
  cwd?: string;
  env?: Record<string, string>;
  fs?: MemoryFileSystem;
  edit?: (name: string, text: string) => Promise<string | undefined>;
  /** stdin comes through a pipe (sizes unknown) rather than from a file. */
  piped?: boolean;
}

/** Text arriving through a pipe: unlike StringInput, not a regular file. */
export class PipedInput implements InputStream {
  private readonly inner: StringInput;
  readonly isTTY = false;
  constructor(text: string) {
    this.inner = new StringInput(text);
  }
  read(): Promise<string | null> {
    return this.inner.read();
  }
  readAll(): Promise<string> {
    return this.inner.readAll();
  }
}

/** Splits a command line into words: '...' and "..." quoting and backslash escapes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      current += line.slice(i + 1, end);
      i = end;
      started = true;
    } else if (char === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        current += line[i++] ?? '';
      }
      started = true;
    } else if (char === '\\') {
      current += line[++i] ?? '';
      started = true;
    } else if (char === ' ' || char === '\t') {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

let sharedCluster: Cluster | undefined;

export async function runUtility(commandLine: string | string[], options: UtilityOptions = {}): Promise<UtilityRun> {
  const clock = SimulatedClock.manual(TEST_NOW);
  sharedCluster ??= Cluster.create({ seed: 'utilities', timeSource: clock.source });
  let now = TEST_NOW;
  const fs = options.fs ?? new MemoryFileSystem(() => now);
  fs.makeDirectory('/root', { parents: true });
  fs.makeDirectory('/tmp', { parents: true });
  for (const [path, text] of Object.entries(options.files ?? {})) {
    const absolutePath = path.startsWith('/') ? path : `${options.cwd ?? '/root'}/${path}`;
    fs.makeDirectory(absolutePath.slice(0, absolutePath.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(absolutePath, text);
  }
  const stdout = new StringOutput(options.tty ?? false);
  const stderr = new StringOutput(options.tty ?? false);
  const args = Array.isArray(commandLine) ? commandLine : splitWords(commandLine);
  const base: Omit<CommandContext, 'args' | 'stdin' | 'stdout' | 'stderr' | 'env'> = {
    cwd: options.cwd ?? '/root',
    host: { kind: 'node', name: 'controlplane' },
    flavour: options.flavour ?? 'gnu',
    signal: { aborted: false, addEventListener: () => undefined, removeEventListener: () => undefined },
    session: {
      cluster: sharedCluster,
      fs,
      kubeconfig: { currentContext: '', contexts: [], clusters: [], users: [] },
      listeners: { listen: () => ({ ok: true, close: () => undefined }), find: () => undefined },
      clock: {
        now: () => now,
        // Plain sleeps pass simulated time at once; a stream wait (timeout's
        // limit) ends, like in a script, once nothing else is left to run.
        sleep: (ms: number, sleepOptions?: { stream?: boolean }) => {
          if (sleepOptions?.stream) return new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 0));
          now += ms;
          return Promise.resolve(true);
        },
      },
      terminal: { edit: options.edit ?? (() => Promise.resolve(undefined)), columns: 80 },
    },
    run: (argv: string[], io: CommandIO, runOptions?: { env?: Record<string, string> }) =>
      invoke(argv, io, runOptions?.env ?? env),
    execInContainer: () => Promise.resolve(126),
  };
  const env = options.env ?? { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  const invoke = async (argv: string[], io: CommandIO, environment: Record<string, string>): Promise<number> => {
    const command = coreUtilities[argv[0] ?? ''];
    if (!command) {
      io.stderr.write(`${argv[0] ?? ''}: command not found\n`);
      return 127;
    }
    return command({ ...base, ...io, args: argv, env: environment });
  };
  const stdin = options.piped
    ? new PipedInput(options.stdin ?? '')
    : new StringInput(options.stdin ?? '', options.tty ?? false);
  const code = await invoke(args, { stdin, stdout, stderr }, env);
  return { code, stdout: stdout.text, stderr: stderr.text, fs };
}
