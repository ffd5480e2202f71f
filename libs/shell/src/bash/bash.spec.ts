import { createSandbox } from '../sandbox';

async function run(...lines: string[]) {
  const { shell } = createSandbox({ clusterOptions: { timeSource: () => Date.parse('2026-11-22T10:00:00Z') } });
  const results = [];
  for (const line of lines) results.push(await shell.run(line));
  return results.map(({ stdout, stderr, exitCode }) => ({ stdout, stderr, exitCode }));
}

describe('bash syntax and semantics', () => {
  it('quotes, escapes and variables', async () => {
    const [, a, b, c] = await run(
      'X="hello world"',
      'echo $X "$X" \'$X\'',
      'echo "a\\"b" a\\ b ${X:-none} ${Y:-none} ${#X}',
      'printf "%s-%s\\n" one two three',
    );
    expect(a?.stdout).toBe('hello world hello world $X\n');
    expect(b?.stdout).toBe('a"b a b hello world none 11\n');
    expect(c?.stdout).toBe('one-two\nthree-\n');
  });

  it('exit statuses, && and ||, $?', async () => {
    const [a, b, c] = await run('false || echo no && echo yes', 'nope; echo $?', 'true && false; echo $?');
    expect(a?.stdout).toBe('no\nyes\n');
    expect(b).toEqual({ stdout: '127\n', stderr: 'bash: nope: command not found\n', exitCode: 0 });
    expect(c?.stdout).toBe('1\n');
  });

  it('pipes, redirects and here-documents', async () => {
    const [, , c, d, e] = await run(
      'printf "b\\na\\nc\\n" | sort > sorted.txt',
      'echo more >> sorted.txt',
      'cat sorted.txt | wc -l',
      'cat <<EOF\nname: $HOME\nliteral: \\$HOME\nEOF',
      "cat <<'EOF' | tr a-z A-Z\n$HOME\nEOF",
    );
    expect(c?.stdout).toBe('4\n');
    expect(d?.stdout).toBe('name: /root\nliteral: $HOME\n');
    expect(e?.stdout).toBe('$HOME\n');
  });

  it('loops, conditions, arithmetic and command substitution', async () => {
    const [a, b, c, d] = await run(
      'for i in 1 2 3; do echo "n=$i"; done',
      'i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i',
      'if [ "$(echo hi)" = hi ]; then echo match; else echo differ; fi',
      'for n in $(seq 3); do printf "%d " $((n*n)); done; echo; echo {1..3} a{b,c}',
    );
    expect(a?.stdout).toBe('n=1\nn=2\nn=3\n');
    expect(b?.stdout).toBe('3\n');
    expect(c?.stdout).toBe('match\n');
    expect(d?.stdout).toBe('1 4 9 \n1 2 3 ab ac\n');
  });

  it('syntax errors as bash reports them', async () => {
    const [a, b] = await run('echo a; done', 'if true; then');
    expect(a).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `done'\n", exitCode: 2 });
    expect(b).toEqual({ stdout: '', stderr: 'bash: syntax error: unexpected end of file\n', exitCode: 2 });
  });

  it('aliases, cd, history and functions', async () => {
    const [a, , b, , c, d] = await run(
      'k get ns default -o name',
      'mkdir -p /tmp/x && cd /tmp/x',
      'pwd',
      'greet() { echo "hi $1"; }',
      'greet you',
      'history 2',
    );
    expect(a?.stdout).toBe('namespace/default\n');
    expect(b?.stdout).toBe('/tmp/x\n');
    expect(c?.stdout).toBe('hi you\n');
    expect(d?.stdout).toBe('    5  greet you\n    6  history 2\n');
  });

  it('runs kubectl with files and here-documents', async () => {
    const [a, b] = await run(
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  mode: fast\nEOF',
      'kubectl get cm demo -o jsonpath="{.data.mode}"',
    );
    expect(a).toEqual({ stdout: 'configmap/demo created\n', stderr: '', exitCode: 0 });
    expect(b?.stdout).toBe('fast');
  });
});
