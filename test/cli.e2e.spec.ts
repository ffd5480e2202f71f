// The built `kubelab` command (`node dist/apps/cli/src/main.js`) as a real
// process. `npm test` builds first; on its own, run
// `node tools/build-node.mjs apps/cli` before this test.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startTestServer, type TestServer, workspaceRoot } from './support/test-server';

jest.setTimeout(60_000);

const cliEntry = join(workspaceRoot, 'dist/apps/cli/src/main.js');

/** Runs `kubelab <args>` asynchronously (the in-process server must keep answering). */
function kubelab(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(cliEntry))
    throw new Error(`${cliEntry} is missing: build it first (node tools/build-node.mjs apps/cli)`);
  const env = { ...process.env };
  delete env['KUBELAB_SERVER'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliEntry, ...args],
      { cwd: workspaceRoot, env, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A loopback port nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('the kubelab command', () => {
  let server: TestServer | undefined;
  afterAll(() => server?.dispose());

  it('runs as a process: prints its version, and reports a live server and a closed port', async () => {
    const { version } = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await kubelab(['version'])).toEqual({ code: 0, stdout: `kubelab ${version}\n`, stderr: '' });

    server = await startTestServer();
    const live = await kubelab(['status', '--server', server.url]);
    expect(live).toEqual({
      code: 0,
      stdout: `Server:   ${server.url}\nHealth:   ok\nReady:    ready (database: embedded)\n`,
      stderr: '',
    });

    const port = await closedPort();
    const closed = await kubelab(['status', '--server', `http://127.0.0.1:${port}`]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toBe(
      `kubelab: cannot reach http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });
});
