// How kubectl reports failures: cmdutil.CheckErr's wording for API Status
// errors, usage errors with the "See 'kubectl X -h'" hint, and exit codes.
import type { Status } from '@kubelab/cluster';

/** A failure whose text is printed to stderr as is (plus a newline) before exiting with `exitCode`. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `error: <message>` (cmdutil.CheckErr of a plain error). */
export function errorMessage(message: string): KubectlError {
  return new KubectlError(message.startsWith('error: ') ? message : `error: ${message}`);
}

/** cmdutil.UsageErrorf: `error: <message>\nSee 'kubectl <path> -h' for help and examples`. */
export function usageError(path: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl ${path} -h' for help and examples`);
}

/** An API Status as kubectl's CheckErr prints it. */
export function statusMessage(status: Status): string {
  const details = status.details;
  if (status.reason === 'Invalid') {
    if (!details) return `The request is invalid${status.message ? `: ${status.message}` : ''}`;
    let text = 'The request is invalid';
    if (details.kind || details.name)
      text = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
    const causes = (details.causes ?? []).map((cause) =>
      cause.field ? `${cause.field}: ${cause.message ?? ''}` : (cause.message ?? ''),
    );
    if (causes.length === 0) return text;
    return causes.length === 1
      ? `${text}: ${causes[0]}`
      : `${text}: \n${causes.map((cause) => `* ${cause}`).join('\n')}`;
  }
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message ?? ''})`;
  if (status.reason) return `Error from server (${status.reason}): ${status.message ?? ''}`;
  return `Error from server: ${status.message ?? ''}`;
}

export function statusError(status: Status): KubectlError {
  return new KubectlError(statusMessage(status));
}

export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}
