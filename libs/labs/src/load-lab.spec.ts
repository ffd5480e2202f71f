import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_JSON_SCHEMA } from './lab-schema';
import { labSandboxSetup } from './lab-setup';
import { formatProblem, loadLab } from './load-lab';

const EXAMPLE = readFileSync(join(__dirname, '__fixtures__/expose-redis.lab.yaml'), 'utf8');

/** The problems of `source` as an author sees them. */
function problems(source: string): string[] {
  const loaded = loadLab(source, 'lab.yaml');
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
}

/** The example with one line replaced. */
function edited(from: string, to: string): string {
  if (!EXAMPLE.includes(from)) throw new Error(`not in the example: ${from}`);
  return EXAMPLE.replace(from, to);
}

describe('loadLab', () => {
  it('loads a complete lab and fills in the defaults', () => {
    const loaded = loadLab(EXAMPLE, 'expose-redis.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const { lab } = loaded;
    expect(lab.metadata).toEqual({
      id: 'expose-redis',
      title: 'Expose the redis pod inside the cluster',
      summary: 'Give a running redis pod a stable name and address with a ClusterIP Service.',
      difficulty: 'beginner',
      estimatedMinutes: 10,
      tags: ['services', 'clusterip'],
      prerequisites: [],
    });
    expect(lab.tasks.map((task) => [task.id, task.points, task.hints.length, task.checks.map((c) => c.type)])).toEqual([
      ['expose', 10, 1, ['resource', 'endpoints']],
      ['reach', 10, 0, ['reachable', 'command']],
    ]);
    expect(lab.order).toBe('sequential');
    expect(labSandboxSetup(lab)).toEqual({
      cluster: {
        nodes: 2,
        kubeProxyMode: 'iptables',
        loadBalancer: { enabled: false, addressPool: ['203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13'] },
      },
      namespaces: [],
      objects: [expect.objectContaining({ kind: 'Pod', metadata: { name: 'redis', labels: { app: 'redis' } } })],
      files: { 'notes.txt': 'The application expects redis at redis-service:6379.\n' },
      history: [],
      aliases: {},
    });
  });

  it('names the file, line, column and field of schema problems', () => {
    expect(problems(edited('        type: resource\n', '        type: resources\n'))).toEqual([
      'lab.yaml:43:15: tasks[0].checks[0].type: must be one of: resource, expression, endpoints, reachable, unreachable, dns, env, command, file',
    ]);
    expect(problems(edited('  estimatedMinutes: 10\n', '  estimatedMinutes: ten\n  colour: blue\n'))).toEqual([
      'lab.yaml:8:21: metadata.estimatedMinutes: must be a whole number',
      'lab.yaml:9:3: metadata.colour: unknown field',
    ]);
    expect(problems(edited('  id: expose-redis\n', '  id: Expose_Redis\n'))).toEqual([
      "lab.yaml:4:7: metadata.id: must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
    ]);
    expect(problems(edited('        to: redis-service:6379\n', ''))).toEqual([
      'lab.yaml:61:9: tasks[1].checks[0]: missing required field "to"',
    ]);
    expect(
      problems(edited('        from: { pod: { labels: { app: redis } } }\n', '        from: { pods: redis }\n')),
    ).toEqual([
      'lab.yaml:63:15: tasks[1].checks[0].from: must be one of the allowed forms: Where the connection starts: outside the cluster, a node, or a pod',
    ]);
  });

  it('checks what the schema cannot: ids, references, expectations, expressions', () => {
    expect(problems(edited('      - id: service-endpoints\n', '      - id: service-exists\n'))).toEqual([
      'lab.yaml:51:13: tasks[0].checks[1].id: duplicate check id "service-exists" (also tasks[0].checks[0])',
    ]);
    expect(problems(edited('    fails: [service-exists]\n', '    fails: [service]\n'))).toEqual([
      'lab.yaml:78:13: wrong[0].fails[0]: no check has the id "service"; did you mean "service-exists"?',
    ]);
    expect(
      problems(edited("        pattern: '^kubectl (expose|create|apply)'\n", "        pattern: '^kubectl (expose'\n")),
    ).toEqual([
      'lab.yaml:70:18: tasks[1].checks[1].pattern: invalid regular expression: Invalid regular expression: /^kubectl (expose/: Unterminated group',
    ]);
    expect(
      problems(
        edited('        podSelector: { app: redis }\n', '        podSelector: { app: redis }\n        empty: true\n'),
      ),
    ).toEqual(['lab.yaml:51:9: tasks[0].checks[1]: give only one of: podSelector, empty']);
    expect(problems(edited('        name: redis\n', '        name: redis\n        namespace: cache\n'))).toEqual([
      'lab.yaml:17:20: environment.objects[0].metadata.namespace: namespace "cache" is not created by the environment; add it to environment.namespaces',
    ]);
  });

  it('reports YAML syntax errors and never throws', () => {
    expect(problems('metadata: [unclosed\n')).toEqual([expect.stringMatching(/^lab\.yaml:2:1: /)]);
    expect(problems('- just\n- a list\n')).toEqual(['lab.yaml:1:1: a lab must be a YAML mapping']);
    expect(problems('a: &x [*x]\n')).toContain('lab.yaml:1:1: a: unknown field');
    expect(problems('')).toEqual(['lab.yaml:1:1: a lab must be a YAML mapping']);
  });
});

describe('the published schema', () => {
  it('docs/lab.schema.json is LAB_JSON_SCHEMA (regenerate with npm run labs:schema)', () => {
    const published = readFileSync(join(__dirname, '../../../docs/lab.schema.json'), 'utf8');
    expect(published).toBe(`${JSON.stringify(LAB_JSON_SCHEMA, null, 2)}\n`);
  });
});
