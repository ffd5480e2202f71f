import { applyPodSpecDefaults, validatePodTemplateSpec } from '.';

describe('pod templates', () => {
  it('are defaulted like pods, without the Pod-only defaults', () => {
    const spec: Record<string, unknown> = {
      containers: [{ name: 'nginx', image: 'nginx:1.25', resources: { limits: { cpu: '1' } } }],
    };
    applyPodSpecDefaults(spec, { kind: 'Deployment', version: 'v1' });
    expect(spec).toEqual({
      containers: [
        {
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          name: 'nginx',
          resources: { limits: { cpu: '1' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('name the decoded kind in quantity errors', () => {
    const spec = { containers: [{ name: 'a', image: 'b', resources: { requests: { cpu: 'lots' } } }] };
    expect(() => applyPodSpecDefaults(spec, { kind: 'Deployment', version: 'v1' })).toThrow(
      `Deployment in version "v1" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
  });

  it('are validated at the template path, labels at <path>.labels as Go does', () => {
    const spec: Record<string, unknown> = { containers: [{ name: 'c' }], hostNetwork: true };
    applyPodSpecDefaults(spec);
    const errors = validatePodTemplateSpec({ metadata: { labels: { 'bad key': 'x' } }, spec }, 'spec.template');
    expect(errors.map((error) => error.field)).toEqual([
      'spec.template.labels',
      'spec.template.spec.containers[0].image',
    ]);
  });
});
