import type { KubeObject } from '../../api/objects';
import { serviceSpec } from '../../registry/service';
import { serviceEndpoints } from './service-endpoints';

function spec(fields: Record<string, unknown>) {
  return serviceSpec({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: fields });
}

function pod(
  name: string,
  options: { ip?: string; ready?: boolean; labels?: Record<string, string>; ports?: unknown[]; phase?: string } = {},
  terminating = false,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: options.labels ?? { app: 'web' },
      ...(terminating ? { deletionTimestamp: '2026-11-22T10:00:30Z' } : {}),
    },
    spec: { nodeName: 'node01', containers: [{ name: 'web', ports: options.ports ?? [] }] },
    status: {
      phase: options.phase ?? 'Running',
      ...(options.ip ? { podIP: options.ip, podIPs: [{ ip: options.ip }] } : {}),
      conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }],
    },
  };
}

describe('serviceEndpoints', () => {
  const named = [{ name: 'http', containerPort: 8080, protocol: 'TCP' }];

  it('lists, per Service port, the selected pods with their resolved port and conditions', () => {
    const result = serviceEndpoints(
      spec({
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { name: 'admin', port: 9000, targetPort: 9000, protocol: 'TCP' },
        ],
      }),
      [
        pod('web-a', { ip: '10.244.1.2', ports: named }),
        pod('web-b', { ip: '10.244.1.3', ready: false }),
        pod('web-c', { ip: '10.244.1.4', ports: named }, true),
        pod('web-d'),
        pod('web-e', { ip: '10.244.1.5', phase: 'Succeeded' }),
        pod('db-a', { ip: '10.244.1.6', labels: { app: 'db' }, ports: named }),
      ],
    );
    const base = { namespace: 'default', nodeName: 'node01' };
    expect(result.map(({ servicePort, endpoints }) => [servicePort.name, endpoints])).toEqual([
      [
        'http',
        [
          { ...base, ip: '10.244.1.2', podName: 'web-a', port: 8080, ready: true, serving: true, terminating: false },
          { ...base, ip: '10.244.1.4', podName: 'web-c', port: 8080, ready: false, serving: true, terminating: true },
        ],
      ],
      [
        'admin',
        [
          { ...base, ip: '10.244.1.2', podName: 'web-a', port: 9000, ready: true, serving: true, terminating: false },
          { ...base, ip: '10.244.1.3', podName: 'web-b', port: 9000, ready: false, serving: false, terminating: false },
          { ...base, ip: '10.244.1.4', podName: 'web-c', port: 9000, ready: false, serving: true, terminating: true },
        ],
      ],
    ]);
  });

  it('counts every listed pod as ready with publishNotReadyAddresses', () => {
    const [port] = serviceEndpoints(
      spec({ selector: { app: 'web' }, ports: [{ port: 80 }], publishNotReadyAddresses: true }),
      [pod('web-b', { ip: '10.244.1.3', ready: false })],
    );
    expect(port?.endpoints.map((endpoint) => endpoint.ready)).toEqual([true]);
  });

  it('gives nothing to Services without a selector or of type ExternalName', () => {
    const pods = [pod('web-a', { ip: '10.244.1.2' })];
    expect(serviceEndpoints(spec({ ports: [{ port: 80 }] }), pods)).toEqual([
      { servicePort: expect.objectContaining({ port: 80 }), endpoints: [] },
    ]);
    expect(
      serviceEndpoints(spec({ type: 'ExternalName', externalName: 'x.example', selector: { app: 'web' } }), pods),
    ).toEqual([]);
  });
});
