import type { KubeObject } from '../../api/objects';
import { buildTable } from '../table';
import { ago, cells, NOW, object } from '../printers.testing';
import { formatDiscoveryEndpoints, formatDiscoveryPorts, formatEndpoints } from './endpoints';

const address = (ip: string) => ({ ip, nodeName: 'node01' });

describe('endpoints printer', () => {
  // b-endpoints.sh in /tmp/transcripts.txt: kubectl get ep, then the same after scaling to 0
  it('matches the recorded kubectl get ep', () => {
    const api = object(
      'Endpoints',
      'api',
      {
        subsets: [
          {
            addresses: [address('10.244.1.12'), address('10.244.1.13'), address('10.244.1.14')],
            ports: [{ port: 80, protocol: 'TCP' }],
          },
        ],
      },
      { creationTimestamp: ago(15) },
    );
    const kubernetes = object(
      'Endpoints',
      'kubernetes',
      { subsets: [{ addresses: [{ ip: '192.0.2.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] },
      { creationTimestamp: ago(17) },
    );
    const scaledDown = object('Endpoints', 'api', {}, { creationTimestamp: ago(20) });
    expect(buildTable('Endpoints', [api, kubernetes], { now: NOW }).rows.map((row) => row.cells)).toEqual([
      ['api', '10.244.1.12:80,10.244.1.13:80,10.244.1.14:80', '15s'],
      ['kubernetes', '192.0.2.2:6443', '17s'],
    ]);
    expect(cells(scaledDown)).toEqual(['api', '<none>', '20s']);
  });

  it('shows three entries and counts the rest', () => {
    const subsets = [
      {
        addresses: [address('1.1.1.1'), address('1.1.1.2')],
        ports: [
          { name: 'a', port: 80 },
          { name: 'b', port: 443 },
        ],
      },
      { addresses: [address('2.2.2.2')], ports: [{ port: 8080 }] },
    ];
    expect(formatEndpoints(subsets)).toBe('1.1.1.1:80,1.1.1.2:80,1.1.1.1:443 + 2 more...');
  });

  it('lists the bare addresses of subsets without ports', () => {
    expect(formatEndpoints([{ addresses: [address('1.1.1.1'), address('1.1.1.2')] }])).toBe('1.1.1.1,1.1.1.2');
    expect(
      formatEndpoints([
        { addresses: [address('1.1.1.1'), address('1.1.1.2'), address('1.1.1.3'), address('1.1.1.4')] },
      ]),
    ).toBe('1.1.1.1,1.1.1.2,1.1.1.3 + 1 more...');
  });

  it('brackets IPv6 addresses', () => {
    expect(formatEndpoints([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }])).toBe('[fd00::1]:80');
  });

  it('prints an empty string for subsets without addresses', () => {
    expect(formatEndpoints([{ notReadyAddresses: [address('1.1.1.1')], ports: [{ port: 80 }] }])).toBe('');
  });
});

describe('endpointslice printer', () => {
  const slice = (name: string, ageSeconds: number, fields: Record<string, unknown>): KubeObject => ({
    ...object('EndpointSlice', name, { addressType: 'IPv4', ...fields }, { creationTimestamp: ago(ageSeconds) }),
    apiVersion: 'discovery.k8s.io/v1',
  });

  it('matches the recorded kubectl get endpointslices', () => {
    const api = slice('api-p4wfs', 10, {
      endpoints: ['10.244.1.12', '10.244.1.13', '10.244.1.14'].map((ip) => ({
        addresses: [ip],
        conditions: { ready: true, serving: true, terminating: false },
      })),
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    });
    const kubernetes = slice('kubernetes', 102, {
      endpoints: [{ addresses: ['192.0.2.2'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
    expect(buildTable('EndpointSlice', [api, kubernetes], { now: NOW }).rows.map((row) => row.cells)).toEqual([
      ['api-p4wfs', 'IPv4', '80', '10.244.1.12,10.244.1.13,10.244.1.14', '10s'],
      ['kubernetes', 'IPv4', '6443', '192.0.2.2', '102s'],
    ]);
  });

  it('prints <unset> for empty lists', () => {
    expect(cells(slice('empty', 0, {})).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });

  it('prints port names or * when the number is unset', () => {
    expect(formatDiscoveryPorts([{ name: 'http' }, {}, { port: 53 }])).toBe('http,*,53');
    expect(formatDiscoveryPorts([{ port: 1 }, { port: 2 }, { port: 3 }, { port: 4 }, { port: 5 }])).toBe(
      '1,2,3 + 2 more...',
    );
    expect(formatDiscoveryPorts([{ name: '' }])).toBe('<unset>');
  });

  it('shows three endpoint addresses and counts the rest', () => {
    expect(
      formatDiscoveryEndpoints([{ addresses: ['1.1.1.1', '1.1.1.2'] }, { addresses: ['1.1.1.3', '1.1.1.4'] }]),
    ).toBe('1.1.1.1,1.1.1.2,1.1.1.3 + 1 more...');
  });
});
