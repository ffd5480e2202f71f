import { serviceServer } from './service.testing';
import { serviceSpec } from './reader';

describe('serviceSpec', () => {
  it('reads a stored NodePort Service', () => {
    const api = serviceServer();
    api.create({
      metadata: { name: 'web' },
      spec: {
        type: 'NodePort',
        selector: { app: 'web' },
        sessionAffinity: 'ClientIP',
        ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      },
    });
    const view = serviceSpec(api.get('web'));
    expect(view).toEqual({
      type: 'NodePort',
      clusterIP: view.clusterIPs[0],
      clusterIPs: [view.clusterIP],
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080 }],
      selector: { app: 'web' },
      externalIPs: [],
      externalName: undefined,
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      publishNotReadyAddresses: false,
      loadBalancerIngress: [],
    });
  });

  it('reads an ExternalName Service and a selectorless one', () => {
    const api = serviceServer();
    api.create({ metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.org' } });
    api.create({ metadata: { name: 'manual' }, spec: { ports: [{ port: 5432 }] } });
    const db = serviceSpec(api.get('db'));
    expect([db.type, db.clusterIP, db.externalName, db.ports]).toEqual(['ExternalName', '', 'db.example.org', []]);
    const manual = serviceSpec(api.get('manual'));
    expect(manual.selector).toBeUndefined();
    expect(manual.ports).toEqual([{ name: '', port: 5432, targetPort: 5432, protocol: 'TCP', nodePort: undefined }]);
  });
});
