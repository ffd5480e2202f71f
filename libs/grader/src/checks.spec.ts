import { Cluster, type KubeObject, SimulatedClock } from '@kubelab/cluster';
import { formatProblem, type Lab, loadLab } from '@kubelab/labs';
import { gradeLab } from './grade';
import type { GradingTarget } from './target';

/** A one-task lab around `checks` (YAML list items), as an author would write it. */
function labWith(checks: string): Lab {
  const source = `apiVersion: kubelab.dev/v1
kind: Lab
metadata: { id: checks, title: Checks }
tasks:
  - id: task
    title: Task
    instructions: Do it.
    checks:
${checks.replace(/^/gm, '      ')}
solution: ['true']
`;
  const loaded = loadLab(source, 'checks.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.lab;
}

const resources: Record<string, string> = { Service: 'services', Pod: 'pods' };

function cluster(objects: KubeObject[]): Cluster {
  const time = SimulatedClock.manual(Date.parse('2026-11-22T10:00:00Z'));
  const created = Cluster.create({ seed: 'checks', timeSource: time.source });
  for (const object of objects) {
    const resource = resources[object.kind] ?? '';
    const response = created.request({
      verb: 'create',
      group: '',
      version: 'v1',
      resource,
      namespace: 'default',
      body: object,
    });
    if (response.status >= 300) throw new Error(JSON.stringify(response.body));
    time.advance(1000);
  }
  time.advance(60_000);
  created.settle();
  return created;
}

const pod = (name: string, labels: Record<string, string>, image = 'nginx'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'main', image, ...(image === 'busybox' ? { command: ['sleep', '3600'] } : {}) }] },
});

const SERVICES: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web-headless' },
    spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db' },
    spec: { type: 'ExternalName', externalName: 'db.example.com' },
  },
];

const world = cluster([
  ...SERVICES,
  pod('web-1', { app: 'web' }),
  pod('web-2', { app: 'web' }),
  pod('client', {}, 'busybox'),
]);
const files = new Map([
  ['/root/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 8080\n'],
]);
const target: GradingTarget = { cluster: world, readFile: (path) => files.get(path), history: ['kubectl get svc'] };

/** The diagnosis of each check, or "passed". */
function grade(checks: string): string[] {
  return (
    gradeLab(labWith(checks), target).tasks[0]?.checks.map((check) =>
      check.passed ? 'passed' : (check.diagnosis ?? ''),
    ) ?? []
  );
}

const MESSAGES = 'pass: ok, fail: no';

describe('checks', () => {
  it('dns: ClusterIP, headless pod IPs, CNAME and NXDOMAIN', () => {
    const service = world.request({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: 'default',
      name: 'web',
    });
    const ip = (service.body as unknown as { spec: { clusterIP: string } }).spec.clusterIP;
    expect(
      grade(`- { id: a, type: dns, from: { pod: { name: client } }, name: web, service: { name: web }, ${MESSAGES} }
- { id: b, type: dns, from: { pod: { name: client } }, name: web-headless, podsOf: { name: web-headless }, ${MESSAGES} }
- { id: c, type: dns, from: { pod: { name: client } }, name: db, cname: db.example.com, ${MESSAGES} }
- { id: d, type: dns, from: { pod: { name: client } }, name: nothing, nxdomain: true, ${MESSAGES} }
- { id: e, type: dns, from: { pod: { name: client } }, name: web, cname: web.example.com, ${MESSAGES} }`),
    ).toEqual(['passed', 'passed', 'passed', 'passed', `web resolves to ${ip}, expected CNAME web.example.com`]);
  });

  it('env: variables the kubelet set when the container started', () => {
    expect(
      grade(`- { id: a, type: env, pod: { name: client }, name: WEB_SERVICE_PORT, value: '80', ${MESSAGES} }
- { id: b, type: env, pod: { name: client }, name: DB_SERVICE_HOST, absent: true, ${MESSAGES} }
- { id: c, type: env, pod: { name: client }, name: WEB_SERVICE_PORT, value: '8080', ${MESSAGES} }
- { id: d, type: env, pod: { labels: { app: api } }, name: X, ${MESSAGES} }`),
    ).toEqual([
      'passed',
      'passed',
      'WEB_SERVICE_PORT is "80" in container main of pod client, expected "8080"',
      'no pod has labels app=api',
    ]);
  });

  it('expression, file, command and unreachable', () => {
    expect(
      grade(`- { id: a, type: expression, select: { kind: Service, name: web }, path: '{.spec.ports[0].port}', equals: 80, ${MESSAGES} }
- { id: b, type: expression, select: { kind: Service, name: web }, path: '{.spec.ports[0].port}', atLeast: 1024, ${MESSAGES} }
- { id: c, type: file, path: svc.yaml, manifest: { kind: Service, spec: { ports: [{ port: 80 }] } }, ${MESSAGES} }
- { id: d, type: file, path: missing.yaml, ${MESSAGES} }
- { id: e, type: command, pattern: '^kubectl get', ${MESSAGES} }
- { id: f, type: unreachable, from: { pod: { name: client } }, to: 'web:81', ${MESSAGES} }
- { id: g, type: unreachable, from: { pod: { name: client } }, to: 'http://web/', ${MESSAGES} }`),
    ).toEqual([
      'passed',
      '{.spec.ports[0].port} of Service web is 80, expected at least 1024',
      'in /root/svc.yaml, spec.ports[0].port is 8080, expected 80',
      '/root/missing.yaml does not exist',
      'passed',
      'passed',
      expect.stringMatching(/^http:\/\/web\/ from pod client is reachable: pod web-[12] answers$/),
    ]);
  });
});
