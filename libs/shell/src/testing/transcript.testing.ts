// Scenario tests written as terminal transcripts: `$ command` lines, each
// followed by what the terminal shows (stdout and stderr as they were
// written). Lines after a command that start with `> ` continue it
// (here-documents); lines starting with `< ` are what the learner types
// while it runs (inside `kubectl exec -it`), echoed as a terminal does.
// `# ...` lines are comments.
import { LineInput } from '../line-input';
import { createSandbox, type Sandbox } from '../sandbox';
import { StringInput, type OutputStream } from '../runtime/streams';

/** Typed input: a terminal echoes each line as it is read. */
class TypedInput extends LineInput {
  constructor(
    lines: readonly string[],
    private readonly screen: OutputStream,
  ) {
    super(new StringInput(lines.map((line) => `${line}\n`).join(''), true));
  }

  override async readLine(): Promise<string | null> {
    const line = await super.readLine();
    if (line !== null) this.screen.write(`${line}\n`);
    return line;
  }
}

export const TRANSCRIPT_START = Date.parse('2026-11-22T10:00:00Z');

export interface TranscriptStep {
  command: string;
  /** Lines typed while the command runs. */
  input: string[];
  expected: string;
}

export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  let previousBlank = true;
  for (const line of text.replace(/^\n/, '').split('\n')) {
    const current = steps[steps.length - 1];
    // Comments stand before a command, after a blank line; `# ` right after a command is its output.
    const comment: boolean = line.startsWith('# ') && previousBlank;
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), input: [], expected: '' });
    else if (line.startsWith('> ') && current && current.expected === '' && current.input.length === 0) {
      current.command += `\n${line.slice(2)}`;
    } else if (line.startsWith('< ') && current && current.expected === '') current.input.push(line.slice(2));
    else if (!comment && current) current.expected += `${line}\n`;
    const blank: boolean = line === '';
    previousBlank = blank || (comment && previousBlank);
  }
  for (const step of steps) step.expected = step.expected.replace(/\n+$/, '\n').replace(/^\n$/, '');
  return steps;
}

/** Runs each command and returns what the terminal showed for it. */
export async function runTranscript(
  text: string,
  sandbox: Sandbox = createTranscriptSandbox(),
): Promise<Array<TranscriptStep & { actual: string }>> {
  const results: Array<TranscriptStep & { actual: string }> = [];
  // One screen, as in a terminal: background jobs write to it whenever they print.
  let shown = '';
  const screen: OutputStream = { write: (chunk) => void (shown += chunk), closed: false, isTTY: true };
  for (const step of parseTranscript(text)) {
    const start = shown.length;
    const stdin = step.input.length ? new TypedInput(step.input, screen) : new StringInput('', true);
    await sandbox.shell.run(step.command, { stdin, stdout: screen, stderr: screen });
    // Background jobs print as soon as they start, before the next prompt.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const actual = shown.slice(start);
    results.push({ ...step, actual: actual.replace(/\n*$/, actual ? '\n' : '') });
  }
  return results;
}

export function createTranscriptSandbox(): Sandbox {
  return createSandbox({ clusterOptions: { seed: 'transcript', timeSource: () => TRANSCRIPT_START } });
}

/** The transcript as it actually ran, to compare with the expected one. */
export function formatTranscript(steps: ReadonlyArray<{ command: string; input?: string[]; actual: string }>): string {
  return steps
    .map((step) => {
      const typed = (step.input ?? []).map((line) => `< ${line}\n`).join('');
      return `$ ${step.command.replace(/\n/g, '\n> ')}\n${typed}${step.actual}`;
    })
    .join('\n');
}

/** Runs a transcript on a fresh sandbox and expects the terminal to show exactly what it says. */
export async function expectTranscript(text: string, sandbox?: Sandbox): Promise<void> {
  const steps = await runTranscript(text, sandbox);
  const expected = steps.map((step) => ({ command: step.command, input: step.input, actual: step.expected }));
  expect(formatTranscript(steps)).toBe(formatTranscript(expected));
}
