import { Cluster } from '@kubelab/cluster';
import { completeKubectl } from './completion';

describe('kubectl completion', () => {
  const cluster = Cluster.create({ timeSource: () => Date.parse('2026-11-22T10:00:00Z') });

  it('offers commands, subcommands, types, names, namespaces and flags', () => {
    expect(completeKubectl(cluster, [], 'ge')).toContain('get');
    expect(completeKubectl(cluster, ['create'], '')).toContain('deployment');
    expect(completeKubectl(cluster, ['get'], '')).toEqual(expect.arrayContaining(['services', 'pods', 'deployments']));
    expect(completeKubectl(cluster, ['get', 'svc'], '')).toEqual(['kubernetes']);
    expect(completeKubectl(cluster, ['get', 'svc', '-n'], '')).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(completeKubectl(cluster, ['get', '-n', 'kube-system', 'svc'], '')).toEqual(['kube-dns']);
    expect(completeKubectl(cluster, ['get'], 'svc/')).toEqual(['svc/kubernetes']);
    expect(completeKubectl(cluster, ['get'], '--')).toContain('--show-labels');
  });
});
