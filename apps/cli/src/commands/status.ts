import { type CliIO, type Command, UsageError } from '../command';

export const DEFAULT_SERVER = 'http://127.0.0.1:3000';
const REQUEST_TIMEOUT_MS = 5000;

/** `--server`, else $KUBELAB_SERVER, else the default; without a trailing slash. */
export function resolveServer(option: string | undefined, env: CliIO['env']): string {
  const given = option ?? (env['KUBELAB_SERVER'] || undefined) ?? DEFAULT_SERVER;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`invalid server URL "${given}" (expected e.g. ${DEFAULT_SERVER})`, 'status');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`invalid server URL "${given}": only http:// and https:// are supported`, 'status');
  }
  return given.replace(/\/+$/, '');
}

interface Answer {
  status: number;
  statusText: string;
  contentType: string | undefined;
  body: Record<string, unknown> | undefined;
}

class Unreachable extends Error {}

async function get(io: CliIO, url: string): Promise<Answer> {
  let response: Response;
  try {
    response = await io.fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Unreachable(describeFailure(error));
  }
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> | undefined;
  if (response.headers.get('content-type')?.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
  }
  return {
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get('content-type') ?? undefined,
    body,
  };
}

/** The most useful words from a failed fetch: Node puts the socket error in `cause`. */
export function describeFailure(error: unknown): string {
  const failure = error as { name?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  if (failure?.name === 'TimeoutError' || failure?.name === 'AbortError') {
    return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  }
  const cause = failure?.cause as { message?: unknown; code?: unknown; errors?: unknown } | null | undefined;
  if (Array.isArray(cause?.errors)) {
    const messages = cause.errors
      .map((e: { message?: unknown } | null) => e?.message)
      .filter((m) => typeof m === 'string' && m);
    if (messages.length > 0) return [...new Set(messages)].join('; ');
  }
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof failure?.message === 'string' && failure.message ? failure.message : String(error);
}

function httpProblem(answer: Answer): string {
  const message = answer.body?.['message'];
  const status = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  if (typeof message === 'string' && message) return `${message} (${status})`;
  if (answer.status < 300) {
    const type = answer.contentType ? `, ${answer.contentType.split(';')[0]}` : '';
    return `unexpected answer (${status}${type}); is this a kubelab server?`;
  }
  return status;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show whether a kubelab server is up and ready',
  usage: 'kubelab status [--server URL]',
  description:
    'Asks a kubelab server for its health (/health) and readiness (/ready).\n' +
    'Exits 0 when the server is ready, 1 when it is not ready or cannot be reached.',
  options: {
    server: {
      type: 'string',
      valueName: 'URL',
      description: `The server to ask (default: $KUBELAB_SERVER, else ${DEFAULT_SERVER})`,
    },
  },
  run: async ({ io, values }) => {
    const server = resolveServer(values['server'] as string | undefined, io.env);
    io.stdout(`Server:   ${server}\n`);
    try {
      const health = await get(io, `${server}/health`);
      const healthy = health.status === 200 && health.body?.['status'] === 'ok';
      io.stdout(`Health:   ${healthy ? 'ok' : `not ok: ${httpProblem(health)}`}\n`);

      const ready = await get(io, `${server}/ready`);
      if (ready.status === 200 && ready.body?.['status'] === 'ready') {
        const database = ready.body['database'];
        io.stdout(`Ready:    ready${typeof database === 'string' ? ` (database: ${database})` : ''}\n`);
        return healthy ? 0 : 1;
      }
      io.stdout(`Ready:    not ready: ${httpProblem(ready)}\n`);
      return 1;
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      io.stderr(`kubelab: cannot reach ${server}: ${error.message}\n`);
      return 1;
    }
  },
};
