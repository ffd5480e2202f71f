import { applyStrategicMergePatch } from './strategic-merge-patch';
import { patchFailure } from './patch.testing';

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, finalizers: ['a/x', 'b/y'] },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.25',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
      { name: 'log', image: 'busybox' },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
});

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx:1.25' }],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
});

type PodLike = ReturnType<typeof pod>;
type DeploymentLike = ReturnType<typeof deployment>;

describe('applyStrategicMergePatch', () => {
  it('merges containers by name and leaves the others', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    }) as PodLike;
    expect(patched.spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['nginx', 'nginx:1.27'],
      ['log', 'busybox'],
    ]);
    expect(patched.spec.containers[0]?.env).toHaveLength(2);
  });

  it('puts a new list item before the live ones, as mergeSortedSlice does', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      spec: { containers: [{ name: 'sidecar', image: 'envoy' }] },
    }) as PodLike;
    expect(patched.spec.containers.map((c) => c.name)).toEqual(['sidecar', 'nginx', 'log']);
  });

  it('deletes a container with $patch: delete', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      spec: { containers: [{ name: 'log', $patch: 'delete' }] },
    }) as PodLike;
    expect(patched.spec.containers.map((c) => c.name)).toEqual(['nginx']);
  });

  it('merges ports on containerPort alone, so another protocol rewrites the same entry', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80, protocol: 'UDP' }] }] },
    }) as PodLike;
    expect(patched.spec.containers[0]?.ports).toEqual([{ containerPort: 80, protocol: 'UDP' }]);
  });

  it('merges env by name and replaces it with $patch: replace', () => {
    const merged = applyStrategicMergePatch('Pod', pod(), {
      spec: {
        containers: [
          {
            name: 'nginx',
            env: [
              { name: 'B', value: 'two' },
              { name: 'C', value: '3' },
            ],
          },
        ],
      },
    }) as PodLike;
    expect(merged.spec.containers[0]?.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'two' },
      { name: 'C', value: '3' },
    ]);
    const replaced = applyStrategicMergePatch('Pod', pod(), {
      spec: { containers: [{ name: 'nginx', env: [{ name: 'Z', value: '9' }, { $patch: 'replace' }] }] },
    }) as PodLike;
    expect(replaced.spec.containers[0]?.env).toEqual([{ name: 'Z', value: '9' }]);
  });

  it('replaces lists without a strategy', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      spec: { tolerations: [{ key: 'other', operator: 'Equal', value: 'v' }] },
    }) as PodLike;
    expect(patched.spec.tolerations).toEqual([{ key: 'other', operator: 'Equal', value: 'v' }]);
  });

  it('deletes a label with null and unions finalizers', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      metadata: { labels: { tier: null, team: 'blue' }, finalizers: ['b/y', 'c/z'] },
    }) as PodLike;
    expect(patched.metadata.labels).toEqual({ app: 'web', team: 'blue' });
    expect(patched.metadata.finalizers).toEqual(['a/x', 'b/y', 'c/z']);
  });

  it('removes finalizers through $deleteFromPrimitiveList', () => {
    const patched = applyStrategicMergePatch('Pod', pod(), {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a/x'] },
    }) as PodLike;
    expect(patched.metadata.finalizers).toEqual(['b/y']);
  });

  it('orders containers by $setElementOrder, as kubectl apply sends it, around server-only items', () => {
    const live = pod();
    live.spec.containers.push({ name: 'injected', image: 'proxy' });
    const patched = applyStrategicMergePatch('Pod', live, {
      spec: {
        '$setElementOrder/containers': [{ name: 'log' }, { name: 'web2' }],
        containers: [
          { name: 'web2', image: 'httpd' },
          { name: 'nginx', $patch: 'delete' },
        ],
      },
    }) as PodLike;
    // Go's live list still holds web2 where the deleted item's slot was reused.
    expect(patched.spec.containers.map((c) => c.name)).toEqual(['log', 'injected', 'web2']);
  });

  it('switches the rollout strategy with $retainKeys', () => {
    const patched = applyStrategicMergePatch('Deployment', deployment(), {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } },
    }) as DeploymentLike;
    expect(patched.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('switches a volume source with $retainKeys inside the merge list of the pod template', () => {
    const patched = applyStrategicMergePatch('Deployment', deployment(), {
      spec: {
        template: {
          spec: {
            '$setElementOrder/volumes': [{ name: 'data' }],
            volumes: [{ $retainKeys: ['configMap', 'name'], name: 'data', configMap: { name: 'cm' } }],
          },
        },
      },
    }) as DeploymentLike;
    expect(patched.spec.template.spec.volumes).toEqual([{ name: 'data', configMap: { name: 'cm' } }]);
  });

  it('sets a container image in a deployment template (kubectl set image)', () => {
    const patched = applyStrategicMergePatch('Deployment', deployment(), {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    }) as DeploymentLike;
    expect(patched.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.27' }]);
  });

  it('merges service ports by port', () => {
    const service = {
      kind: 'Service',
      spec: {
        ports: [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'https', port: 443 },
        ],
      },
    };
    const patched = applyStrategicMergePatch('Service', service, {
      spec: { ports: [{ port: 80, targetPort: 9090 }] },
    }) as typeof service;
    expect(patched.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 9090 },
      { name: 'https', port: 443 },
    ]);
  });

  it('merges node addresses and conditions by type', () => {
    const node = {
      status: {
        addresses: [
          { type: 'InternalIP', address: '10.0.0.1' },
          { type: 'Hostname', address: 'n1' },
        ],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    };
    const patched = applyStrategicMergePatch('Node', node, {
      status: {
        addresses: [{ type: 'InternalIP', address: '10.0.0.2' }],
        conditions: [{ type: 'Ready', status: 'False' }],
      },
    });
    expect(patched).toEqual({
      status: {
        addresses: [
          { type: 'InternalIP', address: '10.0.0.2' },
          { type: 'Hostname', address: 'n1' },
        ],
        conditions: [{ type: 'Ready', status: 'False' }],
      },
    });
  });

  it('merges owner references by uid in every kind', () => {
    const configMap = { metadata: { ownerReferences: [{ uid: 'u1', name: 'a' }] } };
    const patched = applyStrategicMergePatch('ConfigMap', configMap, {
      metadata: { ownerReferences: [{ uid: 'u1', controller: true }] },
    });
    expect(patched).toEqual({ metadata: { ownerReferences: [{ uid: 'u1', name: 'a', controller: true }] } });
  });

  it('falls back to ObjectMeta tags for a kind without a table', () => {
    const lease = { metadata: { finalizers: ['x'] }, spec: { list: [1] } };
    expect(applyStrategicMergePatch('Lease', lease, { metadata: { finalizers: ['y'] }, spec: { list: [2] } })).toEqual({
      metadata: { finalizers: ['y', 'x'] },
      spec: { list: [2] },
    });
  });

  it('never modifies its inputs and shares nothing with them', () => {
    const original = pod();
    const patch = { spec: { containers: [{ name: 'new', image: 'x', env: [{ name: 'E', value: '1' }] }] } };
    const snapshot = JSON.stringify([original, patch]);
    const patched = applyStrategicMergePatch('Pod', original, patch) as PodLike;
    expect(JSON.stringify([original, patch])).toBe(snapshot);
    expect(patched.spec.containers[0]).not.toBe(patch.spec.containers[0]);
    expect(patched.spec.containers[1]).not.toBe(original.spec.containers[0]);
  });

  it('treats a null patch as no change', () => {
    expect(applyStrategicMergePatch('Pod', pod(), null)).toEqual(pod());
  });

  describe('errors, with the status patch.go answers', () => {
    it('reports a list item without its merge key as a bare 500', () => {
      const error = patchFailure(() =>
        applyStrategicMergePatch('Pod', pod(), { spec: { containers: [{ image: 'nginx', ports: [] }] } }),
      );
      expect(error.toStatus()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'map: map[image:nginx ports:[]] does not contain declared merge key: name',
        code: 500,
      });
    });

    it.each([
      [
        { spec: { containers: [{ name: 'x', $patch: 'merge' }] } },
        'merging lists cannot yet be specified in the patch',
      ],
      [{ spec: { $patch: 'merge', a: 'b' } }, 'unknown patch type: merge in map: map[$patch:merge a:b]'],
      [
        { spec: { containers: [{ name: 'x', $patch: 5 }] } },
        'unknown patch type: %!s(int64=5) in map: map[$patch:5 name:x]',
      ],
      [
        { spec: { containers: [{ $patch: 'delete' }] } },
        'map: map[$patch:delete] does not contain declared merge key: name',
      ],
      [
        { spec: { containers: [{ name: 'log', image: 'y' }], '$setElementOrder/containers': [{ name: 'nginx' }] } },
        "The order in patch list:\n[map[image:y name:log]]\n doesn't match $setElementOrder list:\n[map[name:nginx]]\n",
      ],
      [{ metadata: { finalizers: [1] } }, 'list element types are not identical: [[a/x b/y] [1]]'],
      [{ metadata: { finalizers: [{ a: 1 }] } }, 'list element types are not identical: [[a/x b/y] [map[a:1]]]'],
      [
        { spec: { '$deleteFromPrimitiveList/tolerations': [{ key: 'k' }] } },
        'cannot merge lists without merge key for struct',
      ],
      [{ spec: { '$setElementOrder/containers': 'x' } }, 'expected a []interface {}, but received a string'],
    ])('refuses %j with a bare 500', (patch, message) => {
      const error = patchFailure(() => applyStrategicMergePatch('Pod', pod(), patch));
      expect(error.code).toBe(500);
      expect(error.reason).toBeUndefined();
      expect(error.message).toBe(message);
    });

    it.each([
      [{ spec: { $retainKeys: ['containers'], tolerations: [] } }, 'invalid patch format of retainKeys'],
      [{ spec: { $retainKeys: 'containers' } }, 'invalid patch format of retainKeys'],
      [{ metadata: { '$deleteFromPrimitiveListX/finalizers': ['a'] } }, 'invalid patch format of primitive list'],
      [{ spec: { '$setElementOrderX/containers': [] } }, 'invalid patch format of setElementOrder list'],
      [['not', 'a', 'map'], 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
      ['text', 'json: cannot unmarshal string into Go value of type map[string]interface {}'],
    ])('refuses %j with a 400', (patch, message) => {
      const error = patchFailure(() => applyStrategicMergePatch('Pod', pod(), patch));
      expect(error.code).toBe(400);
      expect(error.reason).toBe('BadRequest');
      expect(error.message).toBe(message);
    });

    it('refuses lists of lists with the generic 422', () => {
      const original = { metadata: { finalizers: [] } };
      const error = patchFailure(() =>
        applyStrategicMergePatch('Pod', original, { metadata: { finalizers: [['a']] } }),
      );
      expect(error.code).toBe(422);
      expect(error.message).toBe('the server rejected our request due to an error in our request');
      expect(error.detail).toBe('lists of lists are not supported');
    });
  });
});
