// ls layouts and the long format, file operations, find, editors, yq and
// the commands that run other commands; expectations follow GNU output
// recorded on Ubuntu (tabs in `ls -C` are GNU's).
import { MemoryFileSystem } from '../fs/memory-fs';
import { runUtility, TEST_NOW } from './run-utility.testing';

const NAMES = [
  'alpha',
  'beta-service-long-name',
  'config.yaml',
  'deploy.yaml',
  'kustomization.yaml',
  'pod-definition.yaml',
  'service.yaml',
  'x',
];

function labFs(): MemoryFileSystem {
  let now = TEST_NOW;
  const fs = new MemoryFileSystem(() => now);
  fs.makeDirectory('/root/lab/manifests', { parents: true });
  for (const name of NAMES) fs.writeFile(`/root/lab/${name}`, '');
  now = Date.parse('2026-01-02T03:04:05Z');
  fs.writeFile('/root/lab/old.txt', 'x'.repeat(5000));
  return fs;
}

describe('ls', () => {
  it('fills columns on a terminal', async () => {
    const result = await runUtility('ls', { cwd: '/root/lab', fs: labFs(), tty: true });
    expect(result.stdout).toBe(
      'alpha\t\t\tdeploy.yaml\t    old.txt\t\t x\n' +
        'beta-service-long-name\tkustomization.yaml  pod-definition.yaml\n' +
        'config.yaml\t\tmanifests\t    service.yaml\n',
    );
  });

  it('prints one name per line into a pipe', async () => {
    const result = await runUtility('ls manifests missing', { cwd: '/root/lab', fs: labFs() });
    expect(result).toMatchObject({
      stdout: 'manifests:\n',
      stderr: "ls: cannot access 'missing': No such file or directory\n",
      code: 2,
    });
  });

  it('prints the long format with sizes, links and dates', async () => {
    const result = await runUtility('ls -l manifests/.. old.txt', { cwd: '/root/lab', fs: labFs() });
    expect(result.stdout).toBe(
      '-rw-r--r-- 1 root root 5000 Jan  2  2026 old.txt\n\nmanifests/..:\n' +
        'total 12\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 alpha\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 beta-service-long-name\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 config.yaml\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 deploy.yaml\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 kustomization.yaml\n' +
        'drwxr-xr-x 2 root root 4096 Nov 22 10:00 manifests\n' +
        '-rw-r--r-- 1 root root 5000 Jan  2  2026 old.txt\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 pod-definition.yaml\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 service.yaml\n' +
        '-rw-r--r-- 1 root root    0 Nov 22 10:00 x\n',
    );
  });

  it('sorts by time and shows human sizes', async () => {
    const result = await runUtility('ls -lht', { cwd: '/root/lab', fs: labFs() });
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'total 12K',
      '-rw-r--r-- 1 root root    0 Nov 22 10:00 alpha',
    ]);
    expect(result.stdout.split('\n').slice(-2)).toEqual(['-rw-r--r-- 1 root root 4.9K Jan  2  2026 old.txt', '']);
  });

  it('uses busybox wording in busybox images', async () => {
    const result = await runUtility('ls nope', { flavour: 'busybox' });
    expect(result).toMatchObject({ stderr: 'ls: nope: No such file or directory\n', code: 2 });
  });
});

describe('file operations', () => {
  it('mkdir, touch, cp -r, mv, rm -r', async () => {
    const fs = new MemoryFileSystem(() => TEST_NOW);
    const steps: Array<[string, string, number]> = [
      ['mkdir -p a/b', '', 0],
      ['mkdir a', 'mkdir: cannot create directory \u2018a\u2019: File exists\n', 1],
      ['touch a/b/f', '', 0],
      ['cp a c', "cp: -r not specified; omitting directory 'a'\n", 1],
      ['cp -r a c', '', 0],
      ['mv c d', '', 0],
      ['rm d', "rm: cannot remove 'd': Is a directory\n", 1],
      ['rmdir a', "rmdir: failed to remove 'a': Directory not empty\n", 1],
      ['rm -r d', '', 0],
      ['rm -f nothing', '', 0],
      ['mv nothing x', "mv: cannot stat 'nothing': No such file or directory\n", 1],
      ['cp a/b/f a/b/f', "cp: 'a/b/f' and 'a/b/f' are the same file\n", 1],
    ];
    for (const [line, stderr, code] of steps) {
      expect([line, await runUtility(line, { fs })]).toMatchObject([line, { stderr, code }]);
    }
    expect((await runUtility('find . -type f', { fs })).stdout).toBe('./a/b/f\n');
    expect((await runUtility('find /root -name "*b*"', { fs })).stdout).toBe('/root/a/b\n');
  });

  it('edits files through the terminal hook', async () => {
    const fs = new MemoryFileSystem(() => TEST_NOW);
    const seen: string[] = [];
    const edit = (name: string, text: string) => {
      seen.push(`${name}:${text}`);
      return Promise.resolve('kind: Pod\n');
    };
    await runUtility('vi pod.yaml', { fs, edit });
    await runUtility('vim pod.yaml', { fs, edit });
    expect(seen).toEqual(['pod.yaml:', 'pod.yaml:kind: Pod\n']);
    expect(fs.readFile('/root/pod.yaml')).toEqual({ ok: true, value: 'kind: Pod\n' });
  });
});

describe('commands that run commands', () => {
  it('xargs, env and timeout go through run', async () => {
    expect((await runUtility('xargs -n 2 echo', { stdin: 'a b c\n' })).stdout).toBe('a b\nc\n');
    expect((await runUtility('env -i A=1 printenv A')).stdout).toBe('1\n');
    expect((await runUtility('env -i A=1')).stdout).toBe('A=1\n');
    expect(await runUtility('timeout 5 sleep 1')).toMatchObject({ code: 0 });
    expect(await runUtility('timeout 1 sleep 5')).toMatchObject({ code: 124 });
    expect(await runUtility('sleep x')).toMatchObject({
      stderr: "sleep: invalid time interval \u2018x\u2019\nTry 'sleep --help' for more information.\n",
      code: 1,
    });
  });

  it('date formats the session clock in UTC', async () => {
    expect((await runUtility('date')).stdout).toBe('Sun Nov 22 10:00:00 UTC 2026\n');
    expect((await runUtility("date +'%Y-%m-%dT%H:%M:%SZ %a %b %e %j %p %I %s'")).stdout).toBe(
      '2026-11-22T10:00:00Z Sun Nov 22 326 AM 10 1795341600\n',
    );
  });

  it('clear, uname and which', async () => {
    expect((await runUtility('clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await runUtility('uname -a')).stdout).toBe(
      'Linux controlplane 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n',
    );
    expect(await runUtility('which kubectl nope')).toMatchObject({ stdout: '/usr/bin/kubectl\n', code: 1 });
  });
});

describe('yq', () => {
  const files = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n    name: http\n' };
  it.each([
    ["yq '.spec.ports[0].port' svc.yaml", '80\n'],
    ["yq e '.kind' svc.yaml", 'Service\n'],
    ["yq '.spec' svc.yaml", 'ports:\n  - port: 80\n    name: http\n'],
    ["yq -o json '.spec.ports[0]' svc.yaml", '{\n  "port": 80,\n  "name": "http"\n}\n'],
  ])('%s', async (line, stdout) => {
    expect(await runUtility(line, { files })).toMatchObject({ stdout, stderr: '', code: 0 });
  });
});
