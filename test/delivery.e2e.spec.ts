import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { workspaceRoot } from './support/test-server';

const run = promisify(execFile);

/** `docker compose` (v2 plugin) where there is one, else `docker-compose`; both validate without an engine. */
async function composeCommand(): Promise<string[]> {
  try {
    await run('docker', ['compose', 'version']);
    return ['docker', 'compose'];
  } catch {
    return ['docker-compose'];
  }
}

describe('docker-compose.yml', () => {
  it('is accepted by docker compose and runs postgres, redis and the api built from this repository', async () => {
    const [command = 'docker-compose', ...prefix] = await composeCommand();
    const { stdout } = await run(command, [...prefix, '-f', 'docker-compose.yml', 'config'], {
      cwd: workspaceRoot,
      env: { ...process.env, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a-long-admin-password' },
    });
    expect(stdout).toMatch(/^ {2}postgres:$/m);
    expect(stdout).toMatch(/^ {2}redis:$/m);
    expect(stdout).toMatch(/^ {2}api:$/m);
    expect(stdout).toContain('DATABASE_URL: postgresql://kubelab:kubelab@postgres:5432/kubelab');
    expect(stdout).toContain('ADMIN_PASSWORD: a-long-admin-password');
    expect(stdout).toContain(`context: ${workspaceRoot}`);
  });
});
