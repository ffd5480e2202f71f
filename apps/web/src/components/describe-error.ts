import type { ApiIssue } from '../api/types';
import { ApiError } from '../api/api-error';

export interface ErrorDescription {
  message: string;
  issues: readonly ApiIssue[];
}

/** Turns anything thrown by an API call into text that can be shown to the user. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    let message = error.message;
    if (error.status === 429 && error.retryAfterSeconds !== null) {
      const seconds = error.retryAfterSeconds;
      message += ` Try again in ${String(seconds)} second${seconds === 1 ? '' : 's'}.`;
    }
    return { message, issues: error.issues };
  }
  return { message: 'Something went wrong. Please try again.', issues: [] };
}

/** Validation issues for one form field, matched on the last segment of the issue path. */
export function fieldIssue(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.issues.find((issue) => issue.path.split('.').at(-1) === field)?.message;
}
