// Random command lines and YAML for property tests: fragments learners type
// (kubectl, pipes, quotes, here-documents, loops) mixed with noise.
import fc from 'fast-check';

const words = [
  'kubectl', 'k', 'get', 'pods', 'svc', 'deploy', 'describe', 'create', 'delete', 'expose', 'run', 'apply', '-f', '-',
  '-o', 'yaml', 'json', 'wide', 'name', '-n', 'default', 'kube-system', '-A', '-l', 'app=web', '--port=80', '--image=nginx',
  'web', 'nginx', 'echo', 'cat', 'grep', 'awk', 'sed', 'cut', 'sort', 'uniq', 'head', 'tail', 'wc', 'jq', 'curl', 'wget',
  'nslookup', 'ping', '-c', '1', 'ls', 'cd', 'mkdir', 'rm', 'touch', 'printf', 'seq', 'sleep', 'true', 'false', 'test',
  'export', 'alias', 'history', 'env', 'base64', 'xargs', 'tee', 'tr', 'for', 'in', 'do', 'done', 'if', 'then', 'fi',
  'while', 'case', 'esac', 'x', '$x', '${x:-y}', '$?', '$(echo hi)', '`date`', '$((1+2))', '*', '~', '{1..3}', 'file.yaml',
  '/etc/hosts', '10.96.0.1', 'http://10.96.0.10', '-s', '-v', '--dry-run=client', 'service', 'nodeport', 'clusterip', '--tcp=80:80',
];
const operators = [' | ', ' && ', ' || ', '; ', ' & ', ' > out.txt', ' >> out.txt', ' 2>&1', ' < /etc/hosts', ' <<< hi', '\n'];
const noise = ['"', "'", '\\', '$', '(', ')', '{', '}', '[', ']', '`', '#', '=', '<<EOF\nline\nEOF\n', ';;', '!', '%', '\t'];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...words) },
  { weight: 2, arbitrary: fc.constantFrom(...operators) },
  { weight: 1, arbitrary: fc.constantFrom(...noise) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** A command line of 1-12 tokens. */
export const commandLine = fc.array(token, { minLength: 1, maxLength: 12 }).map((tokens) => tokens.join(' '));

const yamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'spec', 'ports', 'port', 'selector', 'app', 'type', 'metadata', 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** YAML-ish documents: real kinds with random fields, or garbage. */
export const manifest = fc.oneof(
  fc
    .record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', ''),
      kind: fc.constantFrom('Service', 'Pod', 'Deployment', 'ConfigMap', 'Namespace', 'Foo'),
      metadata: fc.record({ name: fc.constantFrom('web', 'db', 'Bad_Name', ''), labels: fc.dictionary(fc.constantFrom('app', 'tier'), fc.string({ maxLength: 5 })) }),
      spec: yamlValue,
    })
    .map((object) => JSON.stringify(object)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('a: [', '- - -', 'kind: Service\nspec: {ports: [{port: 0x50}]}', '---\n---', ': :'),
);
