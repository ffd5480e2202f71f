import type { KubeObject } from '../../api/objects';
import { fromServices, serviceEnvironment, servicesAt, visibleServices } from './service-env';

function service(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  created = '2026-11-22T10:00:00Z',
): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, creationTimestamp: created }, spec };
}

const KUBERNETES = service('default', 'kubernetes', {
  clusterIP: '10.96.0.1',
  ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
});

describe('service environment variables (envvars.FromServices)', () => {
  it('gives host, ports and Docker link variables, named ports included', () => {
    const web = service('shop', 'web-api', {
      clusterIP: '10.96.12.34',
      ports: [
        { name: 'http', port: 80, protocol: 'TCP' },
        { name: 'dns-udp', port: 53, protocol: 'UDP' },
      ],
    });
    expect(fromServices([web])).toEqual([
      { name: 'WEB_API_SERVICE_HOST', value: '10.96.12.34' },
      { name: 'WEB_API_SERVICE_PORT', value: '80' },
      { name: 'WEB_API_SERVICE_PORT_HTTP', value: '80' },
      { name: 'WEB_API_SERVICE_PORT_DNS_UDP', value: '53' },
      { name: 'WEB_API_PORT', value: 'tcp://10.96.12.34:80' },
      { name: 'WEB_API_PORT_80_TCP', value: 'tcp://10.96.12.34:80' },
      { name: 'WEB_API_PORT_80_TCP_PROTO', value: 'tcp' },
      { name: 'WEB_API_PORT_80_TCP_PORT', value: '80' },
      { name: 'WEB_API_PORT_80_TCP_ADDR', value: '10.96.12.34' },
      { name: 'WEB_API_PORT_53_UDP', value: 'udp://10.96.12.34:53' },
      { name: 'WEB_API_PORT_53_UDP_PROTO', value: 'udp' },
      { name: 'WEB_API_PORT_53_UDP_PORT', value: '53' },
      { name: 'WEB_API_PORT_53_UDP_ADDR', value: '10.96.12.34' },
    ]);
  });

  it('gives the kubernetes Service of default to every pod, and the namespace Services only with service links', () => {
    const headless = service('shop', 'headless', { clusterIP: 'None', ports: [{ port: 80 }] });
    const external = service('shop', 'db', { type: 'ExternalName', externalName: 'db.example.org' });
    const other = service('elsewhere', 'api', { clusterIP: '10.96.0.99', ports: [{ port: 8080, protocol: 'TCP' }] });
    const cache = service('shop', 'cache', { clusterIP: '10.96.0.50', ports: [{ port: 6379, protocol: 'TCP' }] });
    const all = [KUBERNETES, headless, external, other, cache];
    expect(visibleServices('shop', true, all).map((entry) => entry.metadata.name)).toEqual(['cache', 'kubernetes']);
    expect(visibleServices('shop', false, all).map((entry) => entry.metadata.name)).toEqual(['kubernetes']);
    expect(serviceEnvironment('shop', false, all).map((entry) => `${entry.name}=${entry.value}`)).toEqual([
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_SERVICE_PORT=443',
      'KUBERNETES_SERVICE_PORT_HTTPS=443',
      'KUBERNETES_PORT=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP_PROTO=tcp',
      'KUBERNETES_PORT_443_TCP_PORT=443',
      'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
    ]);
  });

  it('counts only the Services created by the time a container started', () => {
    const before = service(
      'default',
      'before',
      { clusterIP: '10.96.0.2', ports: [{ port: 80 }] },
      '2026-11-22T10:00:00Z',
    );
    const after = service(
      'default',
      'after',
      { clusterIP: '10.96.0.3', ports: [{ port: 80 }] },
      '2026-11-22T10:05:00Z',
    );
    expect(servicesAt([before, after], Date.parse('2026-11-22T10:01:00Z')).map((entry) => entry.metadata.name)).toEqual(
      ['before'],
    );
  });
});
