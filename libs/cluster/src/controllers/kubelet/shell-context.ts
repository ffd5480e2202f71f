// The state of a simulated shell run: simulated time, environment, files,
// the log lines written so far, and how the run ended.

export interface TimedLine {
  atMs: number;
  text: string;
}

export interface ShellTools {
  /** Commands the image has on its PATH. */
  binaries: readonly string[];
  /** Error wording: busybox ash, dash or bash. */
  flavour: 'busybox' | 'dash' | 'bash';
  hostname: string;
  /** Epoch ms of the process start, for `date`. */
  startedAt: number;
}

export type Outcome = { kind: 'exit'; atMs: number; code: number } | { kind: 'forever'; atMs: number };

export interface RunContext {
  t: number;
  /** Commands that would start after this are not run. */
  until: number;
  env: Map<string, string>;
  files: Map<string, string>;
  fileEvents: Array<{ atMs: number; path: string; exists: boolean }>;
  lines: TimedLine[];
  limit: number;
  tools: ShellTools;
  handlesSigterm: boolean;
  iterations: number;
  status: number;
  stop: Outcome | 'horizon' | undefined;
  capture: string[] | undefined;
  /** `break` pending in the innermost loop. */
  breaking: boolean;
  /** Only how the run ends matters: a loop nothing can end is known to run forever without running it. */
  exitOnly: boolean;
}

export function newContext(tools: ShellTools, env: Map<string, string>, until: number, limit: number): RunContext {
  return {
    t: 0,
    until,
    env,
    files: new Map(),
    fileEvents: [],
    lines: [],
    limit,
    tools,
    handlesSigterm: false,
    iterations: 0,
    status: 0,
    stop: undefined,
    capture: undefined,
    breaking: false,
    exitOnly: false,
  };
}

export function emit(ctx: RunContext, text: string): void {
  if (ctx.capture) {
    ctx.capture.push(text);
    return;
  }
  ctx.lines.push({ atMs: ctx.t, text });
  if (ctx.lines.length > ctx.limit * 2) ctx.lines.splice(0, ctx.lines.length - ctx.limit);
}

export function setFile(ctx: RunContext, path: string, content: string | undefined): void {
  if (content === undefined) ctx.files.delete(path);
  else ctx.files.set(path, content);
  ctx.fileEvents.push({ atMs: ctx.t, path, exists: content !== undefined });
}

export function notFound(ctx: RunContext, name: string): string {
  if (ctx.tools.flavour === 'bash') return `bash: line 1: ${name}: command not found`;
  if (ctx.tools.flavour === 'dash') return `sh: 1: ${name}: not found`;
  return `sh: ${name}: not found`;
}
