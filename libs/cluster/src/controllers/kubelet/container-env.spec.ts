import type { KubeObject } from '../../api/objects';
import { RESOURCES } from '../../api/resource-refs';
import { containerEnvironment, kubeletEnvironment } from './container-env';
import { expandKubernetesVars } from './expansion';
import { kubeletTest, podBody } from './kubelet.testing';
import { podSpec } from './pod-spec';
import { servicesAt } from './service-env';

function pod(containers: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): KubeObject {
  const body = podBody('web', containers, { nodeName: 'node01', ...extra });
  body.metadata = {
    ...body.metadata,
    namespace: 'default',
    uid: '0b8d1f5e-0000-4000-8000-000000000001',
    labels: { app: 'web', tier: 'front' },
  };
  body.status = { hostIP: '192.168.1.3', podIP: '10.244.1.7', podIPs: [{ ip: '10.244.1.7' }] };
  return body;
}

const KUBERNETES: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: '2026-11-22T07:00:00Z' },
  spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] },
};

describe('$(VAR) expansion', () => {
  it('expands known names, escapes $$ and leaves the rest as written', () => {
    const lookup = (name: string): string | undefined => ({ A: 'x', B: 'y' })[name];
    expect(expandKubernetesVars('$(A)-$(B)', lookup)).toBe('x-y');
    expect(expandKubernetesVars('$(MISSING) $$(A) $A $(A', lookup)).toBe('$(MISSING) $(A) $A $(A');
  });
});

describe('containerEnvironment', () => {
  it('orders runtime defaults, image ENV, envFrom, env, service variables, then HOME', () => {
    const container = {
      name: 'app',
      image: 'nginx',
      env: [
        { name: 'GREETING', value: 'hi from $(POD_NAME) at $(KUBERNETES_SERVICE_HOST)' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      ],
    };
    const subject = pod([container]);
    const spec = podSpec(subject).containers[0];
    if (!spec) throw new Error('no container');
    const result = containerEnvironment(
      subject,
      spec,
      [KUBERNETES],
      [
        ['PATH', '/usr/local/sbin:/usr/bin'],
        ['NGINX_VERSION', '1.27.4'],
      ],
    );
    expect(result).toEqual({
      ok: true,
      env: [
        ['PATH', '/usr/local/sbin:/usr/bin'],
        ['HOSTNAME', 'web'],
        ['NGINX_VERSION', '1.27.4'],
        // POD_NAME is declared after GREETING, so GREETING cannot see it.
        ['GREETING', 'hi from $(POD_NAME) at 10.96.0.1'],
        ['POD_NAME', 'web'],
        ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
        ['KUBERNETES_SERVICE_PORT', '443'],
        ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
        ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
        ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
        ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
        ['KUBERNETES_PORT_443_TCP_PORT', '443'],
        ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
        ['HOME', '/root'],
      ],
    });
  });

  it('resolves the downward API, ConfigMaps and Secrets, and refuses missing ones like the kubelet', () => {
    const configMap: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings' },
      data: { mode: 'fast', 'bad key': 'x', level: '3' },
    };
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds' },
      data: { password: 'czNjcjN0' },
    };
    const sources = {
      configMap: (name: string) => (name === 'settings' ? configMap : undefined),
      secret: (name: string) => (name === 'creds' ? secret : undefined),
    };
    const env = [
      { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
      { name: 'OPTIONAL', valueFrom: { configMapKeyRef: { name: 'absent', key: 'x', optional: true } } },
    ];
    const subject = pod(
      [{ name: 'app', image: 'nginx', env, envFrom: [{ configMapRef: { name: 'settings' }, prefix: 'CFG_' }] }],
      { enableServiceLinks: false },
    );
    const spec = podSpec(subject).containers[0];
    if (!spec) throw new Error('no container');
    expect(kubeletEnvironment(subject, spec, [], sources)).toEqual({
      ok: true,
      env: [
        ['CFG_level', '3'],
        ['CFG_mode', 'fast'],
        ['IP', '10.244.1.7'],
        ['TIER', 'front'],
        ['NODE', 'node01'],
        ['PASSWORD', 's3cr3t'],
      ],
    });
    const missing = pod([
      { name: 'app', image: 'nginx', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }] },
    ]);
    const missingSpec = podSpec(missing).containers[0];
    if (!missingSpec) throw new Error('no container');
    expect(kubeletEnvironment(missing, missingSpec, [], sources)).toEqual({
      ok: false,
      message: 'secret "nope" not found',
    });
  });

  it('passes Secret bytes that are not UTF-8 as U+FFFD instead of failing', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'raw' },
      // 0xf7 0xbf 0xbf 0xbf would decode past U+10FFFF if read without UTF-8's rules.
      data: { blob: '97+/vw==' },
    };
    const subject = pod([
      {
        name: 'app',
        image: 'nginx',
        env: [{ name: 'BLOB', valueFrom: { secretKeyRef: { name: 'raw', key: 'blob' } } }],
      },
    ]);
    const spec = podSpec(subject).containers[0];
    if (!spec) throw new Error('no container');
    const sources = { configMap: () => undefined, secret: () => secret };
    expect(kubeletEnvironment(subject, spec, [], sources)).toEqual({
      ok: true,
      env: [['BLOB', '\ufffd\ufffd\ufffd\ufffd']],
    });
  });

  it('sees Services created before the container started, not those created after', () => {
    const test = kubeletTest();
    const service = (name: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ port: 80 }] },
    });
    test.call('create', RESOURCES.services, service('before'));
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx' }]));
    test.advance(10_000);
    test.call('create', RESOURCES.services, service('after'));
    const running = test.pod('web');
    const startedAt = Date.parse(
      (running.status as { containerStatuses: Array<{ state: { running: { startedAt: string } } }> })
        .containerStatuses[0]?.state.running.startedAt ?? '',
    );
    const spec = podSpec(running).containers[0];
    if (!spec) throw new Error('no container');
    const services = servicesAt(test.client.list(RESOURCES.services), startedAt + 999);
    const result = containerEnvironment(running, spec, services, []);
    const names = result.ok ? result.env.map(([name]) => name) : [];
    expect(names).toContain('BEFORE_SERVICE_HOST');
    expect(names).toContain('BEFORE_PORT_80_TCP_ADDR');
    expect(names).not.toContain('AFTER_SERVICE_HOST');
  });
});
