import { networkError, toApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body; requests other than GET always send one (an empty object by default). */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the same-origin API and returns the parsed JSON body.
 * Throws ApiError for error responses and network failures; rethrows aborts unchanged.
 * Endpoints answering 204 resolve to undefined, so call them as apiRequest<undefined>.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkError();
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  // The API is trusted to answer with the documented shapes (see ./types.ts).
  return (await response.json()) as T;
}
