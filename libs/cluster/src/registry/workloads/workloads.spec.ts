import { decodeWorkloadSpec } from './decode';
import type { KubeObject, Status } from '../../api/objects';
import { createTestServer } from '../../testing/test-server.testing';
import { workloadDefinitions } from './index';

const apps = (resource: string) => ({ group: 'apps', version: 'v1', resource, namespace: 'default' }) as const;

function server() {
  return createTestServer({ definitions: workloadDefinitions() });
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };

function create(resource: string, kind: string, spec: Record<string, unknown>, apiVersion = 'apps/v1') {
  const test = server();
  const ref = apiVersion === 'v1' ? { group: '', version: 'v1', resource, namespace: 'default' } : apps(resource);
  const response = test.request({
    verb: 'create',
    ...ref,
    body: { apiVersion, kind, metadata: { name: 'web' }, spec },
  });
  return { test, ref, response, body: response.body as KubeObject, message: (response.body as Status).message };
}

describe('replicasets', () => {
  it('defaults replicas, starts with status.replicas 0 and selects by status.replicas', () => {
    const { test, ref, body } = create('replicasets', 'ReplicaSet', {
      selector: { matchLabels: { app: 'web' } },
      template,
    });
    expect(body.spec).toMatchObject({ replicas: 1, template: { metadata: { creationTimestamp: null } } });
    expect(body.status).toEqual({ replicas: 0 });
    const listed = test.request({ verb: 'list', ...ref, query: { fieldSelector: 'status.replicas=0' } }).body as {
      items: KubeObject[];
    };
    expect(listed.items.map((item) => item.metadata.name)).toEqual(['web']);
  });

  it('words an empty selector as the real one (which says deployment)', () => {
    const { message } = create('replicasets', 'ReplicaSet', { selector: {}, template });
    expect(message).toBe(
      'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    );
  });
});

describe('daemonsets', () => {
  it('defaults a rolling update of one unavailable pod and keeps the template generation annotation', () => {
    const { test, ref, body } = create('daemonsets', 'DaemonSet', {
      selector: { matchLabels: { app: 'web' } },
      template,
    });
    expect(body.spec).toMatchObject({
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    });
    expect(body.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(body.status).toEqual({
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    });
    const updated = test.request({
      verb: 'patch',
      ...ref,
      name: 'web',
      patchType: 'merge',
      body: { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } },
    }).body as KubeObject;
    expect(updated.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '2' });
  });

  it('refuses surge and unavailability together', () => {
    const { message } = create('daemonsets', 'DaemonSet', {
      selector: { matchLabels: { app: 'web' } },
      template,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    });
    expect(message).toBe(
      'DaemonSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    );
  });
});

describe('statefulsets', () => {
  it('defaults OrderedReady, partition 0 and the PVC retention policy; serviceName stays optional', () => {
    const { body } = create('statefulsets', 'StatefulSet', {
      selector: { matchLabels: { app: 'web' } },
      template,
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    });
    expect(body.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      replicas: 1,
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { creationTimestamp: null, name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
    });
    expect(body.spec).not.toHaveProperty('serviceName');
    expect(body.status).toEqual({ availableReplicas: 0, replicas: 0 });
  });

  it('forbids changing anything but the mutable fields', () => {
    const { test, ref } = create('statefulsets', 'StatefulSet', {
      selector: { matchLabels: { app: 'web' } },
      template,
    });
    const response = test.request({
      verb: 'patch',
      ...ref,
      name: 'web',
      patchType: 'merge',
      body: { spec: { serviceName: 'x' } },
    });
    expect((response.body as Status).message).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });
});

describe('replicationcontrollers', () => {
  it('takes the selector and labels from the template', () => {
    const { body } = create('replicationcontrollers', 'ReplicationController', { template }, 'v1');
    expect(body.metadata.labels).toEqual({ app: 'web' });
    expect(body.spec).toMatchObject({ replicas: 1, selector: { app: 'web' } });
    expect(body.status).toEqual({ replicas: 0 });
  });

  it('requires a selector when the template has no labels', () => {
    const { message } = create(
      'replicationcontrollers',
      'ReplicationController',
      { template: { spec: template.spec } },
      'v1',
    );
    expect(message).toBe('ReplicationController "web" is invalid: spec.selector: Required value');
  });
});

describe('controllerrevisions', () => {
  it('requires data and keeps it immutable', () => {
    const { message } = create('controllerrevisions', 'ControllerRevision', {});
    expect(message).toBe('ControllerRevision.apps "web" is invalid: data: Required value: data is mandatory');
  });
});

describe('decoding workload specs', () => {
  it('refuses a field of the wrong JSON type as encoding/json does', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: '3', selector: { matchLabels: { app: 'web' } } },
    };
    expect(() => decodeWorkloadSpec(deployment)).toThrow(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(() => decodeWorkloadSpec({ ...deployment, spec: { replicas: 1.5 } })).toThrow(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(() => decodeWorkloadSpec({ ...deployment, kind: 'StatefulSet', spec: { serviceName: [] } })).toThrow(
      'json: cannot unmarshal array into Go struct field StatefulSetSpec.spec.serviceName of type string',
    );
    expect(() => decodeWorkloadSpec({ ...deployment, spec: { replicas: null } })).not.toThrow();
  });
});
