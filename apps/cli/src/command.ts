/** What a command may touch: injected so commands are testable without a terminal or a network. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  /** Standard input: a terminal (interactive commands) or a stream of text. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The terminal's output stream, for interactive line editing. */
  terminal?: NodeJS.WritableStream;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help after the option, e.g. `URL` in `--server URL`. */
  valueName?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  io: CliIO;
  values: OptionValues;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for the command list in `kubelab --help`. */
  summary: string;
  /** The `Usage:` line and description for `kubelab <command> --help` (options are appended). */
  usage: string;
  description: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes (default none). */
  maxPositionals?: number;
  /** Returns the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** A mistake in how the command was called: reported with a usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
