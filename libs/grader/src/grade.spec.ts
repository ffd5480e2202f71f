import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cluster, type KubeObject, SimulatedClock } from '@kubelab/cluster';
import { formatProblem, loadLab, type Lab } from '@kubelab/labs';
import { gradeLab } from './grade';
import type { GradingTarget } from './target';

const loaded = loadLab(
  readFileSync(join(__dirname, '../../labs/src/__fixtures__/expose-redis.lab.yaml'), 'utf8'),
  'expose-redis.lab.yaml',
);
if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
const lab: Lab = loaded.lab;

function sandbox(): GradingTarget & { history: string[]; files: Map<string, string> } {
  const time = SimulatedClock.manual(Date.parse('2026-11-22T10:00:00Z'));
  const cluster = Cluster.create({ seed: 'grader', timeSource: time.source });
  for (const object of lab.environment.objects) create(cluster, object);
  time.advance(30_000);
  cluster.settle();
  const files = new Map<string, string>();
  return { cluster, files, history: [], readFile: (path) => files.get(path) };
}

function create(cluster: Cluster, object: KubeObject): void {
  const resource = object.kind === 'Service' ? 'services' : 'pods';
  const response = cluster.request({
    verb: 'create',
    group: '',
    version: 'v1',
    resource,
    namespace: 'default',
    body: object,
  });
  if (response.status >= 300) throw new Error(JSON.stringify(response.body));
}

function service(
  name: string,
  port: number,
  selector: Record<string, string>,
  targetPort: number | string = port,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector, ports: [{ port, targetPort }] },
  };
}

/** check id -> diagnosis (or "passed"). */
function outcomes(target: GradingTarget): Record<string, string> {
  const result = gradeLab(lab, target);
  return Object.fromEntries(
    result.tasks.flatMap((task) =>
      task.checks.map((check) => [check.id, check.passed ? 'passed' : (check.diagnosis ?? '')]),
    ),
  );
}

describe('gradeLab', () => {
  it('fails every check of the untouched setup and says why', () => {
    const target = sandbox();
    expect(outcomes(target)).toEqual({
      'service-exists': 'Service redis-service not found in namespace default',
      'service-endpoints': 'Service redis-service not found',
      'reachable-by-name':
        'redis-service:6379 from a pod with labels app=redis fails: Could not resolve host: redis-service (DNS answered NXDOMAIN)',
      'used-kubectl': 'no command in the history matches /^kubectl (expose|create|apply)/',
    });
  });

  it('passes the solution, with the points of every task', () => {
    const target = sandbox();
    create(target.cluster, service('redis-service', 6379, { app: 'redis' }));
    target.history.push('kubectl expose pod redis --name=redis-service --port=6379');
    const result = gradeLab(lab, target);
    expect(result.tasks.map((task) => [task.id, task.status, task.earned])).toEqual([
      ['expose', 'passed', 10],
      ['reach', 'passed', 10],
    ]);
    expect(result).toMatchObject({ passed: true, score: 20, maxScore: 20 });
    expect(result.tasks[0]?.checks[0]).toEqual({
      id: 'service-exists',
      type: 'resource',
      passed: true,
      message: 'The Service redis-service exposes port 6379.',
    });
  });

  it('explains the nearest miss', () => {
    const wrongPort = sandbox();
    create(wrongPort.cluster, service('redis-service', 6380, { app: 'redis' }, 6379));
    expect(outcomes(wrongPort)['service-exists']).toBe(
      'Service redis-service exists but exposes port 6380, expected 6379',
    );

    const wrongName = sandbox();
    create(wrongName.cluster, service('redis-svc', 6379, { app: 'redis' }));
    expect(outcomes(wrongName)['service-exists']).toBe(
      'Service redis-service not found in namespace default; did you mean redis-svc?',
    );

    const wrongSelector = sandbox();
    create(wrongSelector.cluster, service('redis-service', 6379, { run: 'redis' }));
    expect(outcomes(wrongSelector)['service-endpoints']).toBe(
      'selector run=redis matches no pods; pod redis has labels app=redis',
    );
  });

  it('locks later tasks of a sequential lab and takes hint costs off', () => {
    const target = sandbox();
    target.history.push('kubectl create service clusterip other --tcp=1:1');
    const result = gradeLab(lab, target, { revealedHints: { expose: 1 } });
    expect(result.tasks.map((task) => [task.id, task.status, task.earned])).toEqual([
      ['expose', 'failed', 0],
      ['reach', 'locked', 0],
    ]);
  });

  it('leaves no trace in the sandbox', () => {
    const target = sandbox();
    create(target.cluster, service('redis-service', 6379, { app: 'redis' }));
    const before = JSON.stringify({ ...target.cluster.snapshot(), takenAt: 0 });
    gradeLab(lab, target);
    expect(JSON.stringify({ ...target.cluster.snapshot(), takenAt: 0 })).toBe(before);
  });
});
