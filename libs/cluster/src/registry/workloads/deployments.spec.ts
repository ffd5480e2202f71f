import type { KubeObject, Status } from '../../api/objects';
import { createTestServer } from '../../testing/test-server.testing';
import { workloadDefinitions } from './index';

const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' } as const;

function server() {
  return createTestServer({ definitions: workloadDefinitions() });
}

/** What `kubectl create deployment web --image=nginx:1.25 --replicas=2` sends. */
function kubectlCreateDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: {},
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: { containers: [{ image: 'nginx:1.25', name: 'nginx', resources: {} }] },
      },
    },
    status: {},
  };
}

function message(response: { body: unknown }): string {
  return (response.body as Status).message ?? '';
}

describe('deployments', () => {
  it('stores the defaults a real API server stores (transcript c)', () => {
    const test = server();
    const response = test.request({ verb: 'create', ...deployments, body: kubectlCreateDeployment() });
    expect(response.status).toBe(201);
    const body = response.body as KubeObject;
    expect(body.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              name: 'nginx',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(body.status).toEqual({});
    expect(body.metadata.generation).toBe(1);
  });

  it('answers a missing selector as the transcript shows', () => {
    const test = server();
    const body = kubectlCreateDeployment();
    body.metadata.name = 'nosel';
    const spec = body.spec as Record<string, unknown>;
    delete spec.selector;
    spec.replicas = 1;
    spec.template = {
      metadata: { labels: { app: 'nosel' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    };
    const response = test.request({ verb: 'create', ...deployments, body });
    expect(response.status).toBe(422);
    expect(message(response)).toBe(
      'Deployment.apps "nosel" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"nosel"}: `selector` does not match template `labels`]',
    );
    spec.selector = { matchLabels: { app: 'other' } };
    expect(message(test.request({ verb: 'create', ...deployments, body }))).toBe(
      'Deployment.apps "nosel" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nosel"}: `selector` does not match template `labels`',
    );
  });

  it('keeps the selector immutable in apps/v1', () => {
    const test = server();
    test.request({ verb: 'create', ...deployments, body: kubectlCreateDeployment() });
    const response = test.request({
      verb: 'patch',
      ...deployments,
      name: 'web',
      patchType: 'merge',
      body: {
        spec: {
          selector: { matchLabels: { app: 'web', tier: 'x' } },
          template: { metadata: { labels: { app: 'web', tier: 'x' } } },
        },
      },
    });
    expect(message(response)).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('refuses restartPolicy Never, zero surge with zero unavailability and negative counts', () => {
    const test = server();
    const body = kubectlCreateDeployment();
    const spec = body.spec as { template: { spec: Record<string, unknown> } } & Record<string, unknown>;
    spec.template.spec.restartPolicy = 'Never';
    spec.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } };
    spec.revisionHistoryLimit = -1;
    spec.replicas = -2;
    expect(message(test.request({ verb: 'create', ...deployments, body }))).toBe(
      'Deployment.apps "web" is invalid: [' +
        'spec.replicas: Invalid value: -2: must be greater than or equal to 0, ' +
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always", ' +
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0, ' +
        'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0]',
    );
  });

  it('validates the pod template as a pod, under spec.template', () => {
    const test = server();
    const body = kubectlCreateDeployment();
    const spec = body.spec as { template: { spec: Record<string, unknown> } };
    spec.template.spec.containers = [];
    const text = message(test.request({ verb: 'create', ...deployments, body }));
    expect(text).toContain('spec.template.spec.containers: Required value');
  });

  it('serves the scale subresource with the selector as text', () => {
    const test = server();
    test.request({ verb: 'create', ...deployments, body: kubectlCreateDeployment() });
    const scale = test.request({ verb: 'get', ...deployments, name: 'web', subresource: 'scale' }).body as KubeObject;
    expect(scale.spec).toEqual({ replicas: 2 });
    expect(scale.status).toEqual({ replicas: 0, selector: 'app=web' });
  });

  it('bumps the generation on template changes but not on status writes', () => {
    const test = server();
    test.request({ verb: 'create', ...deployments, body: kubectlCreateDeployment() });
    const scaled = test.request({
      verb: 'patch',
      ...deployments,
      name: 'web',
      patchType: 'merge',
      body: { spec: { replicas: 3 } },
    });
    expect((scaled.body as KubeObject).metadata.generation).toBe(2);
    const status = test.request({
      verb: 'patch',
      ...deployments,
      name: 'web',
      subresource: 'status',
      patchType: 'merge',
      body: { status: { replicas: 1, readyReplicas: 2 } },
    });
    expect(message(status)).toBe(
      'Deployment.apps "web" is invalid: status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
    );
  });
});
