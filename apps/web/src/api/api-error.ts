import type { ApiErrorBody, ApiIssue } from './types';

/** A failed API call: either an error response from the server or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: readonly ApiIssue[];
  /** Seconds to wait before retrying, from the Retry-After header (429 responses). */
  readonly retryAfterSeconds: number | null;

  constructor(body: ApiErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.issues = body.issues ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function isIssue(value: unknown): value is ApiIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Partial<Record<keyof ApiIssue, unknown>>;
  return typeof issue.path === 'string' && typeof issue.message === 'string';
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<Record<keyof ApiErrorBody, unknown>>;
  const issues = body.issues;
  return (
    typeof body.statusCode === 'number' &&
    typeof body.error === 'string' &&
    typeof body.message === 'string' &&
    (issues === undefined || (Array.isArray(issues) && issues.every(isIssue)))
  );
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds an ApiError from a non-2xx response, tolerating bodies that are not the usual JSON shape. */
export async function toApiError(response: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(await response.text());
  } catch {
    // Not JSON (for example a proxy error page); fall back to the status line below.
  }
  const body: ApiErrorBody = isErrorBody(parsed)
    ? parsed
    : {
        statusCode: response.status,
        error: response.statusText || 'Error',
        message: `The server answered with status ${String(response.status)}.`,
      };
  return new ApiError(body, parseRetryAfter(response.headers.get('retry-after')));
}

export function networkError(): ApiError {
  return new ApiError({
    statusCode: 0,
    error: 'Network Error',
    message: 'Could not reach the kubelab server. Check your connection and try again.',
  });
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
