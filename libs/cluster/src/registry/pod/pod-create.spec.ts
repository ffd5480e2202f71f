import type { KubeObject } from '../../api/objects';
import { kubectlRunBody, podServer, simplePod } from './pod.testing';

describe('creating a pod', () => {
  it('stores the transcript pod with every default and admission result', () => {
    const api = podServer();
    const response = api.create(kubectlRunBody());
    expect(response.status).toBe(201);
    const pod = response.body as KubeObject;
    const spec = pod.spec as Record<string, unknown>;
    const volumes = spec.volumes as Array<{ name: string }>;
    const volumeName = volumes[0]?.name ?? '';
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toEqual({ app: 'single', tier: 'tools' });
    expect(pod.metadata.generation).toBeUndefined();
    expect(spec).toEqual({
      containers: [
        {
          args: ['sleep', '3600'],
          env: [{ name: 'MODE', value: 'debug' }],
          image: 'busybox:1.36',
          imagePullPolicy: 'IfNotPresent',
          name: 'single',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Never',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volumeName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              {
                downwardAPI: {
                  items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
                },
              },
            ],
          },
        },
      ],
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('defaults pull policies, probes, volumes and quantities', () => {
    const api = podServer();
    const response = api.create({
      metadata: { name: 'web' },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            readinessProbe: { httpGet: { port: 80 } },
            livenessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 5 },
            ports: [{ name: 'http', containerPort: 80 }],
            resources: { limits: { cpu: '0.5', memory: '1.5Gi' } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          },
          { name: 'sidecar', image: 'busybox@sha256:' + 'a'.repeat(64), command: ['sh'] },
        ],
        volumes: [
          { name: 'scratch' },
          { name: 'config', configMap: { name: 'cfg' } },
          { name: 'host', hostPath: { path: '/tmp' } },
        ],
      },
    });
    expect(response.status).toBe(201);
    const spec = (response.body as KubeObject).spec as {
      containers: Array<Record<string, unknown>>;
      volumes: unknown[];
    };
    const [web, sidecar] = spec.containers;
    expect(web?.imagePullPolicy).toBe('Always');
    expect(sidecar?.imagePullPolicy).toBe('IfNotPresent');
    expect(web?.readinessProbe).toEqual({
      httpGet: { path: '/', port: 80, scheme: 'HTTP' },
      failureThreshold: 3,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(web?.livenessProbe).toMatchObject({
      initialDelaySeconds: 5,
      timeoutSeconds: 1,
      tcpSocket: { port: 'http' },
    });
    expect(web?.resources).toEqual({
      limits: { cpu: '500m', memory: '1536Mi' },
      requests: { cpu: '500m', memory: '1536Mi' },
    });
    expect(web?.env).toEqual([
      { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    ]);
    expect(spec.volumes.slice(0, 3)).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'config', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/tmp', type: '' } },
    ]);
    expect((response.body as KubeObject).status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
  });

  it('classifies a pod whose limits equal its requests as Guaranteed', () => {
    const api = podServer();
    const response = api.create(
      simplePod('g', {
        containers: [{ name: 'app', image: 'nginx:1.25', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      }),
    );
    expect((response.body as KubeObject).status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('refuses a bad quantity as the decoder does', () => {
    const api = podServer();
    const response = api.create(
      simplePod('q', { containers: [{ name: 'app', image: 'nginx', resources: { limits: { memory: '1 Gi' } } }] }),
    );
    expect(response.status).toBe(400);
    expect(api.message(response)).toBe(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
  });

  it('refuses a pod whose service account does not exist', () => {
    const api = podServer();
    const response = api.create(simplePod('p', { serviceAccountName: 'robot' }));
    expect(response.status).toBe(403);
    expect(api.message(response)).toBe(
      'pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    );
  });

  it('takes the deprecated serviceAccount field and skips the token when automount is off', () => {
    const api = podServer();
    const response = api.create(simplePod('p', { serviceAccount: 'default', automountServiceAccountToken: false }));
    const spec = (response.body as KubeObject).spec as Record<string, unknown>;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    expect(spec.volumes).toBeUndefined();
  });

  it('resolves system priority classes and refuses unknown ones', () => {
    const api = podServer();
    const critical = api.create(simplePod('c', { priorityClassName: 'system-cluster-critical' }));
    expect((critical.body as KubeObject).spec).toMatchObject({
      priority: 2000000000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    const unknown = api.create(simplePod('u', { priorityClassName: 'gold' }));
    expect(api.message(unknown)).toBe('pods "u" is forbidden: no PriorityClass with name gold was found');
    const manual = api.create(simplePod('m', { priority: 5 }));
    expect(api.message(manual)).toBe(
      'pods "m" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });

  it('keeps an existing not-ready toleration and adds the missing one', () => {
    const api = podServer();
    const response = api.create(
      simplePod('t', {
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
      }),
    );
    expect(((response.body as KubeObject).spec as { tolerations: unknown[] }).tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });
});
