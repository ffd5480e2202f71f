// How write commands over many objects report failures: kubectl's
// AddSourceToErr (`error when creating "x.yaml": ...`) and the aggregate of
// per-object errors printed at the end (cmdutil.CheckErr of an Aggregate).
import type { Status } from '@kubelab/cluster';
import { KubectlError, statusMessage } from '../../cli/errors';

/** A Status error with kubectl's `error when <verbing> "<source>": ` before its message. */
export function sourceStatusMessage(status: Status, verbing: string, source: string): string {
  return statusMessage({
    ...status,
    message: `error when ${verbing} ${JSON.stringify(source)}: ${status.message ?? ''}`,
  });
}

/** Collects per-object failures; `finish` turns them into kubectl's exit. */
export class ErrorList {
  private readonly messages: string[] = [];

  /** A message as CheckErr prints it alone (with `error: ` for plain errors). */
  add(message: string): void {
    this.messages.push(message);
  }

  get empty(): boolean {
    return this.messages.length === 0;
  }

  /** Throws when anything failed: one error as is, several one per line without the `error: ` prefix. */
  finish(): void {
    if (this.messages.length === 0) return;
    if (this.messages.length === 1) throw new KubectlError(this.messages[0] ?? '');
    throw new KubectlError(this.messages.map((message) => message.replace(/^error: /, '')).join('\n'));
  }
}
