// Refused Services: the messages of scenario d and of ValidateService, as
// kubectl prints them after `The Service "x" is invalid: `.
import { message, serviceServer } from './service.testing';

function refusal(spec: Record<string, unknown>, name = 'web', annotations?: Record<string, string>): string {
  const api = serviceServer();
  const response = api.create({ metadata: { name, ...(annotations ? { annotations } : {}) }, spec });
  expect(response.status).toBe(422);
  return message(response.body);
}

describe('Service validation', () => {
  it('refuses a NodePort outside the range (scenario d)', () => {
    const text = refusal({
      ports: [{ name: '80-8080', nodePort: 29999, port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'web' },
      type: 'NodePort',
    });
    expect(text).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('accepts a named targetPort (kubectl create service clusterip web --tcp=80:http)', () => {
    const api = serviceServer();
    const response = api.create({
      metadata: { name: 'web' },
      spec: { ports: [{ name: '80-http', port: 80, protocol: 'TCP', targetPort: 'http' }], type: 'ClusterIP' },
    });
    expect(response.status).toBe(201);
  });

  it('forbids a clusterIP on an ExternalName Service (scenario d)', () => {
    const text = refusal(
      { type: 'ExternalName', externalName: 'db.example.org', clusterIP: '10.96.50.50', ports: [{ port: 5432 }] },
      'ext',
    );
    expect(text).toBe('Service "ext" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services');
  });

  it('requires ports, and names when there are several', () => {
    expect(refusal({ selector: { app: 'web' } })).toBe('Service "web" is invalid: spec.ports: Required value');
    expect(refusal({ ports: [{ port: 80 }, { port: 81 }] })).toBe(
      'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    );
    expect(
      refusal({
        ports: [
          { name: 'a', port: 80 },
          { name: 'a', port: 81 },
        ],
      }),
    ).toBe('Service "web" is invalid: spec.ports[1].name: Duplicate value: "a"');
  });

  it('reports a duplicate (protocol, port) as the Go struct', () => {
    expect(
      refusal({
        ports: [
          { name: 'a', port: 80 },
          { name: 'b', port: 80 },
        ],
      }),
    ).toBe(
      'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    );
  });

  it('checks port numbers, protocols and target ports', () => {
    expect(refusal({ ports: [{ port: 70000 }] })).toBe(
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    );
    expect(refusal({ ports: [{ port: 80, protocol: 'HTTP' }] })).toBe(
      'Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    );
    expect(refusal({ ports: [{ port: 80, targetPort: 'Http_Web' }] })).toBe(
      'Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "Http_Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    );
  });

  it('forbids a nodePort on a ClusterIP Service', () => {
    expect(refusal({ ports: [{ port: 80, nodePort: 30080 }] })).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'',
    );
  });

  it('checks type, session affinity and traffic policies', () => {
    expect(refusal({ type: 'Foo', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(refusal({ sessionAffinity: 'Sticky', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    );
    expect(
      refusal({
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } },
        ports: [{ port: 80 }],
      }),
    ).toBe(
      'Service "web" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    );
    expect(refusal({ externalTrafficPolicy: 'Local', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    );
    expect(refusal({ type: 'NodePort', externalTrafficPolicy: 'Foo', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.externalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"',
    );
    expect(refusal({ internalTrafficPolicy: 'Foo', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.internalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"',
    );
  });

  it('checks ExternalName Services', () => {
    expect(refusal({ type: 'ExternalName' })).toBe('Service "web" is invalid: spec.externalName: Required value');
    expect(refusal({ type: 'ExternalName', externalName: 'Bad_Name' })).toContain(
      'spec.externalName: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of',
    );
    const api = serviceServer();
    const fqdn = api.create({
      metadata: { name: 'fqdn' },
      spec: { type: 'ExternalName', externalName: 'db.example.org.' },
    });
    expect(fqdn.status).toBe(201);
  });

  it('checks cluster and external IPs', () => {
    expect(refusal({ clusterIP: 'abc', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    expect(refusal({ externalIPs: ['not-an-ip'], ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.externalIPs[0]: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    expect(refusal({ externalIPs: ['127.0.0.1'], ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    );
    expect(refusal({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    );
  });

  it('refuses families and policies this single-stack cluster cannot serve', () => {
    expect(refusal({ ipFamilies: ['IPv6'], ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    );
    expect(refusal({ ipFamilyPolicy: 'RequireDualStack', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
    expect(refusal({ clusterIP: 'fd00::10', ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster',
    );
  });

  it('checks selectors, load balancer fields and the kubelet port', () => {
    expect(refusal({ selector: { app: 'bad value!' }, ports: [{ port: 80 }] })).toContain(
      'spec.selector: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters',
    );
    expect(refusal({ loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is \'LoadBalancer\'',
    );
    expect(refusal({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/33'], ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    );
    expect(refusal({ type: 'LoadBalancer', ports: [{ port: 10250 }] })).toBe(
      'Service "web" is invalid: spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet',
    );
    expect(refusal({ allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] })).toBe(
      'Service "web" is invalid: spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is \'LoadBalancer\'',
    );
  });

  it('names Services as DNS-1035 labels', () => {
    expect(refusal({ ports: [{ port: 80 }] }, '1web')).toContain(
      'metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character',
    );
  });

  it('refuses bodies Go cannot decode', () => {
    const api = serviceServer();
    const response = api.create({ metadata: { name: 'web' }, spec: { ports: [{ port: '80' }] } });
    expect(response.status).toBe(400);
    expect(message(response.body)).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
  });
});
