import { dumpEndpointPort, dumpSlicePort, portMapKey, sortByDumpHash, sortSlicePorts } from './go-dump';
import { md5Hex } from '../../runtime/md5';
import { repackSubsets } from './repack';
import { truncateSubsets } from './endpoints-subsets';
import type { EndpointAddress } from './types';

const KUBE_DNS = [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
  { name: 'metrics', port: 9153, protocol: 'TCP' },
];

describe('md5', () => {
  it('matches the RFC 1321 test vectors', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('a'.repeat(100))).toBe('36a92cc94a9e0fa21f625f8bfb007adf');
  });
});

describe('Go dumps and the orders derived from them', () => {
  it('renders a core/v1 EndpointPort as spew %#v does', () => {
    expect(dumpEndpointPort({ name: 'dns', port: 53, protocol: 'UDP' })).toBe(
      '(v1.EndpointPort){Name:(string)dns Port:(int32)53 Protocol:(v1.Protocol)UDP AppProtocol:(*string)<nil>}',
    );
  });

  it('renders a discovery/v1 EndpointPort with pointers, Protocol before Port', () => {
    expect(dumpSlicePort({ name: '', port: 80, protocol: 'TCP' })).toBe(
      '(v1.EndpointPort){Name:(*string) Protocol:(*v1.Protocol)TCP Port:(*int32)80 AppProtocol:(*string)<nil>}',
    );
  });

  it('orders the Endpoints ports of kube-dns as real clusters show them (dns-tcp, dns, metrics)', () => {
    expect(sortByDumpHash(KUBE_DNS, dumpEndpointPort).map((port) => port.name)).toEqual(['dns-tcp', 'dns', 'metrics']);
  });

  it('orders the EndpointSlice ports of kube-dns as real clusters show them (9153,53,53)', () => {
    expect(sortSlicePorts(KUBE_DNS).map((port) => port.port)).toEqual([9153, 53, 53]);
  });

  it('keys a port mapping independently of the ports order', () => {
    expect(portMapKey(KUBE_DNS)).toBe(portMapKey([...KUBE_DNS].reverse()));
    expect(portMapKey(KUBE_DNS)).not.toBe(portMapKey(KUBE_DNS.slice(1)));
  });
});

describe('repackSubsets', () => {
  const address = (ip: string, uid: string): EndpointAddress => ({
    ip,
    nodeName: 'node01',
    targetRef: { kind: 'Pod', name: uid, namespace: 'default', uid },
  });
  const http = { name: 'http', port: 80, protocol: 'TCP' };
  const https = { name: 'https', port: 443, protocol: 'TCP' };

  it('groups addresses sharing the same ports and sorts them by IP', () => {
    const subsets = repackSubsets([
      { addresses: [address('10.244.1.9', 'b')], ports: [http] },
      { addresses: [address('10.244.1.10', 'a')], ports: [http] },
      { addresses: [address('10.244.1.9', 'b')], ports: [https] },
      { addresses: [address('10.244.1.10', 'a')], ports: [https] },
    ]);
    expect(subsets).toEqual([
      { addresses: [address('10.244.1.10', 'a'), address('10.244.1.9', 'b')], ports: [https, http] },
    ]);
  });

  it('lets not-ready win over ready for the same address and port', () => {
    const subsets = repackSubsets([
      { addresses: [address('10.0.0.1', 'a')], ports: [http] },
      { notReadyAddresses: [address('10.0.0.1', 'a')], ports: [http] },
    ]);
    expect(subsets).toEqual([{ notReadyAddresses: [address('10.0.0.1', 'a')], ports: [http] }]);
  });

  it('keeps port-less subsets (headless Services without ports)', () => {
    expect(repackSubsets([{ addresses: [address('10.0.0.1', 'a')] }])).toEqual([
      { addresses: [address('10.0.0.1', 'a')] },
    ]);
  });

  it('splits addresses whose ports differ into subsets', () => {
    const subsets = repackSubsets([
      { addresses: [address('10.0.0.1', 'a')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
      { addresses: [address('10.0.0.2', 'b')], ports: [{ name: 'web', port: 9090, protocol: 'TCP' }] },
    ]);
    expect(subsets).toHaveLength(2);
    expect(subsets.flatMap((subset) => subset.ports?.map((port) => port.port))).toEqual(
      expect.arrayContaining([8080, 9090]),
    );
  });
});

describe('truncateSubsets', () => {
  const addresses = (count: number, prefix: string): EndpointAddress[] =>
    Array.from({ length: count }, (_, i) => ({ ip: `${prefix}.${i}` }));

  it('leaves 1000 addresses alone', () => {
    expect(truncateSubsets([{ addresses: addresses(1000, '10.0.0') }])).toBeUndefined();
  });

  it('cuts not-ready addresses first, keeping every ready one', () => {
    const truncated = truncateSubsets([
      { addresses: addresses(990, '10.0.0'), notReadyAddresses: addresses(20, '10.0.1') },
    ]);
    expect(truncated?.[0]?.addresses).toHaveLength(990);
    expect(truncated?.[0]?.notReadyAddresses).toHaveLength(10);
  });

  it('shares the ready addresses between subsets by proportion, rounding up', () => {
    const truncated = truncateSubsets([
      { addresses: addresses(900, '10.0.0'), notReadyAddresses: addresses(5, '10.0.2') },
      { addresses: addresses(300, '10.0.1') },
    ]);
    expect(truncated?.map((subset) => subset.addresses?.length)).toEqual([750, 250]);
    expect(truncated?.[0]?.notReadyAddresses).toBeUndefined();
  });
});
