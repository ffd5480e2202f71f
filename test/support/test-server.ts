import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Clock } from '../../apps/api/src/services/clock';
import { type Environment, loadConfiguration } from '../../apps/api/src/services/configuration/configuration';
import { globalSetupTemplate } from '../../apps/api/src/services/database/embedded-database.testing';
import { createLogger } from '../../apps/api/src/services/logger/logger';
import { createServer, type Server } from '../../apps/api/src/server';

export const workspaceRoot = join(__dirname, '../..');

export interface TestServer {
  url: string;
  dataDir: string;
  server: Server;
  /** Stops the server; the data directory stays (for restart tests) until `dispose`. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A real server on a loopback port, in this process, with its own data
 * directory (embedded database unless DATABASE_URL is given).
 */
export async function startTestServer(env: Environment = {}, dataDir?: string, clock?: Clock): Promise<TestServer> {
  const directory = dataDir ?? (await mkdtemp(join(tmpdir(), 'kubelab-data-')));
  const configuration = loadConfiguration(
    { LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: directory, ...env },
    workspaceRoot,
  );
  const template = await globalSetupTemplate();
  let server: Server;
  try {
    server = await createServer({
      configuration,
      logger: env['LOG_LEVEL'] ? createLogger(configuration.logLevel) : pino({ level: 'silent' }),
      migrationsDir: join(workspaceRoot, 'prisma/migrations'),
      ...(template ? { embeddedTemplate: template } : {}),
      ...(clock ? { clock } : {}),
    });
  } catch (error) {
    if (!dataDir) await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const url = (await server.listen()).replace('[::1]', '127.0.0.1');
  return {
    url,
    dataDir: directory,
    server,
    close: () => server.close(),
    dispose: async () => {
      await server.close();
      if (!dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A browser-like HTTP client: JSON in and out, keeps its session cookie. */
export class HttpClient {
  private cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair?.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    const json: unknown = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    // Tests read responses loosely (json.user.email); the server side is typed.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}) {
    return this.request('POST', path, body);
  }

  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
}
