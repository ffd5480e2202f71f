// describe.go details the recorded real-kubectl transcripts
// (test/kubectl-reference) do not reach: readiness and truncation of a
// service's Endpoints line, load balancer fields, every volume source,
// tolerations that match everything, long annotations, repeated events and
// a controller without a pod template.
import type { KubeObject } from '@kubelab/cluster';
import { describeObject, type DescribeReader } from './index';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');

function reader(objects: Record<string, unknown[]>): DescribeReader {
  return { get: () => undefined, list: (resource) => (objects[resource] ?? []) as KubeObject[], now: () => NOW };
}
const describe_ = (kind: string, object: unknown, objects: Record<string, unknown[]> = {}) =>
  describeObject(kind, object as KubeObject, reader(objects), { showEvents: true });

describe('describe Service', () => {
  const service = {
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      selector: { app: 'web' },
      type: 'LoadBalancer',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      loadBalancerIP: '1.2.3.4',
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.0.5', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } },
  };
  const endpoint = (ip: string, ready?: boolean) => ({
    addresses: [ip],
    conditions: ready === undefined ? {} : { ready },
  });

  it('lists ready endpoints only, three at most, then how many more', () => {
    const slices = [
      {
        ports: [{ name: 'http', port: 8080 }],
        endpoints: [
          endpoint('10.244.1.2', true),
          endpoint('10.244.1.3', false),
          endpoint('10.244.2.2'),
          endpoint('10.244.2.3', true),
          endpoint('10.244.2.4', true),
        ],
      },
    ];
    expect(describe_('Service', service, { endpointslices: slices })).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     LoadBalancer',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.10',
        'IPs:                      10.96.0.10',
        'Desired LoadBalancer IP:  1.2.3.4',
        'LoadBalancer Ingress:     172.18.0.5 (VIP), lb.example.com',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'NodePort:                 http  30080/TCP',
        'Endpoints:                10.244.1.2:8080,10.244.2.2:8080,10.244.2.3:8080 + 1 more...',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('decides "more" before readiness, as Go does', () => {
    const slices = [
      {
        ports: [{ name: 'http', port: 8080 }],
        endpoints: ['1', '2', '3'].map((n) => endpoint(`10.0.0.${n}`)).concat(endpoint('10.0.0.4', false)),
      },
      { ports: [{ name: 'metrics', port: 9090 }], endpoints: [endpoint('10.0.0.9')] },
    ];
    const text = describe_('Service', service, { endpointslices: slices });
    expect(text.split('\n').find((line) => line.startsWith('Endpoints:'))).toBe(
      'Endpoints:                10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 0 more...',
    );
  });

  it('prints External Name before the ports of an ExternalName service', () => {
    const external = {
      kind: 'Service',
      metadata: { name: 'ext', namespace: 'default' },
      spec: {
        type: 'ExternalName',
        externalName: 'example.com',
        ports: [{ port: 443, targetPort: 'https', protocol: 'TCP' }],
        sessionAffinity: 'None',
      },
    };
    expect(describe_('Service', external)).toBe(
      [
        'Name:              ext',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        'IP:                ',
        'IPs:               <none>',
        'External Name:     example.com',
        'Port:              <unset>  443/TCP',
        'TargetPort:        https/TCP',
        'Endpoints:         <none>',
        'Session Affinity:  None',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('describe DaemonSet', () => {
  const owner = [{ uid: 'u1', controller: true, kind: 'DaemonSet', name: 'logs' }];
  const daemonSet = {
    kind: 'DaemonSet',
    metadata: {
      name: 'logs',
      namespace: 'kube-system',
      uid: 'u1',
      annotations: { long: 'x'.repeat(150), multi: 'a\nb\n' },
    },
    spec: {
      selector: {
        matchLabels: { app: 'logs' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['b', 'a'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      template: {
        metadata: { labels: { app: 'logs', tier: 'a' } },
        spec: {
          serviceAccountName: 'logger',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ key: 'a', operator: 'Exists' }, { operator: 'Exists' }],
          containers: [
            {
              name: 'fluent',
              image: 'fluentd',
              volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }],
            },
          ],
          volumes: [
            { name: 'varlog', hostPath: { path: '/var/log', type: 'Directory' } },
            { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
            { name: 'cfg', configMap: { name: 'fluent-config' } },
            { name: 'tls', secret: { secretName: 'tls', optional: true } },
            { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
            { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
            { name: 'odd', gitRepo: { repository: 'x' } },
          ],
        },
      },
    },
    status: { desiredNumberScheduled: 2, currentNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 0 },
  };
  const pods = [
    { metadata: { name: 'a', ownerReferences: owner }, status: { phase: 'Running' } },
    { metadata: { name: 'b', ownerReferences: owner }, status: { phase: 'Pending' } },
    { metadata: { name: 'c', ownerReferences: [{ uid: 'other', controller: true }] }, status: { phase: 'Running' } },
  ];
  const events = [
    {
      type: 'Warning',
      reason: 'FailedCreate',
      message: ' Error creating: quota \n',
      count: 3,
      firstTimestamp: ago(300),
      lastTimestamp: ago(20),
      source: { component: 'daemonset-controller' },
    },
    {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: 'Created pod: a',
      count: 1,
      firstTimestamp: ago(400),
      lastTimestamp: ago(400),
      source: { component: 'daemonset-controller' },
    },
  ];

  it('prints its counts, its template with every volume source, and its events oldest first', () => {
    expect(describe_('DaemonSet', daemonSet, { pods, events })).toBe(
      [
        'Name:           logs',
        'Selector:       app=logs,!canary,tier in (a,b)',
        'Node-Selector:  kubernetes.io/os=linux',
        'Labels:         <none>',
        'Annotations:    long:',
        `                  ${'x'.repeat(138)}...`,
        '                multi:',
        '                  a',
        '                  b',
        'Desired Number of Nodes Scheduled: 2',
        'Current Number of Nodes Scheduled: 1',
        'Number of Nodes Scheduled with Up-to-date Pods: 1',
        'Number of Nodes Scheduled with Available Pods: 0',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:           app=logs',
        '                    tier=a',
        '  Service Account:  logger',
        '  Containers:',
        '   fluent:',
        '    Image:        fluentd',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:',
        '      /var/log from varlog (ro)',
        '  Volumes:',
        '   varlog:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  Directory',
        '   cache:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     Memory',
        '    SizeLimit:  64Mi',
        '   cfg:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      fluent-config',
        '    Optional:  false',
        '   tls:',
        '    Type:        Secret (a volume populated by a Secret)',
        '    SecretName:  tls',
        '    Optional:    true',
        '   info:',
        '    Type:  DownwardAPI (a volume populated by information about the pod)',
        '    Items:',
        '      metadata.labels -> labels',
        '   data:',
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:  data',
        '    ReadOnly:   false',
        '   odd:',
        '  <unknown>',
        '  Node-Selectors:  kubernetes.io/os=linux',
        '  Tolerations:     op=Exists',
        '                   a op=Exists',
        'Events:',
        '  Type     Reason            Age               From                  Message',
        '  ----     ------            ----              ----                  -------',
        '  Normal   SuccessfulCreate  6m40s             daemonset-controller  Created pod: a',
        '  Warning  FailedCreate      20s (x3 over 5m)  daemonset-controller  Error creating: quota',
        '',
      ].join('\n'),
    );
  });
});

describe('describe ReplicationController', () => {
  it('writes `<unset>` without a line break when there is no template, as Go does', () => {
    const controller = {
      kind: 'ReplicationController',
      metadata: { name: 'bare', namespace: 'default' },
      spec: { replicas: 0, selector: {} },
      status: {},
    };
    expect(describe_('ReplicationController', controller)).toBe(
      [
        'Name:         bare',
        'Namespace:    default',
        'Selector:     <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Replicas:     0 current / 0 desired',
        'Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  <unset>Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});
