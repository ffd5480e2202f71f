import { Readable } from 'node:stream';
import { runCli } from '../cli';

async function shell(args: string[], script: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['shell', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    fetch: globalThis.fetch,
    stdin: Readable.from([script]),
  });
  return { code, stdout, stderr };
}

describe('kubelab shell', () => {
  it('runs a script and prints what the terminal shows', async () => {
    const result = await shell([], 'kubectl get ns default\necho $((6*7))\nnope\n');
    expect(result.stdout).toMatch(
      /^controlplane:~\$ kubectl get ns default\nNAME {6}STATUS {3}AGE\ndefault {3}Active {3}3h\ncontrolplane:~\$ echo \$\(\(6\*7\)\)\n42\ncontrolplane:~\$ nope\nbash: nope: command not found\n$/,
    );
    expect(result.code).toBe(127);
  });

  it('prints one JSON object per complete command, here-documents included', async () => {
    const script =
      'cat <<EOF > cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\nEOF\nkubectl create -f cm.yaml\n';
    const result = await shell(['--json'], script);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        command: 'cat <<EOF > cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\nEOF',
        stdout: '',
        stderr: '',
        exitCode: 0,
      },
      { command: 'kubectl create -f cm.yaml', stdout: 'configmap/settings created\n', stderr: '', exitCode: 0 },
    ]);
  });

  it('rejects bad options', async () => {
    expect((await shell(['--nodes', 'x'], '')).code).toBe(2);
    expect((await shell(['--proxy-mode', 'nft'], '')).stderr).toMatch(/--proxy-mode must be iptables or ipvs/);
  });
});
