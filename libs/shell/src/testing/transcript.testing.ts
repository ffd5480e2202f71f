// Scenario tests written as terminal transcripts: `$ command` lines, each
// followed by what the terminal shows (stdout and stderr as they were
// written). Lines after a command that start with `> ` continue it
// (here-documents). `# ...` lines are comments.
import { createSandbox, type Sandbox } from '../sandbox';
import type { OutputStream } from '../runtime/streams';

export const TRANSCRIPT_START = Date.parse('2026-11-22T10:00:00Z');

export interface TranscriptStep {
  command: string;
  expected: string;
}

export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  for (const line of text.replace(/^\n/, '').split('\n')) {
    const current = steps[steps.length - 1];
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: '' });
    else if (line.startsWith('> ') && current && current.expected === '') current.command += `\n${line.slice(2)}`;
    else if (line.startsWith('# ') && (!current || current.expected === '')) continue;
    else if (current) current.expected += `${line}\n`;
  }
  for (const step of steps) step.expected = step.expected.replace(/\n+$/, '\n').replace(/^\n$/, '');
  return steps;
}

/** Runs each command and returns what the terminal showed for it. */
export async function runTranscript(text: string, sandbox: Sandbox = createTranscriptSandbox()): Promise<Array<TranscriptStep & { actual: string }>> {
  const results: Array<TranscriptStep & { actual: string }> = [];
  for (const step of parseTranscript(text)) {
    let shown = '';
    const screen: OutputStream = { write: (chunk) => void (shown += chunk), closed: false, isTTY: true };
    await sandbox.shell.run(step.command, { stdout: screen, stderr: screen });
    results.push({ ...step, actual: shown.replace(/\n+$/, '\n') });
  }
  return results;
}

export function createTranscriptSandbox(): Sandbox {
  return createSandbox({ clusterOptions: { seed: 'transcript', timeSource: () => TRANSCRIPT_START } });
}

/** The transcript as it actually ran, to compare with the expected one. */
export function formatTranscript(steps: ReadonlyArray<{ command: string; actual: string }>): string {
  return steps.map((step) => `$ ${step.command.replace(/\n/g, '\n> ')}\n${step.actual}`).join('\n');
}

/** Runs a transcript on a fresh sandbox and expects the terminal to show exactly what it says. */
export async function expectTranscript(text: string, sandbox?: Sandbox): Promise<void> {
  const steps = await runTranscript(text, sandbox);
  expect(formatTranscript(steps)).toBe(formatTranscript(steps.map((step) => ({ command: step.command, actual: step.expected }))));
}
