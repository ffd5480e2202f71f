import type { OutputStream } from '@kubelab/shell';

/** Bytes of one command's output kept in the transcript. */
export const TRANSCRIPT_OUTPUT_LIMIT = 64 * 1024;

export interface CapturedOutput {
  text: string;
  truncated: boolean;
}

/**
 * What a terminal shows of one command (stdout and stderr interleaved),
 * passed on live to `onOutput` and kept up to `limit` characters for the
 * transcript. `take()` ends one command's output and starts the next.
 */
export class CommandOutput implements OutputStream {
  readonly closed = false;
  readonly isTTY = false;
  private chunks: string[] = [];
  private length = 0;
  private truncated = false;

  constructor(
    private readonly limit: number,
    private readonly onOutput?: (chunk: string) => void,
  ) {}

  write(text: string): void {
    this.onOutput?.(text);
    if (this.length >= this.limit) {
      this.truncated ||= text.length > 0;
      return;
    }
    const kept = text.length > this.limit - this.length ? text.slice(0, this.limit - this.length) : text;
    this.truncated ||= kept.length < text.length;
    this.chunks.push(kept);
    this.length += kept.length;
  }

  take(): CapturedOutput {
    const captured = { text: this.chunks.join(''), truncated: this.truncated };
    this.chunks = [];
    this.length = 0;
    this.truncated = false;
    return captured;
  }
}
