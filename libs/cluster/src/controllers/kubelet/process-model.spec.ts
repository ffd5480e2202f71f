import { effectiveCommand, processModel, type ProcessImage } from './process-model';

const BUSYBOX_BINARIES = [
  'sh',
  'echo',
  'sleep',
  'cat',
  'touch',
  'rm',
  'date',
  'printenv',
  'env',
  'hostname',
  'ls',
  'wget',
  'true',
  'false',
  'test',
  'seq',
  'tail',
];

const busybox: ProcessImage = {
  entrypoint: [],
  cmd: ['sh'],
  runsUntilStopped: false,
  exitCode: 0,
  handlesSigterm: false,
  binaries: BUSYBOX_BINARIES,
  shell: '/bin/sh',
  bash: false,
};

const nginx: ProcessImage = {
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  runsUntilStopped: true,
  exitCode: 0,
  handlesSigterm: true,
  binaries: ['sh', 'bash', 'nginx', 'sleep', 'echo', 'cat', 'apt-get'],
  shell: '/bin/sh',
  bash: true,
};

const START = Date.parse('2026-11-22T10:00:00Z');
const options = {
  env: [
    ['PATH', '/bin'],
    ['HOSTNAME', 'web-1'],
    ['GREETING', 'hello'],
  ] as Array<[string, string]>,
  hostname: 'web-1',
  startedAt: START,
};

function model(command: string[], image: ProcessImage = busybox) {
  return processModel(command, image, options);
}

describe('effectiveCommand', () => {
  it('applies Kubernetes command/args over ENTRYPOINT/CMD', () => {
    expect(effectiveCommand({}, nginx)).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(effectiveCommand({ args: ['sleep', '3600'] }, nginx)).toEqual(['/docker-entrypoint.sh', 'sleep', '3600']);
    expect(effectiveCommand({ command: ['sleep'] }, nginx)).toEqual(['sleep']);
    expect(effectiveCommand({ command: ['sh', '-c'], args: ['echo hi'] }, busybox)).toEqual(['sh', '-c', 'echo hi']);
  });
});

describe('processModel', () => {
  it('runs the image program until stopped, handling SIGTERM', () => {
    const server = model(effectiveCommand({}, nginx), nginx);
    expect(server).toMatchObject({ imageProcess: true, exitAfterMs: undefined, handlesSigterm: true });
    expect(model(['nginx', '-g', 'daemon off;'], nginx).imageProcess).toBe(true);
  });

  it('lets an entrypoint script exec its arguments', () => {
    const sleeper = model(['/docker-entrypoint.sh', 'sleep', '3600'], nginx);
    expect(sleeper).toMatchObject({ imageProcess: false, exitAfterMs: 3600_000, exitCode: 0, handlesSigterm: false });
  });

  it('ends busybox without a command at once (sh with no input)', () => {
    expect(model(['sh'])).toMatchObject({ imageProcess: true, exitAfterMs: 0, exitCode: 0 });
  });

  it('times sleep, including suffixes and infinity', () => {
    expect(model(['sleep', '5']).exitAfterMs).toBe(5000);
    expect(model(['sleep', '2m']).exitAfterMs).toBe(120_000);
    expect(model(['sleep', 'infinity']).exitAfterMs).toBeUndefined();
    expect(model(['tail', '-f', '/dev/null']).exitAfterMs).toBeUndefined();
  });

  it('works out exit codes of shell scripts', () => {
    expect(model(['sh', '-c', 'exit 1'])).toMatchObject({ exitAfterMs: 0, exitCode: 1 });
    expect(model(['sh', '-c', 'echo done; exit 0'])).toMatchObject({ exitAfterMs: 0, exitCode: 0 });
    expect(model(['false'])).toMatchObject({ exitAfterMs: 0, exitCode: 1 });
    expect(model(['true'])).toMatchObject({ exitAfterMs: 0, exitCode: 0 });
    expect(model(['sh', '-c', 'sleep 5; exit 3'])).toMatchObject({ exitAfterMs: 5000, exitCode: 3 });
    expect(model(['sh', '-c', 'nosuchcommand'])).toMatchObject({ exitAfterMs: 0, exitCode: 127 });
  });

  it('keeps endless loops running and prints their output over time', () => {
    const loop = model(['sh', '-c', 'while true; do echo "$GREETING from $(hostname)"; sleep 5; done']);
    expect(loop.exitAfterMs).toBeUndefined();
    expect(loop.handlesSigterm).toBe(false);
    expect(loop.output(12_000)).toEqual([
      { atMs: 0, text: 'hello from web-1' },
      { atMs: 5000, text: 'hello from web-1' },
      { atMs: 10_000, text: 'hello from web-1' },
    ]);
    expect(loop.output(3_600_000, 2)).toHaveLength(2);
  });

  it('prints date in UTC as busybox does', () => {
    const dates = model(['sh', '-c', 'while true; do date; sleep 60; done']);
    expect(dates.output(61_000).map((line) => line.text)).toEqual([
      'Sun Nov 22 10:00:00 UTC 2026',
      'Sun Nov 22 10:01:00 UTC 2026',
    ]);
  });

  it('follows files for exec probes (the liveness example of the Kubernetes docs)', () => {
    const script = model(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']);
    expect(script.exitAfterMs).toBe(630_000);
    expect(script.fileExists('/tmp/healthy', 10_000)).toBe(true);
    expect(script.fileExists('/tmp/healthy', 31_000)).toBe(false);
  });

  it('counts a TERM trap as handling SIGTERM', () => {
    expect(model(['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"]).handlesSigterm).toBe(true);
  });

  it('runs finite for loops and arithmetic', () => {
    const counted = model(['sh', '-c', 'for i in 1 2 3; do echo "n=$i"; done; i=5; echo $((i * 2))']);
    expect(counted.output(0).map((line) => line.text)).toEqual(['n=1', 'n=2', 'n=3', '10']);
    expect(counted.exitAfterMs).toBe(0);
  });

  it('refuses to start a program the image does not have', () => {
    expect(model(['nginx'])).toMatchObject({
      exitCode: 128,
      startError: 'exec: "nginx": executable file not found in $PATH',
    });
  });
});
