import { podServer, simplePod } from './pod.testing';

function createError(containers: unknown[], spec: Record<string, unknown> = {}): string | undefined {
  const api = podServer();
  return api.message(api.create({ metadata: { name: 'p' }, spec: { containers, ...spec } }));
}

describe('pod validation', () => {
  it('requires containers', () => {
    expect(createError([])).toBe('Pod "p" is invalid: spec.containers: Required value');
  });

  it('requires images and unique container names', () => {
    expect(createError([{ name: 'x', image: 'nginx' }, { name: 'x' }])).toBe(
      'Pod "p" is invalid: [spec.containers[1].image: Required value, spec.containers[1].name: Duplicate value: "x"]',
    );
  });

  it('checks container names as DNS labels', () => {
    expect(createError([{ name: 'Web', image: 'nginx' }])).toBe(
      `Pod "p" is invalid: spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('refuses mounts of volumes that do not exist', () => {
    expect(createError([{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'x', mountPath: '/data' }] }])).toBe(
      'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "x"',
    );
  });

  it('checks ports', () => {
    const ports = [
      { name: 'web_port', containerPort: 70000, protocol: 'HTTP' },
      { name: 'metrics', containerPort: 9100 },
      { name: 'metrics', containerPort: 9101 },
    ];
    expect(createError([{ name: 'app', image: 'nginx', ports }])).toBe(
      'Pod "p" is invalid: [' +
        [
          'spec.containers[0].ports[0].name: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
          'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
          'spec.containers[0].ports[2].name: Duplicate value: "metrics"',
        ].join(', ') +
        ']',
    );
  });

  it('checks policies, names and environment variables', () => {
    const containers = [{ name: 'app', image: 'nginx', env: [{ name: 'A=B', value: 'x' }, { name: '' }] }];
    expect(createError(containers, { restartPolicy: 'Sometimes', dnsPolicy: 'Google', hostname: 'Host_1' })).toBe(
      'Pod "p" is invalid: [' +
        [
          `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
          'spec.containers[0].env[1].name: Required value',
          'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
          'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
          `spec.hostname: Invalid value: "Host_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        ].join(', ') +
        ']',
    );
  });

  it('checks probes and resources', () => {
    const containers = [
      {
        name: 'app',
        image: 'nginx',
        livenessProbe: { httpGet: { port: 0 }, successThreshold: 2 },
        readinessProbe: {},
        resources: { requests: { cpu: '2' }, limits: { cpu: '1' } },
      },
    ];
    expect(createError(containers)).toBe(
      'Pod "p" is invalid: [' +
        [
          'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
          'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
          'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
          'spec.containers[0].readinessProbe: Required value: must specify a handler type',
        ].join(', ') +
        ']',
    );
  });

  it('checks volumes and their sources', () => {
    // A volume with errors is not remembered, so only valid names can be duplicated (as in Go).
    const volumes = [
      { name: 'a', emptyDir: {} },
      { name: 'a', secret: {} },
      { name: 'b', emptyDir: {}, configMap: { name: 'c' } },
    ];
    expect(createError([{ name: 'app', image: 'nginx' }], { volumes })).toBe(
      'Pod "p" is invalid: [' +
        [
          'spec.volumes[1].secret.secretName: Required value',
          'spec.volumes[1].name: Duplicate value: "a"',
          'spec.volumes[2].configMap: Forbidden: may not specify more than 1 volume type',
        ].join(', ') +
        ']',
    );
  });

  it('checks tolerations and node affinity', () => {
    const api = podServer();
    const response = api.create(
      simplePod('p', {
        tolerations: [{ operator: 'Equal', value: 'x' }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
      }),
    );
    expect(api.message(response)).toBe(
      'Pod "p" is invalid: [' +
        [
          'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
          'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ].join(', ') +
        ']',
    );
  });
});
