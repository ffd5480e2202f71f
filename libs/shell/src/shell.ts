// One learner's shell: bash on the kubeadm control-plane node by default
// (or a workstation outside the cluster, or a container under `kubectl exec`),
// with its variables, aliases, history and working directory.
import type { CancelSignal } from '@kubelab/kubectl';
import { ControlFlow } from './bash/builtins';
import { Cancellation } from './bash/io';
import { Interpreter } from './bash/interpreter';
import { IncompleteInput, Parser, BashSyntaxError } from './bash/parser';
import type { ShellState } from './bash/state';
import { LineInput } from './line-input';
import { execInContainer } from './pod-shell';
import { programsFor } from './programs';
import type { Command, CommandIO, ShellHost, ShellSession, ToolFlavour } from './runtime/command';
import { StringInput, StringOutput, type InputStream } from './runtime/streams';

export interface ShellOptions {
  session: ShellSession;
  /** Where the shell runs; default the control-plane node. */
  host?: ShellHost;
  hostname?: string;
  /** A terminal (prompts, job messages) or a script. */
  interactive?: boolean;
  flavour?: ToolFlavour;
  shellName?: 'bash' | 'sh';
  /** Only these programs exist (a container's); default everything of a kubeadm node. */
  programs?: readonly string[];
  /** Variables to start with (a container's environment); default a root login on the node. */
  environment?: Record<string, string>;
  cwd?: string;
  /** The prompt of a container shell (`/ # `). */
  prompt?: string;
  /** Runs the container's programs kubelab does not implement itself. */
  fallbackProgram?: (name: string) => Command | undefined;
}

export interface RunResult {
  exitCode: number;
  /** `exit` was run: the session is over. */
  exited: boolean;
}

function defaultEnvironment(hostname: string): Record<string, string> {
  return {
    HOME: '/root',
    USER: 'root',
    LOGNAME: 'root',
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    HOSTNAME: hostname,
    LANG: 'C.UTF-8',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin',
    PWD: '/root',
    SHLVL: '1',
    KUBECONFIG: '/root/.kube/config',
  };
}

export class Shell {
  readonly interpreter: Interpreter;
  readonly hostname: string;
  private readonly customPrompt: string | undefined;

  constructor(
    readonly options: ShellOptions,
    state?: ShellState,
  ) {
    const host = options.host ?? { kind: 'node', name: 'controlplane' };
    this.hostname =
      options.hostname ?? (host.kind === 'node' ? host.name : host.kind === 'pod' ? host.name : 'workstation');
    this.customPrompt = options.prompt;
    const shellName = options.shellName ?? 'bash';
    this.interpreter = new Interpreter(
      {
        session: options.session,
        host,
        flavour: options.flavour ?? 'gnu',
        programs: programsFor(options.programs, (args, io) => this.subshell(args, io), options.fallbackProgram),
        shellName,
        interactive: options.interactive ?? false,
        execInContainer: (target, command, io) =>
          execInContainer(options.session, target, command, io, this.signal, (child) => new Shell(child)),
      },
      state?.variables ??
        Object.fromEntries(
          Object.entries(options.environment ?? defaultEnvironment(this.hostname)).map(([name, value]) => [
            name,
            { value, exported: true },
          ]),
        ),
    );
    const interpreter = this.interpreter;
    interpreter.cwd = state?.cwd ?? options.cwd ?? (host.kind === 'pod' ? '/' : '/root');
    interpreter.lastStatus = state?.lastStatus ?? 0;
    interpreter.history = [...(state?.history ?? [])];
    const aliases = state?.aliases ?? (host.kind === 'pod' ? {} : { k: 'kubectl' });
    for (const [name, value] of Object.entries(aliases)) interpreter.aliases.set(name, value);
    for (const [name, source] of Object.entries(state?.functions ?? {})) void this.defineFunction(name, source);
  }

  /** The signal of the command running now, for nested shells. */
  private signal: CancelSignal = new Cancellation();

  private defineFunction(name: string, source: string): void {
    try {
      const [item] = Parser.parse(source, true);
      const command = item?.andOr.first.commands[0];
      if (command?.type === 'function') this.interpreter.functions.set(name, { body: command.body, source });
    } catch {
      // A function that no longer parses is dropped.
    }
  }

  /** `controlplane:~$ ` (or the container shell's prompt). */
  prompt(): string {
    if (this.customPrompt !== undefined) return this.customPrompt;
    const home = this.interpreter.vars.get('HOME') ?? '/root';
    const cwd = this.interpreter.cwd;
    const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    return `${this.hostname}:${shown}$ `;
  }

  /** Whether `text` stops in the middle of a command (open quote, heredoc, `do` without `done`, trailing `|`). */
  needsMoreInput(text: string): boolean {
    try {
      Parser.parse(text, false);
      return false;
    } catch (error) {
      return error instanceof IncompleteInput && !(error instanceof BashSyntaxError);
    }
  }

  /** Runs one complete input (it may span lines) and records it in the history. */
  async run(
    commandLine: string,
    io: Partial<CommandIO> & { signal?: CancelSignal } = {},
  ): Promise<RunResult & { stdout: string; stderr: string }> {
    const stdout = io.stdout ?? new StringOutput();
    const stderr = io.stderr ?? new StringOutput();
    const stdin = io.stdin ?? new StringInput('');
    const line = commandLine.replace(/\n$/, '');
    if (line.trim()) this.interpreter.history.push(line);
    const result = await this.execute(line, { stdin, stdout, stderr }, io.signal);
    return {
      ...result,
      stdout: stdout instanceof StringOutput ? stdout.text : '',
      stderr: stderr instanceof StringOutput ? stderr.text : '',
    };
  }

  private async execute(source: string, io: CommandIO, signal?: CancelSignal): Promise<RunResult> {
    const previous = this.signal;
    this.signal = signal ?? new Cancellation();
    try {
      const exitCode = await this.interpreter.runSource(source, io, this.signal);
      return { exitCode, exited: false };
    } catch (error) {
      if (error instanceof ControlFlow) {
        const code = error.kind === 'exit' || error.kind === 'return' ? error.count : this.interpreter.lastStatus;
        this.interpreter.lastStatus = code;
        return { exitCode: code, exited: error.kind === 'exit' };
      }
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`${this.interpreter.prefix}internal error: ${message}\n`);
      this.interpreter.lastStatus = 1;
      return { exitCode: 1, exited: false };
    } finally {
      this.signal = previous;
    }
  }

  /**
   * Reads commands from `input` and runs each as soon as it is complete, as
   * bash does with a script on standard input; commands read the rest of the
   * input themselves (`kubectl exec -i pod -- sh` takes the following lines).
   */
  async runInput(
    input: InputStream,
    io: Omit<CommandIO, 'stdin'>,
    options: {
      signal?: CancelSignal;
      echoPrompt?: boolean;
      onCommand?: (command: string, result: RunResult) => void;
    } = {},
  ): Promise<number> {
    const lines = input instanceof LineInput ? input : new LineInput(input);
    let status = this.interpreter.lastStatus;
    for (;;) {
      if (options.echoPrompt) io.stdout.write(this.interpreter.takeJobNotifications() + this.prompt());
      let text = await lines.readLine();
      if (text === null) return status;
      while (this.needsMoreInput(text)) {
        if (options.echoPrompt) io.stdout.write('> ');
        const more = await lines.readLine();
        if (more === null) break;
        text += `\n${more}`;
      }
      if (!text.trim()) continue;
      this.interpreter.history.push(text);
      const result = await this.execute(text, { stdin: lines, ...io }, options.signal);
      status = result.exitCode;
      options.onCommand?.(text, result);
      if (result.exited) return status;
    }
  }

  /** `bash`/`sh` as programs: `-c CMD`, a script file, or an interactive shell on standard input. */
  private async subshell(args: string[], io: CommandIO): Promise<number> {
    const child = new Shell(
      {
        ...this.options,
        interactive: false,
        environment: this.interpreter.vars.environment(),
        cwd: this.interpreter.cwd,
      },
      undefined,
    );
    child.interpreter.aliases.clear();
    const [, first, ...rest] = args;
    if (first === '-c') {
      child.interpreter.positional = rest.slice(1);
      return (await child.execute(rest[0] ?? '', io, this.signal)).exitCode;
    }
    if (first !== undefined && !first.startsWith('-')) {
      return child.interpreter.runScript(
        first.startsWith('/') ? first : `${this.interpreter.cwd}/${first}`,
        rest,
        io,
        this.signal,
      );
    }
    return child.runInput(io.stdin, io, { signal: this.signal, echoPrompt: io.stdin.isTTY });
  }

  /** The shell's state as JSON, for persisting a sandbox. */
  state(): ShellState {
    return {
      variables: this.interpreter.vars.snapshot(),
      functions: Object.fromEntries([...this.interpreter.functions].map(([name, fn]) => [name, fn.source])),
      aliases: Object.fromEntries(this.interpreter.aliases),
      history: [...this.interpreter.history],
      cwd: this.interpreter.cwd,
      lastStatus: this.interpreter.lastStatus,
    };
  }

  static restore(options: ShellOptions, state: ShellState): Shell {
    return new Shell(options, state);
  }
}
