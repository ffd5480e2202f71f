import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliIO, runCli } from './cli';
import { findVersion } from './commands/version';

type Route = () => Response | Promise<Response>;

/** A CLI run with a fake network: `routes` maps full URLs to answers (or thrown errors). */
async function run(args: string[], options: { routes?: Record<string, Route>; env?: CliIO['env'] } = {}) {
  let stdout = '';
  let stderr = '';
  const requests: string[] = [];
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    fetch: async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      requests.push(url);
      const route = options.routes?.[url];
      if (!route) throw new TypeError('fetch failed', { cause: new Error(`no route for ${url} in this test`) });
      return route();
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, requests };
}

const json =
  (body: unknown, status = 200, statusText = 'OK') =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      statusText,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });

const kubelabServer = (base: string, ready: Route = json({ status: 'ready', database: 'embedded' })) => ({
  [`${base}/health`]: json({ status: 'ok' }),
  [`${base}/ready`]: ready,
});

const refused = (address: string) => () => {
  const cause = Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
  throw new TypeError('fetch failed', { cause });
};

const workspaceVersion = (
  JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }
).version;

describe('kubelab usage', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('prints the usage for %j and exits 0', async (args) => {
    const result = await run(args);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: kubelab <command> \[options\]\n/);
    expect(result.stdout).toMatch(/^ {2}status +Show whether a kubelab server is up and ready$/m);
    expect(result.stdout).toMatch(/^ {2}version +Print the version of this tool$/m);
    expect(result.stdout).toMatch(/^ {2}help +/m);
    expect(result.stdout).toContain('Global options:');
    expect(result.stdout).toMatch(/^ {2}-h, --help +/m);
    expect(result.stdout).toMatch(/^ {2}-v, --version +/m);
    expect(result.stdout).toContain('KUBELAB_SERVER');
  });

  it.each([[['help', 'status']], [['status', '--help']], [['status', '-h', '--server', 'http://x']]])(
    'prints the help of a command for %j',
    async (args) => {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: kubelab status \[--server URL\]\n/);
      expect(result.stdout).toMatch(/^ {6}--server URL +The server to ask/m);
      expect(result.requests).toEqual([]);
    },
  );

  it('rejects an unknown command with a hint, exit code 2', async () => {
    const result = await run(['deploy', '--now']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('kubelab: unknown command "deploy"\nRun \'kubelab --help\' for usage.\n');
    expect((await run(['help', 'deploy'])).stderr).toContain('kubelab: unknown command "deploy"');
  });

  it.each([
    [['--nope'], 'kubelab: unknown option "--nope"\nRun \'kubelab --help\' for usage.\n'],
    [
      ['status', '--nope'],
      'kubelab: unknown option "--nope" for "kubelab status"\nRun \'kubelab status --help\' for usage.\n',
    ],
    [['status', '-x'], 'kubelab: unknown option "-x" for "kubelab status"\nRun \'kubelab status --help\' for usage.\n'],
    [['version', '--server', 'http://x'], 'kubelab: unknown option "--server" for "kubelab version"\n'],
    [['status', '--server'], 'kubelab: option --server needs a value (--server URL)\n'],
    [['status', '--server', '--help'], 'kubelab: option --server needs a value (--server URL)\n'],
    [['status', '--help=yes'], 'kubelab: option --help takes no value\n'],
    [['status', 'now'], 'kubelab: unexpected argument "now"\n'],
    [
      ['status', '--server', 'ftp://example.com'],
      'kubelab: invalid server URL "ftp://example.com": only http:// and https:// are supported\n',
    ],
    [['status', '--server', 'localhost:3000'], 'kubelab: invalid server URL "localhost:3000"'],
    [
      ['status', '--server', 'not a url'],
      'kubelab: invalid server URL "not a url" (expected e.g. http://127.0.0.1:3000)\n',
    ],
  ])('rejects %j with a clear message, exit code 2', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).toMatch(/Run 'kubelab (status |version )?--help' for usage\.\n$/);
    expect(result.requests).toEqual([]);
  });
});

describe('kubelab version', () => {
  it.each([[['version']], [['--version']], [['-v']]])('prints the workspace version for %j', async (args) => {
    expect(await run(args)).toMatchObject({ code: 0, stdout: `kubelab ${workspaceVersion}\n`, stderr: '' });
  });

  it('finds the nearest package.json named "kubelab" above a directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubelab-cli-'));
    try {
      await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'kubelab', version: '9.8.7' }));
      await mkdir(join(root, 'dist/apps/cli/src/commands'), { recursive: true });
      await writeFile(join(root, 'dist/package.json'), JSON.stringify({ name: 'something-else', version: '1.0.0' }));
      await writeFile(join(root, 'dist/apps/package.json'), '{ not json');
      expect(findVersion(join(root, 'dist/apps/cli/src/commands'))).toBe('9.8.7');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    expect(findVersion('/')).toBeUndefined();
  });
});

describe('kubelab status', () => {
  it('reports a ready server at the default address, exit code 0', async () => {
    const result = await run(['status'], { routes: kubelabServer('http://127.0.0.1:3000') });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Server:   http://127.0.0.1:3000\nHealth:   ok\nReady:    ready (database: embedded)\n');
    expect(result.stderr).toBe('');
    expect(result.requests).toEqual(['http://127.0.0.1:3000/health', 'http://127.0.0.1:3000/ready']);
  });

  it('takes the server from KUBELAB_SERVER, and --server over it', async () => {
    const env = { KUBELAB_SERVER: 'https://lab.example.com/' };
    const fromEnv = await run(['status'], { env, routes: kubelabServer('https://lab.example.com') });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toContain('Server:   https://lab.example.com\n');

    const fromOption = await run(['status', '--server=http://10.0.0.5:8080'], {
      env,
      routes: kubelabServer('http://10.0.0.5:8080'),
    });
    expect(fromOption.code).toBe(0);
    expect(fromOption.requests).toEqual(['http://10.0.0.5:8080/health', 'http://10.0.0.5:8080/ready']);

    const emptyEnv = await run(['status'], {
      env: { KUBELAB_SERVER: '' },
      routes: kubelabServer('http://127.0.0.1:3000'),
    });
    expect(emptyEnv.code).toBe(0);
  });

  it("reports a server that is not ready with the server's message, exit code 1", async () => {
    const result = await run(['status', '--server', 'http://127.0.0.1:3000'], {
      routes: kubelabServer(
        'http://127.0.0.1:3000',
        json({ statusCode: 503, error: 'Service Unavailable', message: 'shutting down' }, 503, 'Service Unavailable'),
      ),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'Server:   http://127.0.0.1:3000\nHealth:   ok\nReady:    not ready: shutting down (HTTP 503 Service Unavailable)\n',
    );
  });

  it('reports an unreachable server on stderr, exit code 1', async () => {
    const result = await run(['status', '--server', 'http://127.0.0.1:4000'], {
      routes: { 'http://127.0.0.1:4000/health': refused('127.0.0.1:4000') },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('kubelab: cannot reach http://127.0.0.1:4000: connect ECONNREFUSED 127.0.0.1:4000\n');
    expect(result.requests).toEqual(['http://127.0.0.1:4000/health']);
  });

  it('explains timeouts and failures of every address of a name', async () => {
    const timedOut = await run(['status'], {
      routes: {
        'http://127.0.0.1:3000/health': () => {
          throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
        },
      },
    });
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toBe('kubelab: cannot reach http://127.0.0.1:3000: no answer within 5 s\n');

    const everyAddress = await run(['status', '--server', 'http://localhost:4000'], {
      routes: {
        'http://localhost:4000/health': () => {
          const cause = new AggregateError([
            new Error('connect ECONNREFUSED ::1:4000'),
            new Error('connect ECONNREFUSED 127.0.0.1:4000'),
          ]);
          throw new TypeError('fetch failed', { cause });
        },
      },
    });
    expect(everyAddress.stderr).toBe(
      'kubelab: cannot reach http://localhost:4000: connect ECONNREFUSED ::1:4000; connect ECONNREFUSED 127.0.0.1:4000\n',
    );
  });

  it('does not take some other web server for a kubelab server', async () => {
    const page = () =>
      new Response('<html></html>', { status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' } });
    const result = await run(['status'], {
      routes: { 'http://127.0.0.1:3000/health': page, 'http://127.0.0.1:3000/ready': page },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Health:   not ok: unexpected answer (HTTP 200 OK, text/html); is this a kubelab server?\n',
    );
    expect(result.stdout).toContain('Ready:    not ready: unexpected answer (HTTP 200 OK, text/html)');
  });

  it('is not ready when the server answers /ready but not /health', async () => {
    const result = await run(['status'], {
      routes: {
        'http://127.0.0.1:3000/health': json(
          { statusCode: 500, error: 'Internal Server Error', message: 'boom' },
          500,
          'Internal Server Error',
        ),
        'http://127.0.0.1:3000/ready': json({ status: 'ready', database: 'postgresql' }),
      },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'Server:   http://127.0.0.1:3000\nHealth:   not ok: boom (HTTP 500 Internal Server Error)\nReady:    ready (database: postgresql)\n',
    );
  });
});
