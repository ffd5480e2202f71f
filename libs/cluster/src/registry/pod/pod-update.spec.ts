import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { kubectlRunBody, podServer, simplePod } from './pod.testing';

type Spec = Record<string, unknown> & { containers: Array<Record<string, unknown>> };

function edit(pod: KubeObject, change: (spec: Spec) => void): KubeObject {
  const copy = JSON.parse(JSON.stringify(pod)) as KubeObject;
  change(copy.spec as Spec);
  return copy;
}

const FORBIDDEN_PREFIX =
  'Pod "single" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

describe('updating a pod', () => {
  it('forbids changes outside the updatable fields and shows the spec diff', () => {
    const api = podServer();
    const pod = api.create(kubectlRunBody()).body as KubeObject;
    const response = api.update(
      edit(pod, (spec) => {
        spec.restartPolicy = 'Always';
        spec.nodeSelector = { disk: 'ssd' };
      }),
    );
    expect(response.status).toBe(422);
    expect(api.message(response)).toBe(
      FORBIDDEN_PREFIX +
        [
          '  core.PodSpec{',
          '  \t... // 2 identical fields',
          '  \tContainers:                    {{Name: "single", Image: "busybox:1.36", Args: {"sleep", "3600"}, Ports: {{ContainerPort: 8080, Protocol: "TCP"}}, ...}},',
          '  \tEphemeralContainers:           nil,',
          '- \tRestartPolicy:                 "Never",',
          '+ \tRestartPolicy:                 "Always",',
          '  \tTerminationGracePeriodSeconds: &30,',
          '  \tActiveDeadlineSeconds:         nil,',
          '  \tDNSPolicy:                     "ClusterFirst",',
          '- \tNodeSelector:                  nil,',
          '+ \tNodeSelector:                  map[string]string{"disk": "ssd"},',
          '  \tServiceAccountName:            "default",',
          '  \tAutomountServiceAccountToken:  nil,',
          '  \t... // 23 identical fields',
          '  }',
          '',
        ].join('\n'),
    );
  });

  it('descends into containers for a resources change, as go-cmp does', () => {
    const api = podServer();
    const pod = api.create(kubectlRunBody()).body as KubeObject;
    const message = api.message(
      api.update(edit(pod, (spec) => void ((spec.containers[0] ?? {}).resources = { requests: { cpu: '1' } }))),
    );
    expect(message).toContain('  \tContainers: []core.Container{\n  \t\t{\n  \t\t\t... // 6 identical fields\n');
    expect(message).toContain(
      '+ \t\t\t\tRequests: core.ResourceList{s"cpu": {i: resource.int64Amount{value: 1}, s: "1", Format: "DecimalSI"}},',
    );
    expect(message).toContain('  \t... // 29 identical fields\n  }\n');
  });

  it('allows image changes, added tolerations and a shorter deadline', () => {
    const api = podServer();
    const pod = api.create(simplePod('p', { activeDeadlineSeconds: 100 })).body as KubeObject;
    const response = api.update(
      edit(pod, (spec) => {
        (spec.containers[0] ?? {}).image = 'nginx:1.27';
        spec.activeDeadlineSeconds = 50;
        spec.tolerations = [...(spec.tolerations as unknown[]), { key: 'dedicated', operator: 'Exists' }];
      }),
    );
    expect(response.status).toBe(200);
    expect((response.body as KubeObject).spec).toMatchObject({
      activeDeadlineSeconds: 50,
      containers: [{ image: 'nginx:1.27' }],
    });
  });

  it('refuses added containers, longer deadlines and changed tolerations', () => {
    const api = podServer();
    const pod = api.create(simplePod('p', { activeDeadlineSeconds: 100 })).body as KubeObject;
    const added = api.update(edit(pod, (spec) => spec.containers.push({ name: 'b', image: 'busybox' })));
    expect(api.message(added)).toBe(
      'Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    );
    const longer = api.update(edit(pod, (spec) => void (spec.activeDeadlineSeconds = 200)));
    expect(api.message(longer)).toBe(
      'Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value',
    );
    // Removing the default tolerations changes nothing: DefaultTolerationSeconds adds them back.
    expect(api.update(edit(pod, (spec) => void (spec.tolerations = []))).status).toBe(200);
    const tainted = api.create(
      simplePod('t', { tolerations: [{ key: 'dedicated', value: 'a', effect: 'NoSchedule' }] }),
    ).body as KubeObject;
    const tolerations = api.update(
      edit(tainted, (spec) => {
        const first = (spec.tolerations as Array<Record<string, unknown>>)[0];
        if (first) first.value = 'b';
      }),
    );
    expect(api.message(tolerations)).toBe(
      'Pod "t" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  it('keeps status on spec writes and validates status writes', () => {
    const api = podServer();
    const pod = api.create(simplePod('p')).body as KubeObject;
    const relabeled = JSON.parse(JSON.stringify(pod)) as KubeObject;
    relabeled.metadata.labels = { app: 'x' };
    relabeled.status = { phase: 'Running' };
    expect((api.update(relabeled).body as KubeObject).status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const status = api.client.copy(api.get('p'));
    status.status = { phase: 'Running', qosClass: 'Guaranteed' };
    expect(() => api.client.updateStatus(RESOURCES.pods, status)).toThrow(
      'Pod "p" is invalid: status.qosClass: Invalid value: "Guaranteed": field is immutable',
    );
    status.status = { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }] };
    const stored = api.client.updateStatus(RESOURCES.pods, status);
    expect(stored.status).toEqual({
      phase: 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      qosClass: 'BestEffort',
    });
    expect(stored.spec).toEqual(pod.spec);
    const single = api.client.copy(stored);
    single.status = { phase: 'Running', hostIP: '192.168.1.3', podIP: '10.244.1.6', qosClass: 'BestEffort' };
    expect(api.client.updateStatus(RESOURCES.pods, single).status).toMatchObject({
      hostIPs: [{ ip: '192.168.1.3' }],
      podIP: '10.244.1.6',
      podIPs: [{ ip: '10.244.1.6' }],
    });
  });
});
