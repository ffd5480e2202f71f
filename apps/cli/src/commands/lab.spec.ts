import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';

async function kubelab(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    fetch: globalThis.fetch,
  });
  return { code, stdout, stderr };
}

describe('kubelab lab', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kubelab-lab-'));
  const previous = process.cwd();
  beforeAll(() => process.chdir(directory));
  afterAll(() => process.chdir(previous));

  it('writes a starter lab that validates', async () => {
    expect(await kubelab('lab', 'new', 'my-first-lab')).toEqual({
      code: 0,
      stdout: 'wrote my-first-lab.yaml\n',
      stderr: '',
    });
    expect(await kubelab('lab', 'validate', 'my-first-lab.yaml')).toEqual({
      code: 0,
      stdout: 'my-first-lab.yaml: ok (1 task, the solution passes, 1 wrong solution fails as expected)\n',
      stderr: '',
    });
    expect((await kubelab('lab', 'new', 'my-first-lab')).stderr).toBe('kubelab: my-first-lab.yaml already exists\n');
  });

  it('reports a wrong solution that passes, and a solution that fails', async () => {
    const lab = readFileSync('my-first-lab.yaml', 'utf8')
      .replace(
        'commands: [kubectl expose pod web --port=8080 --target-port=80]',
        'commands: [kubectl expose pod web --port=80]',
      )
      .replace('  - kubectl expose pod web --port=80\n', '  - kubectl expose pod web --port=81\n');
    writeFileSync('broken.yaml', lab);
    expect(await kubelab('lab', 'validate', 'broken.yaml')).toEqual({
      code: 1,
      stdout:
        'broken.yaml: the solution fails check service: Service web exists but exposes port 81, expected 80\n' +
        'broken.yaml: wrong solution "wrong port" passes check service, which it must fail\n',
      stderr: '',
    });
  });

  it('prints the results of a script', async () => {
    writeFileSync('attempt.sh', 'kubectl expose pod web --port=80 --name=webb\n');
    const checked = await kubelab('lab', 'check', 'my-first-lab.yaml', '--script', 'attempt.sh');
    expect(checked).toEqual({
      code: 1,
      stdout:
        'expose: failed (0/10)\n' +
        '  FAIL service: There is no Service web on port 80. (Service web not found in namespace default; did you mean webb?)\n' +
        '  FAIL endpoints: The Service does not reach the web pod. (Service web not found; did you mean webb?)\n' +
        'score 0/10\n',
      stderr: '',
    });
  });

  it('explains format problems by line', async () => {
    writeFileSync(
      'bad.yaml',
      'apiVersion: kubelab.dev/v1\nkind: Lab\nmetadata: { id: x, title: X }\ntasks: []\nsolution: [true]\n',
    );
    expect(await kubelab('lab', 'validate', 'bad.yaml')).toEqual({
      code: 1,
      stdout: 'bad.yaml:4:8: tasks: must NOT have fewer than 1 items\nbad.yaml:5:12: solution[0]: must be a string\n',
      stderr: '',
    });
  });
});
