// API behaviour a client relies on: errors worded as kube-apiserver words
// them, discovery, watches, logs, quotas and snapshots.
import type { KubeObject } from '../api/objects';
import type { WatchEvent } from '../api/request';
import { Cluster } from '../cluster';
import { SimulatedClock } from '../runtime/clock';
import { deployment, pod, Scenario, SCENARIO_START, service, statusOf } from '../testing/scenario.testing';

describe('errors as the real API server words them', () => {
  const lab = new Scenario();

  it('NotFound, for core and grouped resources', () => {
    expect(statusOf(lab.tryGet('Pod', 'ghost'))).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'pods "ghost" not found',
    });
    expect(statusOf(lab.tryGet('Deployment', 'ghost')).message).toBe('deployments.apps "ghost" not found');
    expect(statusOf(lab.delete('Service', 'ghost')).message).toBe('services "ghost" not found');
  });

  it('an empty list in a namespace that does not exist', () => {
    expect(lab.list('Service', 'nowhere')).toEqual([]);
  });

  it('creating in a namespace that does not exist', () => {
    expect(statusOf(lab.tryCreate(pod('x', 'nginx'), 'nowhere')).message).toBe('namespaces "nowhere" not found');
  });

  it('Invalid names and AlreadyExists', () => {
    const bad = lab.tryCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Bad_NS' } });
    expect(statusOf(bad).message).toBe(
      `Namespace "Bad_NS" is invalid: metadata.name: Invalid value: "Bad_NS": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
    lab.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(
      statusOf(lab.tryCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })),
    ).toMatchObject({
      reason: 'AlreadyExists',
      code: 409,
      message: 'namespaces "team-a" already exists',
    });
  });

  it('a Deployment without a selector', () => {
    const manifest = deployment('nosel', 'nginx', 1);
    delete (manifest.spec as { selector?: unknown }).selector;
    expect(statusOf(lab.tryCreate(manifest as KubeObject))).toMatchObject({
      reason: 'Invalid',
      message:
        'Deployment.apps "nosel" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"nosel"}: `selector` does not match template `labels`]',
      details: {
        name: 'nosel',
        group: 'apps',
        kind: 'Deployment',
        causes: [
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: map[string]string{"app":"nosel"}: `selector` does not match template `labels`',
            field: 'spec.template.metadata.labels',
          },
        ],
      },
    });
  });

  it('a NodePort below the range', () => {
    const refused = lab.tryCreate(
      service('web', { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 29999 }] }),
    );
    expect(statusOf(refused).message).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('a malformed label selector', () => {
    const response = lab.request({
      verb: 'list',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      query: { labelSelector: 'app in (a,' },
    });
    expect(statusOf(response)).toMatchObject({
      reason: 'BadRequest',
      code: 400,
      message:
        'Unable to find "/v1, Resource=pods" that match label selector "app in (a,", field selector "": unable to parse requirement: found \'\', expected: \',\', or identifier',
    });
  });
});

describe('discovery', () => {
  it('lists the resources a Services course needs, with short names', () => {
    const lab = new Scenario();
    const core = lab.cluster.apiResources('', 'v1');
    const byName = new Map(core?.resources.map((resource) => [resource.name, resource]));
    expect(byName.get('services')).toMatchObject({ kind: 'Service', namespaced: true, shortNames: ['svc'] });
    expect(byName.get('endpoints')).toMatchObject({ kind: 'Endpoints', shortNames: ['ep'] });
    expect(byName.get('pods/log')).toBeUndefined();
    expect(lab.cluster.apiResources('apps', 'v1')?.resources.map((resource) => resource.name)).toContain(
      'deployments/scale',
    );
    expect(lab.cluster.apiResources('discovery.k8s.io', 'v1')?.resources[0]).toMatchObject({ name: 'endpointslices' });
    expect(lab.cluster.apiResources('batch', 'v1')).toBeUndefined();
  });
});

describe('watch', () => {
  it('streams pod phases as the kubelet starts a pod', () => {
    const lab = new Scenario();
    const seen: string[] = [];
    const handle = lab.cluster.watch(
      { group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { resourceVersion: '' } },
      (event: WatchEvent) => {
        const object = event.object as KubeObject;
        seen.push(`${event.type} ${String((object.status as { phase?: string } | undefined)?.phase ?? '-')}`);
      },
    );
    lab.create(pod('web', 'nginx'));
    lab.wait(30);
    handle.stop();
    lab.delete('Pod', 'web');
    expect(seen[0]).toBe('ADDED Pending');
    expect(seen).toContain('MODIFIED Running');
    expect(seen.at(-1)).toBe('MODIFIED Running');
  });
});

describe('pod logs', () => {
  it('serves nginx start-up logs and refuses a container that is not there', () => {
    const lab = new Scenario();
    lab.create(pod('web', 'nginx'));
    lab.wait(30);
    const logs = lab.request({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      subresource: 'log',
    });
    expect(logs.status).toBe(200);
    expect(logs.body as string).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
    const wrong = lab.request({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      subresource: 'log',
      query: { container: 'sidecar' },
    });
    expect(statusOf(wrong).message).toBe('container sidecar is not valid for pod web');
  });
});

describe('quotas', () => {
  it('refuses pods over the sandbox limit with a Forbidden error, and nothing breaks', () => {
    const lab = new Scenario({ quotas: { pods: 6 } });
    // CoreDNS and kube-proxy already run 4 pods.
    lab.create(pod('one', 'nginx'));
    lab.create(pod('two', 'nginx'));
    const refused = lab.tryCreate(pod('three', 'nginx'));
    expect(statusOf(refused)).toMatchObject({
      reason: 'Forbidden',
      code: 403,
      message: 'pods "three" is forbidden: exceeded quota: sandbox, requested: pods=1, used: pods=6, limited: pods=6',
    });
    expect(lab.list('Pod')).toHaveLength(2);
  });
});

describe('snapshots', () => {
  it('restores a sandbox that goes on exactly as the original', () => {
    const time = SimulatedClock.manual(SCENARIO_START);
    const original = Cluster.create({ seed: 'twin', timeSource: time.source });
    const create = (cluster: Cluster, body: KubeObject, resource: string, group = '') =>
      cluster.request({ verb: 'create', group, version: 'v1', resource, namespace: 'default', body });
    create(original, deployment('web', 'nginx', 3), 'deployments', 'apps');
    time.advance(1500);
    original.settle();
    const copy = Cluster.restore(JSON.parse(JSON.stringify(original.snapshot())), { timeSource: time.source });
    for (const cluster of [original, copy]) {
      create(
        cluster,
        service('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] }),
        'services',
      );
    }
    time.advance(60_000);
    const answers = (cluster: Cluster) =>
      [1, 2, 3, 4].map(() => {
        const result = cluster.network.connect({
          from: { kind: 'external' },
          host: '192.168.1.3',
          port: 30080,
          protocol: 'TCP',
        });
        return result.ok ? result.pod?.name : result.error;
      });
    expect(answers(copy)).toEqual(answers(original));
    const state = (cluster: Cluster) => {
      cluster.settle();
      const snapshot = cluster.snapshot();
      return JSON.stringify({
        store: snapshot.store,
        random: snapshot.random,
        runtime: snapshot.runtime,
        network: snapshot.network,
      });
    };
    expect(state(copy)).toBe(state(original));
  });
});
