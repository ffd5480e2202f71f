import { hasPatchMeta, patchFieldAt, patchMetaForKind } from './patch-meta';

describe('patch metadata', () => {
  it.each([
    ['Pod', 'spec.containers', ['merge'], 'name'],
    ['Pod', 'spec.initContainers', ['merge'], 'name'],
    ['Pod', 'spec.ephemeralContainers.env', ['merge'], 'name'],
    ['Pod', 'spec.containers.ports', ['merge'], 'containerPort'],
    ['Pod', 'spec.containers.volumeMounts', ['merge'], 'mountPath'],
    ['Pod', 'spec.volumes', ['merge', 'retainKeys'], 'name'],
    ['Pod', 'spec.imagePullSecrets', ['merge'], 'name'],
    ['Pod', 'spec.hostAliases', ['merge'], 'ip'],
    ['Pod', 'status.conditions', ['merge'], 'type'],
    ['Pod', 'status.podIPs', ['merge'], 'ip'],
    ['Pod', 'status.containerStatuses.volumeMounts', ['merge'], 'mountPath'],
    ['Pod', 'metadata.ownerReferences', ['merge'], 'uid'],
    ['Pod', 'metadata.finalizers', ['merge'], undefined],
    ['Service', 'spec.ports', ['merge'], 'port'],
    ['Deployment', 'spec.template.spec.containers.env', ['merge'], 'name'],
    ['Deployment', 'spec.strategy', ['retainKeys'], undefined],
    ['Deployment', 'status.conditions', ['merge'], 'type'],
    ['ReplicationController', 'spec.template.spec.volumes', ['merge', 'retainKeys'], 'name'],
    ['StatefulSet', 'spec.volumeClaimTemplates.metadata.finalizers', ['merge'], undefined],
    ['DaemonSet', 'spec.template.metadata.ownerReferences', ['merge'], 'uid'],
    ['ServiceAccount', 'secrets', ['merge'], 'name'],
    ['Node', 'spec.podCIDRs', ['merge'], undefined],
    ['Node', 'status.addresses', ['merge'], 'type'],
    ['Namespace', 'status.conditions', ['merge'], 'type'],
    ['CronJob', 'spec.jobTemplate.spec.template.spec.containers', ['merge'], 'name'],
  ])('%s %s is %j on %s', (kind, path, strategies, mergeKey) => {
    const field = patchFieldAt(kind, path);
    expect(field?.strategies).toEqual(strategies);
    expect(field?.mergeKey).toBe(mergeKey);
  });

  it.each([
    ['Pod', 'spec.tolerations'],
    ['Pod', 'spec.containers.envFrom'],
    ['Endpoints', 'subsets'],
    ['EndpointSlice', 'endpoints'],
    ['Service', 'spec.selector'],
    ['Node', 'spec.taints'],
  ])('%s %s has no tags', (kind, path) => {
    expect(patchFieldAt(kind, path)?.strategies).toBeUndefined();
  });

  it('defines each Go type once and shares it between kinds', () => {
    const fromPod = patchFieldAt('Pod', 'spec.containers');
    const fromDeployment = patchFieldAt('Deployment', 'spec.template.spec.containers');
    expect(fromDeployment).toBe(fromPod);
    expect(patchFieldAt('Job', 'metadata')?.type).toBe(patchFieldAt('Secret', 'metadata')?.type);
  });

  it('serves every kind of the brief and falls back to ObjectMeta for others', () => {
    const kinds = ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'];
    kinds.push('Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret', 'ServiceAccount', 'Namespace', 'Node', 'Event');
    for (const kind of kinds) expect(hasPatchMeta(kind)).toBe(true);
    expect(hasPatchMeta('Lease')).toBe(false);
    expect(hasPatchMeta('toString')).toBe(false);
    expect(patchMetaForKind('Lease').fields.metadata?.type?.name).toBe('ObjectMeta');
  });
});
