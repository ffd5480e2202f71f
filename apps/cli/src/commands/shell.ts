import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  completeCommandLine,
  createSandbox,
  LineInput,
  StringInput,
  StringOutput,
  type InputStream,
  type Shell,
} from '@kubelab/shell';
import { type CliIO, type Command, UsageError } from '../command';

/** Standard input as the shell's input stream, chunk by chunk. */
function streamInput(stream: NodeJS.ReadableStream, isTTY: boolean): InputStream {
  const chunks: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    chunks.push(chunk);
    wake?.();
  });
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  const read = async (): Promise<string | null> => {
    while (chunks.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
    return chunks.shift() ?? null;
  };
  return {
    isTTY,
    read,
    readAll: async () => {
      let text = '';
      for (let chunk = await read(); chunk !== null; chunk = await read()) text += chunk;
      return text;
    },
  };
}

/** `vi`, `nano`, `kubectl edit` in the local terminal: $EDITOR on a temporary file. */
function localEditor(env: CliIO['env']) {
  return (name: string, text: string): Promise<string | undefined> => {
    const directory = mkdtempSync(join(tmpdir(), 'kubelab-edit-'));
    const file = join(directory, name.replace(/[^\w.-]/g, '_') || 'file');
    writeFileSync(file, text);
    try {
      const editor = env.KUBE_EDITOR ?? env.EDITOR ?? 'vi';
      const result = spawnSync(editor, [file], { stdio: 'inherit' });
      return Promise.resolve(result.status === 0 ? readFileSync(file, 'utf8') : undefined);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  };
}

/** A script: each complete command line echoed after the prompt, then what it printed (or one JSON object per command). */
async function runScript(shell: Shell, io: CliIO, stdin: InputStream, json: boolean): Promise<number> {
  const lines = new LineInput(stdin);
  let status = 0;
  for (;;) {
    let text = await lines.readLine();
    if (text === null) return status;
    while (shell.needsMoreInput(text)) {
      const more = await lines.readLine();
      if (more === null) break;
      text += `\n${more}`;
    }
    if (!text.trim()) continue;
    const stdout = json
      ? new StringOutput()
      : { write: (chunk: string) => io.stdout(chunk), closed: false, isTTY: false };
    // A terminal shows both streams in the order they were written.
    const stderr = json ? new StringOutput() : stdout;
    if (!json) io.stdout(`${shell.prompt()}${text.replace(/\n/g, '\n> ')}\n`);
    const result = await shell.run(text, { stdin: lines, stdout, stderr });
    status = result.exitCode;
    if (json)
      io.stdout(
        `${JSON.stringify({ command: text, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode })}\n`,
      );
    if (result.exited) return status;
  }
}

/** The terminal: readline editing, history, Tab completion, Ctrl-C ending the running command. */
async function runTerminal(shell: Shell, io: CliIO): Promise<number> {
  const input = io.stdin as NodeJS.ReadStream;
  const rl = createInterface({
    input,
    output: io.terminal,
    terminal: true,
    completer: (line: string) => {
      const { candidates, from } = completeCommandLine(shell, line);
      return [candidates.map((candidate) => line.slice(0, from) + candidate), line];
    },
  });
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      io.stdout('^C\n');
      rl.prompt();
    }
  });
  const write = (chunk: string) => io.stdout(chunk);
  let pending = '';
  let status = 0;
  rl.setPrompt(shell.prompt());
  rl.prompt();
  for await (const line of rl) {
    pending = pending ? `${pending}\n${line}` : line;
    if (shell.needsMoreInput(pending)) {
      rl.setPrompt('> ');
      rl.prompt();
      continue;
    }
    const text = pending;
    pending = '';
    if (text.trim()) {
      running = new AbortController();
      rl.pause();
      const result = await shell.run(text, {
        stdin: new StringInput('', true),
        stdout: { write, closed: false, isTTY: true },
        stderr: { write, closed: false, isTTY: true },
        signal: running.signal,
      });
      if (running.signal.aborted) write('^C\n');
      running = undefined;
      rl.resume();
      status = result.exitCode;
      if (result.exited) break;
    }
    write(shell.interpreter.takeJobNotifications());
    rl.setPrompt(shell.prompt());
    rl.prompt();
  }
  rl.close();
  return status;
}

export const shellCommand: Command = {
  name: 'shell',
  summary: 'Open the learner shell on a fresh simulated cluster',
  usage: 'kubelab shell [--json] [--nodes N] [--proxy-mode iptables|ipvs] [--lab ID]',
  description:
    'Opens the kubelab shell (bash with kubectl v1.32) on a fresh simulated cluster.\n' +
    'With standard input not a terminal it runs the input as a script and prints what the\n' +
    'terminal would show, or with --json one JSON object per command.',
  options: {
    json: { type: 'boolean', description: 'Print one JSON object per command: command, stdout, stderr, exitCode' },
    nodes: { type: 'string', valueName: 'N', description: 'Number of nodes (default 2: controlplane, node01)' },
    'proxy-mode': { type: 'string', valueName: 'MODE', description: 'kube-proxy mode: iptables (default) or ipvs' },
    lab: { type: 'string', valueName: 'ID', description: "Start from a lab's setup" },
  },
  run: async ({ io, values }) => {
    const nodes = values.nodes === undefined ? 2 : Number(values.nodes);
    if (!Number.isInteger(nodes) || nodes < 1 || nodes > 10) {
      throw new UsageError(`--nodes must be a whole number from 1 to 10, not "${String(values.nodes)}"`, 'shell');
    }
    const mode = values['proxy-mode'] ?? 'iptables';
    if (mode !== 'iptables' && mode !== 'ipvs') {
      throw new UsageError(`--proxy-mode must be iptables or ipvs, not "${String(mode)}"`, 'shell');
    }
    if (values.lab !== undefined) {
      io.stderr(`kubelab: lab "${String(values.lab)}" not found: no labs are installed yet\n`);
      return 1;
    }
    const stdin = io.stdin ?? process.stdin;
    const interactive = Boolean(stdin.isTTY) && !values.json;
    const { shell } = createSandbox({
      clusterOptions: { nodes, kubeProxyMode: mode },
      time: interactive ? 'real' : 'simulated',
      interactive,
      terminal: { edit: localEditor(io.env), columns: process.stdout.columns ?? 80 },
    });
    if (interactive) return runTerminal(shell, { ...io, stdin });
    return runScript(shell, io, streamInput(stdin, false), Boolean(values.json));
  },
};
