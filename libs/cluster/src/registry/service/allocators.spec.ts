import type { KubeObject } from '../../api/objects';
import type { StoreReader } from '../../api/strategy';
import { SeededRandom } from '../../runtime/random';
import { ClusterIpAllocation, ClusterIpRange, ipRangeOffset } from './ip-allocator';
import { PortAllocationOperation, portRangeOffset } from './port-allocator';

function storeWith(services: KubeObject[]): StoreReader {
  const list = (resource: string) => (resource === 'services' ? services : []);
  return { get: () => undefined, list, count: (resource) => list(resource).length };
}

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

const NODE_PORTS = { min: 30000, max: 32767 };

describe('ClusterIP range', () => {
  it('keeps a static band of min(max(16, size/16), 256) addresses at the bottom', () => {
    expect(ipRangeOffset(2 ** 20)).toBe(256);
    expect(ipRangeOffset(2 ** 8)).toBe(16);
    expect(ipRangeOffset(16)).toBe(0);
    const range = new ClusterIpRange('10.96.0.0/12');
    expect(range.max).toBe(2 ** 20 - 2);
    expect(range.indexOf('10.96.0.1')).toBe(0);
    expect(range.indexOf('10.96.0.0')).toBeUndefined();
    expect(range.indexOf('10.111.255.255')).toBeUndefined();
    expect(range.indexOf('10.111.255.254')).toBe(range.max - 1);
  });

  it('allocates random addresses from the dynamic (upper) band', () => {
    const range = new ClusterIpRange('10.96.0.0/12');
    const random = SeededRandom.fromSeed('ips');
    const allocation = new ClusterIpAllocation(range, storeWith([]), false);
    for (let i = 0; i < 50; i++) {
      const ip = allocation.allocateNext(random) ?? '';
      expect(range.indexOf(ip) ?? -1).toBeGreaterThanOrEqual(256);
    }
  });

  it('refuses addresses outside the range or held by a stored Service', () => {
    const range = new ClusterIpRange('10.96.0.0/12');
    const held = service('a', { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
    const allocation = new ClusterIpAllocation(range, storeWith([held]), false);
    expect(allocation.allocate('10.200.0.5')).toBe(
      'the provided IP (10.200.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(allocation.allocate('10.96.0.10')).toBe('provided IP is already allocated');
    expect(allocation.allocate('10.96.0.11')).toBeUndefined();
    expect(allocation.allocate('10.96.0.11')).toBe('provided IP is already allocated');
  });

  it('in a dry run only checks the range and reports the network address for a random one', () => {
    const range = new ClusterIpRange('10.96.0.0/12');
    const held = service('a', { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
    const allocation = new ClusterIpAllocation(range, storeWith([held]), true);
    expect(allocation.allocate('10.96.0.10')).toBeUndefined();
    expect(allocation.allocate('10.200.0.5')).toContain('is not in the valid range');
    expect(allocation.allocateNext(SeededRandom.fromSeed('x'))).toBe('10.96.0.0');
  });

  it('reports a full range', () => {
    const range = new ClusterIpRange('10.96.0.0/30');
    const allocation = new ClusterIpAllocation(range, storeWith([]), false);
    const random = SeededRandom.fromSeed('full');
    expect([allocation.allocateNext(random), allocation.allocateNext(random)].sort()).toEqual([
      '10.96.0.1',
      '10.96.0.2',
    ]);
    expect(allocation.allocateNext(random)).toBeUndefined();
  });
});

describe('NodePort range', () => {
  it('keeps min(max(16, size/32), 128) ports for static allocation', () => {
    expect(portRangeOffset(2768)).toBe(86);
    expect(portRangeOffset(100)).toBe(16);
    expect(portRangeOffset(10)).toBe(0);
  });

  it('allocates random ports above the static band', () => {
    const operation = new PortAllocationOperation(NODE_PORTS, storeWith([]), SeededRandom.fromSeed('ports'), false);
    for (let i = 0; i < 50; i++) {
      const port = operation.allocateNext() ?? 0;
      expect(port).toBeGreaterThanOrEqual(30086);
      expect(port).toBeLessThanOrEqual(32767);
    }
  });

  it('refuses ports out of range or held by NodePort and LoadBalancer Services', () => {
    const nodePort = service('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    const stale = service('cip', { type: 'ClusterIP', ports: [{ port: 80, nodePort: 30081 }] });
    const operation = new PortAllocationOperation(
      NODE_PORTS,
      storeWith([nodePort, stale]),
      SeededRandom.fromSeed('p'),
      false,
    );
    expect(operation.allocate(29999)).toBe(
      'provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(operation.allocate(30080)).toBe('provided port is already allocated');
    expect(operation.allocate(30081)).toBeUndefined();
  });

  it('hands out dummy ports above the range in a dry run, as operation.go does', () => {
    const nodePort = service('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    const operation = new PortAllocationOperation(NODE_PORTS, storeWith([nodePort]), SeededRandom.fromSeed('p'), true);
    expect(operation.allocateNext()).toBe(32769);
    expect(operation.allocateNext()).toBe(32770);
    expect(operation.allocate(30080)).toBe('provided port is already allocated');
    expect(operation.allocate(29999)).toBeUndefined();
  });
});
