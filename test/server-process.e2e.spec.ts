// The real server process (`node dist/apps/api/src/main.js`): configuration
// errors, the generated admin, restarts on the same data, graceful shutdown
// and the data directory lock. Needs a current build (`npm test` builds first).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { killServerProcesses, type LogLine, ServerProcess, tempDataDir } from './support/server-process';

jest.setTimeout(90_000);

const DEFAULT_ADMIN_EMAIL = 'admin@kubelab.local';
const ADMIN = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'root-password-123' };

const dataDirs: string[] = [];
async function dataDir(): Promise<string> {
  const directory = await tempDataDir();
  dataDirs.push(directory);
  return directory;
}

afterEach(() => killServerProcesses());
afterAll(() =>
  Promise.all(dataDirs.map((directory) => rm(directory, { recursive: true, force: true, maxRetries: 3 }))),
);

async function signIn(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, json: (await response.json()) as { user?: { email: string; role: string } } };
}

/** A GET on a new connection: the status code, or the socket error code (ECONNREFUSED...). */
function probe(url: string, path: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(new URL(path, url), { agent: false, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('no answer'), { code: 'TIMEOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A sign-in POST whose body is sent in two parts: `sendRest()` sends the
 * second half. `agent` decides the connection: none (Connection: close, like
 * a one-off client) or a keep-alive agent (like a browser).
 */
function slowSignIn(url: string, credentials: { email: string; password: string }, agent: http.Agent | false) {
  const body = JSON.stringify(credentials);
  const half = Math.floor(body.length / 2);
  let request!: http.ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    request = http.request(
      new URL('/api/v1/auth/sign-in', url),
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
  request.write(body.slice(0, half));
  return { answer, sendRest: () => request.end(body.slice(half)) };
}

const SHUTTING_DOWN = 'shutting down: finishing requests in flight';

/**
 * Starts a server (admin from the environment), sends half a sign-in
 * request, SIGTERMs the server once the request has arrived, and probes new
 * connections until the listening socket is closed. The request is still
 * waiting for the rest of its body (`inFlight.sendRest()`).
 */
async function signInInFlightAtShutdown(agent: http.Agent | false, env: Record<string, string> = {}) {
  const { server, url } = await ServerProcess.start({ DATA_DIR: await dataDir(), ...ADMIN, ...env });
  const inFlight = slowSignIn(url, { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }, agent);
  const arrival = await server.waitForLog(isSignInArrival, 10_000, 'for the sign-in request');
  server.signal('SIGTERM');
  await server.waitForLog(SHUTTING_DOWN, 10_000);
  const probes = [await probe(url, '/ready')];
  const deadline = Date.now() + 10_000;
  while (probes.at(-1) !== 'ECONNREFUSED' && Date.now() < deadline) probes.push(await probe(url, '/health'));
  return { server, url, inFlight, arrival, probes };
}

const isSignInArrival = (line: LogLine) =>
  line.msg === 'incoming request' && (line['req'] as { url?: string } | undefined)?.url === '/api/v1/auth/sign-in';

describe('the server process', () => {
  it('refuses a bad configuration with exit code 78, naming every bad variable and no stack trace', async () => {
    const server = ServerProcess.spawn({ PORT: 'eighty', LOG_LEVEL: 'loud', DATA_DIR: await dataDir() });
    const exit = await server.waitForExit();

    expect(exit).toEqual({ code: 78, signal: null });
    expect(server.stderr.startsWith('kubelab: Invalid configuration:\n')).toBe(true);
    expect(server.stderr).toMatch(/^ {2}- PORT: must be a whole number \(got "eighty"\)$/m);
    expect(server.stderr).toMatch(/^ {2}- LOG_LEVEL: .*\(got "loud"\)$/m);
    expect(server.stderr).not.toMatch(/^\s+at /m);
    expect(server.stderr).not.toContain('Error');
    expect(server.logs).toEqual([]);
  });

  it('creates an admin with a generated password on first start, stops on SIGTERM, and keeps it across a restart', async () => {
    const directory = await dataDir();
    const first = await ServerProcess.start({ DATA_DIR: directory });
    const generated = await first.server.waitForLog(
      (line) => line.level === 40 && typeof line['password'] === 'string',
      1000,
      'with the generated admin password',
    );
    expect(generated['email']).toBe(DEFAULT_ADMIN_EMAIL);
    const password = generated['password'] as string;
    expect(password.length).toBeGreaterThanOrEqual(12);

    const signedIn = await signIn(first.url, DEFAULT_ADMIN_EMAIL, password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.user).toMatchObject({ email: DEFAULT_ADMIN_EMAIL, role: 'admin' });

    expect(await first.server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(first.server.logs.map((line) => line.msg)).toContain('stopped');
    expect(first.server.stderr).toBe('');
    expect(existsSync(join(directory, 'kubelab.lock'))).toBe(false);

    const second = await ServerProcess.start({ DATA_DIR: directory });
    expect(second.server.logs.filter((line) => 'password' in line || /generated password/.test(line.msg))).toEqual([]);
    const again = await signIn(second.url, DEFAULT_ADMIN_EMAIL, password);
    expect(again.status).toBe(200);
    expect(again.json.user?.role).toBe('admin');
    expect(await second.server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('finishes a request in flight on SIGTERM, takes no new connections, then exits 0', async () => {
    const { server, url, inFlight, arrival, probes } = await signInInFlightAtShutdown(false);

    // Readiness fails at once, so anything new is refused or answered 503...
    expect([503, 'ECONNREFUSED', 'ECONNRESET']).toContain(probes[0]);
    // ...and the listening socket closes while the old request is still open.
    expect(probes.at(-1)).toBe('ECONNREFUSED');
    expect(server.hasExited).toBe(false);

    inFlight.sendRest();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { user: { email: string } }).user.email).toBe(ADMIN.ADMIN_EMAIL);

    expect(await server.waitForExit(15_000)).toEqual({ code: 0, signal: null });
    const position = (matches: (line: LogLine) => boolean) => server.logs.findIndex(matches);
    const completed = position((line) => line.msg === 'request completed' && line['reqId'] === arrival['reqId']);
    expect(completed).toBeGreaterThan(position((line) => line.msg === SHUTTING_DOWN));
    expect(position((line) => line.msg === 'stopped')).toBeGreaterThan(completed);
    expect(await probe(url, '/health')).toBe('ECONNREFUSED');
  });

  // A kept-alive connection must not hold the shutdown open: while stopping,
  // answers carry `connection: close`.
  it('exits 0 promptly after a request in flight from a keep-alive client', async () => {
    const agent = new http.Agent({ keepAlive: true, timeout: 60_000 });
    try {
      const { server, inFlight } = await signInInFlightAtShutdown(agent, { SHUTDOWN_TIMEOUT_MS: '3000' });
      inFlight.sendRest();
      const answer = await inFlight.answer;
      expect(answer.status).toBe(200);
      expect(answer.headers.connection).toBe('close');

      expect(await server.waitForExit(15_000)).toEqual({ code: 0, signal: null });
      expect(server.logs.map((line) => line.msg)).not.toContain('shutdown took too long; exiting');
    } finally {
      agent.destroy();
    }
  });

  // The database connection stays open until the HTTP server has finished:
  // a body completing right as shutdown begins is still answered normally.
  it('answers a request whose body completes just as shutdown begins', async () => {
    const { server, url } = await ServerProcess.start({ DATA_DIR: await dataDir(), ...ADMIN });
    const inFlight = slowSignIn(url, { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }, false);
    await server.waitForLog(isSignInArrival, 10_000, 'for the sign-in request');
    server.signal('SIGTERM');
    await server.waitForLog(SHUTTING_DOWN, 10_000);
    inFlight.sendRest();
    expect((await inFlight.answer).status).toBe(200);
    expect(await server.waitForExit(15_000)).toEqual({ code: 0, signal: null });
    expect(server.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('refuses to start a second server on a data directory in use, naming the process', async () => {
    const directory = await dataDir();
    const first = await ServerProcess.start({ DATA_DIR: directory });

    const second = ServerProcess.spawn({ DATA_DIR: directory });
    const exit = await second.waitForExit();
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(second.stderr).toContain(`is in use by process ${first.server.pid}`);
    expect(second.stderr).toMatch(/^kubelab: failed to start: the embedded database in .* is in use by process \d+; /);
    expect(second.stderr).not.toMatch(/^\s+at /m);

    // The first one is unharmed and still holds the lock.
    expect(await probe(first.url, '/ready')).toBe(200);
    expect(existsSync(join(directory, 'kubelab.lock'))).toBe(true);
    expect(await first.server.stop('SIGINT')).toEqual({ code: 0, signal: null });
  });
});
