// Runs parsed bash: lists, && and ||, pipelines (concurrently, through
// pipes), redirects, compound commands, functions, background jobs, and
// simple commands looked up as functions, builtins, then programs.
import type { CancelSignal } from '@kubelab/kubectl';
import type {
  Command as Program,
  CommandContext,
  CommandIO,
  ShellHost,
  ShellSession,
  ToolFlavour,
} from '../runtime/command';
import { resolvePath } from '../runtime/command';
import { Pipe, StringInput, StringOutput } from '../runtime/streams';
import { ArithmeticError, evaluateArithmetic } from './arithmetic';
import type { AndOr, Command, List, Pipeline } from './ast';
import { BUILTINS, ControlFlow } from './builtins';
import { conditionalTest } from './conditional';
import { ExpansionError, expandPattern, expandString, expandWords, type ExpansionHost } from './expand';
import { Cancellation } from './io';
import { BashSyntaxError, IncompleteInput, Parser } from './parser';
import { applyRedirects, RedirectError } from './redirects';
import { Variables, type FunctionDefinition, type Job } from './state';

/** Iterations after which a loop is stopped: a sandbox must never spin forever. */
export const MAX_LOOP_ITERATIONS = 100_000;

type SimpleCommand = Extract<Command, { type: 'simple' }>;

/** An alias value that is one simple command (`kubectl`, `kubectl get pods`), parsed. */
function simpleCommandOf(value: string): SimpleCommand | undefined {
  try {
    const [item, ...others] = Parser.parse(value, true);
    const command = item?.andOr.first.commands[0];
    if (others.length || !item || item.background || item.andOr.rest.length || item.andOr.first.commands.length !== 1)
      return undefined;
    return command?.type === 'simple' && command.redirects.length === 0 ? command : undefined;
  } catch {
    return undefined;
  }
}

export interface InterpreterOptions {
  session: ShellSession;
  host: ShellHost;
  flavour: ToolFlavour;
  /** The programs on this machine's PATH. */
  programs: (name: string) => Program | undefined;
  /** `bash` on the node; `sh` (busybox ash) or `bash` in containers: error wording. */
  shellName: 'bash' | 'sh';
  interactive: boolean;
  execInContainer: CommandContext['execInContainer'];
}

export class Interpreter {
  readonly vars: Variables;
  readonly functions = new Map<string, FunctionDefinition>();
  readonly aliases = new Map<string, string>();
  history: string[] = [];
  cwd = '/root';
  lastStatus = 0;
  positional: string[] = [];
  readonly jobs: Job[] = [];
  private nextPid = 4000;
  private lastBackgroundPid: number | undefined;
  private finishedJobs: Job[] = [];
  private readonly expandingAliases = new Set<string>();

  constructor(
    readonly options: InterpreterOptions,
    variables?: ConstructorParameters<typeof Variables>[0],
  ) {
    this.vars = new Variables(variables);
  }

  /** The message prefix of the shell's own errors: `bash: ` or `sh: `. */
  get prefix(): string {
    return `${this.options.shellName}: `;
  }

  /** Parses and runs source text; syntax errors print bash's message and give status 2. */
  async runSource(
    source: string,
    io: CommandIO,
    signal: CancelSignal,
    options: { atEof?: boolean } = {},
  ): Promise<number> {
    let list: List;
    try {
      list = Parser.parse(source, options.atEof ?? true);
    } catch (error) {
      if (error instanceof BashSyntaxError || error instanceof IncompleteInput) {
        const message = error instanceof BashSyntaxError ? error.message : 'syntax error: unexpected end of file';
        io.stderr.write(`${this.prefix}${message}\n`);
        this.lastStatus = 2;
        return 2;
      }
      throw error;
    }
    return this.runList(list, io, signal);
  }

  /** Job notifications bash prints before a prompt (`[1]+  Done  ...`). */
  takeJobNotifications(): string {
    const text = this.finishedJobs
      .map(
        (job) =>
          `[${job.id}]+  ${(job.status === 'Done' ? 'Done' : `Exit ${job.exitCode ?? 1}`).padEnd(24)}${job.command}\n`,
      )
      .join('');
    this.finishedJobs = [];
    return text;
  }

  async runList(list: List, io: CommandIO, signal: CancelSignal): Promise<number> {
    for (const item of list) {
      if (signal.aborted) return (this.lastStatus = 130);
      if (item.background) this.startJob(item.andOr, item.source, io);
      else this.lastStatus = await this.runAndOr(item.andOr, io, signal);
    }
    return this.lastStatus;
  }

  private startJob(andOr: AndOr, source: string, io: CommandIO): void {
    const cancellation = new Cancellation();
    const id = (this.jobs.reduce((max, job) => Math.max(max, job.id), 0) || 0) + 1;
    const pid = this.nextPid++;
    this.lastBackgroundPid = pid;
    const jobIo: CommandIO = { stdin: new StringInput(''), stdout: io.stdout, stderr: io.stderr };
    const job: Job = {
      id,
      pid,
      command: source,
      status: 'Running',
      abort: () => cancellation.abort(),
      done: Promise.resolve(0),
    };
    job.done = this.runAndOr(andOr, jobIo, cancellation)
      .catch(() => 1)
      .then((code) => {
        job.exitCode = code;
        job.status = cancellation.aborted ? 'Terminated' : code === 0 ? 'Done' : 'Exit';
        const index = this.jobs.indexOf(job);
        if (index !== -1) this.jobs.splice(index, 1);
        if (!cancellation.aborted) this.finishedJobs.push(job);
        return code;
      });
    this.jobs.push(job);
    if (this.options.interactive) io.stderr.write(`[${id}] ${pid}\n`);
  }

  async runAndOr(andOr: AndOr, io: CommandIO, signal: CancelSignal): Promise<number> {
    let status = await this.runPipeline(andOr.first, io, signal);
    for (const { op, pipeline } of andOr.rest) {
      if (signal.aborted) return 130;
      if ((op === '&&') === (status === 0)) status = await this.runPipeline(pipeline, io, signal);
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, io: CommandIO, signal: CancelSignal): Promise<number> {
    const { commands } = pipeline;
    let status: number;
    if (commands.length === 1 && commands[0]) status = await this.runCommand(commands[0], io, signal);
    else {
      const pipes = commands.slice(1).map(() => new Pipe());
      const runs = commands.map(async (command, index) => {
        const stdin = index === 0 ? io.stdin : (pipes[index - 1]?.reader ?? io.stdin);
        const pipe = pipes[index];
        const stdout = pipe ? pipe.writer : io.stdout;
        try {
          return await this.runCommand(command, { stdin, stdout, stderr: io.stderr }, signal);
        } finally {
          pipe?.writer.end();
          if (index > 0) pipes[index - 1]?.reader.close();
        }
      });
      const statuses = await Promise.all(runs);
      status = statuses[statuses.length - 1] ?? 0;
    }
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  expansionHost(io: CommandIO, signal: CancelSignal): ExpansionHost {
    return {
      vars: this.vars,
      positional: this.positional,
      special: (name) => this.special(name),
      home: this.vars.get('HOME') ?? '/root',
      cwd: this.cwd,
      fs: this.options.session.fs,
      commandSubstitution: async (source) => {
        const capture = new StringOutput();
        await this.runSource(source, { stdin: io.stdin, stdout: capture, stderr: io.stderr }, signal);
        return capture.text;
      },
    };
  }

  private special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return '1';
      case '#':
        return String(this.positional.length);
      case '!':
        return this.lastBackgroundPid === undefined ? '' : String(this.lastBackgroundPid);
      case '0':
        return this.options.shellName === 'bash' ? 'bash' : 'sh';
      case '-':
        return this.options.interactive ? 'himBH' : 'hB';
      case '@':
      case '*':
        return this.positional.join(' ');
      default:
        return undefined;
    }
  }

  async runCommand(command: Command, io: CommandIO, signal: CancelSignal): Promise<number> {
    try {
      return await this.dispatch(command, io, signal);
    } catch (error) {
      if (error instanceof ControlFlow) throw error;
      if (error instanceof ExpansionError || error instanceof ArithmeticError || error instanceof RedirectError) {
        io.stderr.write(`${this.prefix}${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }

  private async dispatch(command: Command, io: CommandIO, signal: CancelSignal): Promise<number> {
    if (command.type === 'function') {
      this.functions.set(command.name, { body: command.body, source: command.source });
      return 0;
    }
    if (command.type === 'simple') return this.runSimple(command, io, signal);
    const host = this.expansionHost(io, signal);
    const redirected = await applyRedirects(command.redirects, io, host, this.options.session.fs, this.cwd);
    try {
      return await this.compound(command, redirected.io, signal, host);
    } finally {
      redirected.close();
    }
  }

  private async compound(command: Command, io: CommandIO, signal: CancelSignal, host: ExpansionHost): Promise<number> {
    switch (command.type) {
      case 'group':
        return this.runList(command.body, io, signal);
      case 'subshell': {
        const saved = { cwd: this.cwd, vars: this.vars.snapshot() };
        try {
          return await this.runList(command.body, io, signal);
        } finally {
          this.cwd = saved.cwd;
          for (const [name, entry] of Object.entries(saved.vars))
            this.vars.set(name, entry.value, { export: entry.exported });
        }
      }
      case 'if': {
        for (const clause of command.clauses) {
          if ((await this.runList(clause.condition, io, signal)) === 0) return this.runList(clause.body, io, signal);
        }
        return command.otherwise ? this.runList(command.otherwise, io, signal) : 0;
      }
      case 'for': {
        const items = command.items ? await expandWords(command.items, host) : [...this.positional];
        return this.loop(signal, io, async (iteration) => {
          if (iteration >= items.length) return 'stop';
          this.vars.set(command.name, items[iteration] ?? '');
          return this.runList(command.body, io, signal);
        });
      }
      case 'cfor': {
        if (command.init.trim()) evaluateArithmetic(command.init, this.vars);
        return this.loop(signal, io, async () => {
          if (command.condition.trim() && evaluateArithmetic(command.condition, this.vars) === 0) return 'stop';
          const status = await this.runList(command.body, io, signal);
          if (command.step.trim()) evaluateArithmetic(command.step, this.vars);
          return status;
        });
      }
      case 'while':
        return this.loop(signal, io, async () => {
          const condition = await this.runList(command.condition, io, signal);
          if ((condition === 0) === command.until || signal.aborted) return 'stop';
          return this.runList(command.body, io, signal);
        });
      case 'case': {
        const value = await expandString(command.word, host);
        for (const item of command.items) {
          for (const pattern of item.patterns) {
            if ((await expandPattern(pattern, host)).test(value)) return this.runList(item.body, io, signal);
          }
        }
        return 0;
      }
      case 'arithmetic':
        return evaluateArithmetic(command.expression, this.vars) === 0 ? 1 : 0;
      case 'conditional':
        return conditionalTest(command.words, host, io, this.prefix);
      default:
        return 0;
    }
  }

  /** A loop body run until it says stop; `break`/`continue` and the iteration cap handled here. */
  private async loop(
    signal: CancelSignal,
    io: CommandIO,
    body: (iteration: number) => Promise<number | 'stop'>,
  ): Promise<number> {
    let status = 0;
    for (let iteration = 0; ; iteration++) {
      if (signal.aborted) return 130;
      if (iteration >= MAX_LOOP_ITERATIONS) {
        io.stderr.write(`${this.prefix}loop stopped after ${MAX_LOOP_ITERATIONS} iterations\n`);
        return 1;
      }
      try {
        const result = await body(iteration);
        if (result === 'stop') return status;
        status = result;
      } catch (error) {
        if (!(error instanceof ControlFlow) || (error.kind !== 'break' && error.kind !== 'continue')) throw error;
        if (error.count > 1) throw new ControlFlow(error.kind, error.count - 1);
        if (error.kind === 'break') return 0;
      }
    }
  }

  private async runSimple(command: SimpleCommand, io: CommandIO, signal: CancelSignal): Promise<number> {
    const host = this.expansionHost(io, signal);
    const aliased = this.expandAlias(command);
    if (aliased) {
      // An alias is not expanded again inside its own text.
      this.expandingAliases.add(aliased.name);
      try {
        return 'command' in aliased
          ? await this.runSimple(aliased.command, io, signal)
          : await this.runSource(aliased.source, io, signal);
      } finally {
        this.expandingAliases.delete(aliased.name);
      }
    }
    const words = await expandWords(command.words, host);
    const assignments: Array<[string, string]> = [];
    for (const assignment of command.assignments) {
      const value = await expandString(assignment.value, host);
      assignments.push([assignment.name, assignment.append ? (this.vars.get(assignment.name) ?? '') + value : value]);
    }
    const redirected = await applyRedirects(command.redirects, io, host, this.options.session.fs, this.cwd);
    try {
      if (words.length === 0) {
        for (const [name, value] of assignments) this.vars.set(name, value);
        return 0;
      }
      return await this.invoke(words, redirected.io, signal, Object.fromEntries(assignments));
    } finally {
      redirected.close();
    }
  }

  /** The first word's alias, as the source text to run instead; undefined when none applies. */
  private expandAlias(
    command: SimpleCommand,
  ): { name: string; source: string } | { name: string; command: SimpleCommand } | undefined {
    const [first, ...rest] = command.words;
    const part = first?.parts[0];
    if (!first || first.parts.length !== 1 || part?.type !== 'lit' || this.expandingAliases.has(part.text))
      return undefined;
    const value = this.aliases.get(part.text);
    if (value === undefined) return undefined;
    const simple = simpleCommandOf(value);
    if (simple) {
      return {
        name: part.text,
        command: {
          type: 'simple',
          assignments: [...command.assignments, ...simple.assignments],
          words: [...simple.words, ...rest],
          redirects: command.redirects,
        },
      };
    }
    const assignments = command.assignments.map((assignment) => `${assignment.name}=${assignment.value.raw}`);
    const redirects = command.redirects.map((redirect) => `${redirect.fd ?? ''}${redirect.op}${redirect.target.raw}`);
    return {
      name: part.text,
      source: [...assignments, value, ...rest.map((word) => word.raw), ...redirects].join(' '),
    };
  }

  /** Runs argv: a function, a builtin, or a program; `env` adds `VAR=value` prefixes. */
  async invoke(
    args: string[],
    io: CommandIO,
    signal: CancelSignal,
    env: Record<string, string> = {},
    replaceEnv?: Record<string, string>,
  ): Promise<number> {
    const [name = ''] = args;
    const fn = this.functions.get(name);
    if (fn) return this.callFunction(fn, args.slice(1), io, signal);
    const builtin = BUILTINS[name];
    if (builtin) return builtin({ shell: this, args, io, signal });
    const program = name.includes('/') ? undefined : this.options.programs(name);
    if (!program) return this.runPath(args, io, signal);
    const ctx: CommandContext = {
      args,
      ...io,
      env: replaceEnv ?? { ...this.vars.environment(), ...env },
      cwd: this.cwd,
      host: this.options.host,
      flavour: this.options.flavour,
      session: this.sessionFor(signal),
      signal,
      run: (argv, childIo, options) => this.invoke(argv, childIo, signal, {}, options?.env),
      execInContainer: this.options.execInContainer,
    };
    try {
      return await program(ctx);
    } catch (error) {
      if (error instanceof ControlFlow) throw error;
      io.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }

  /** The session as a program sees it: its clock's waits end on the program's own Ctrl-C. */
  private sessionFor(signal: CancelSignal): ShellSession {
    const { session } = this.options;
    const clock = session.clock;
    return {
      ...session,
      clock: {
        now: () => clock.now(),
        sleep: (ms, options) => clock.sleep(ms, { ...options, signal: options?.signal ?? signal }),
      },
    };
  }

  private async callFunction(
    fn: FunctionDefinition,
    args: string[],
    io: CommandIO,
    signal: CancelSignal,
  ): Promise<number> {
    const saved = this.positional;
    this.positional = args;
    this.vars.pushScope();
    try {
      return await this.runCommand(fn.body, io, signal);
    } catch (error) {
      if (error instanceof ControlFlow && error.kind === 'return') return error.count;
      throw error;
    } finally {
      this.vars.popScope();
      this.positional = saved;
    }
  }

  /** `./script.sh`, `/bin/ls`: scripts in the virtual filesystem, programs by full path. */
  private async runPath(args: string[], io: CommandIO, signal: CancelSignal): Promise<number> {
    const [name = ''] = args;
    if (!name.includes('/')) {
      io.stderr.write(
        this.options.shellName === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`,
      );
      return 127;
    }
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (/^\/(usr\/)?(s?bin)\//.test(name) && this.options.programs(base))
      return this.invoke([base, ...args.slice(1)], io, signal);
    const path = resolvePath(this.cwd, name, this.vars.get('HOME') ?? '/root');
    const stat = this.options.session.fs.stat(path);
    if (!stat.ok) {
      io.stderr.write(`${this.prefix}${name}: No such file or directory\n`);
      return 127;
    }
    if (stat.value.type === 'directory') {
      io.stderr.write(`${this.prefix}${name}: Is a directory\n`);
      return 126;
    }
    if ((stat.value.mode & 0o111) === 0) {
      io.stderr.write(`${this.prefix}${name}: Permission denied\n`);
      return 126;
    }
    return this.runScript(path, args.slice(1), io, signal);
  }

  /** Runs a script file with its own positional parameters. */
  async runScript(path: string, args: string[], io: CommandIO, signal: CancelSignal): Promise<number> {
    const file = this.options.session.fs.readFile(path);
    if (!file.ok) {
      io.stderr.write(`${this.prefix}${path}: No such file or directory\n`);
      return 127;
    }
    const saved = this.positional;
    this.positional = args;
    try {
      return await this.runSource(file.value.replace(/^#!.*\n/, ''), io, signal);
    } catch (error) {
      if (error instanceof ControlFlow && (error.kind === 'exit' || error.kind === 'return')) return error.count;
      throw error;
    } finally {
      this.positional = saved;
    }
  }

  /** The path of a command for `type`/`command -v`, or its kind. */
  describe(name: string): { kind: 'alias' | 'function' | 'builtin' | 'file'; text: string } | undefined {
    const alias = this.aliases.get(name);
    if (alias !== undefined) return { kind: 'alias', text: alias };
    if (this.functions.has(name)) return { kind: 'function', text: name };
    if (BUILTINS[name]) return { kind: 'builtin', text: name };
    return this.options.programs(name) ? { kind: 'file', text: `/usr/bin/${name}` } : undefined;
  }

  cd(path: string): void {
    this.vars.set('OLDPWD', this.cwd, { export: true });
    this.cwd = path;
    this.vars.set('PWD', path, { export: true });
  }

  newPid(): number {
    return this.nextPid++;
  }
}
