import { type Sandbox, StringInput } from '@kubelab/shell';
import { CommandOutput, TRANSCRIPT_OUTPUT_LIMIT } from './command-output';
import type { CommandRecord } from './sandbox-records';

export interface RunCommandsOptions {
  signal: AbortSignal;
  now: () => Date;
  /** Sequence number of the first command. */
  firstSeq: number;
  onOutput?: (chunk: string) => void;
}

/**
 * Runs `input` as bash reads a script: each complete command (a heredoc or a
 * loop is one) as soon as it is read, with the following lines as its
 * standard input. Returns one transcript entry per command.
 */
export async function runCommands(
  sandbox: Sandbox,
  input: string,
  options: RunCommandsOptions,
): Promise<CommandRecord[]> {
  const output = new CommandOutput(TRANSCRIPT_OUTPUT_LIMIT, options.onOutput);
  const records: CommandRecord[] = [];
  let startedAt = options.now();
  await sandbox.shell.runInput(
    new StringInput(input),
    { stdout: output, stderr: output },
    {
      signal: options.signal,
      onCommand: (text, result) => {
        const finishedAt = options.now();
        const captured = output.take();
        records.push({
          seq: options.firstSeq + records.length,
          kind: 'command',
          input: text,
          output: captured.text,
          outputTruncated: captured.truncated,
          exitCode: result.exitCode,
          interrupted: options.signal.aborted,
          inHistory: true,
          startedAt,
          finishedAt,
        });
        startedAt = finishedAt;
      },
    },
  );
  return records;
}
