import { cells, object } from '../printers.testing';
import { nodeRoles } from './node';

const node = (name: string, status: Record<string, unknown>, spec = {}, labels = {}) =>
  object('Node', name, { spec, status }, { labels });

describe('node printer', () => {
  // printers_test.go TestPrintNodeStatus
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['ready', { conditions: [{ type: 'Ready', status: 'True' }] }, {}, 'Ready'],
    [
      'cordoned',
      { conditions: [{ type: 'Ready', status: 'True' }] },
      { unschedulable: true },
      'Ready,SchedulingDisabled',
    ],
    ['not ready', { conditions: [{ type: 'Ready', status: 'False' }] }, {}, 'NotReady'],
    ['unknown ready status', { conditions: [{ type: 'Ready', status: 'Unknown' }] }, {}, 'NotReady'],
    ['without a Ready condition', { conditions: [{ type: 'MemoryPressure', status: 'False' }] }, {}, 'Unknown'],
    ['cordoned without conditions', {}, { unschedulable: true }, 'Unknown,SchedulingDisabled'],
  ])('prints a %s node', (_name, status, spec, expected) => {
    expect(cells(node('n', status, spec))[1]).toBe(expected);
  });

  // TestPrintNodeRole
  it.each<[Record<string, string>, string]>([
    [{}, '<none>'],
    [
      { 'node-role.kubernetes.io/foo': '', 'node-role.kubernetes.io/bar': '', 'node-role.kubernetes.io/': '' },
      'bar,foo',
    ],
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
    [{ 'kubernetes.io/role': 'node', 'node-role.kubernetes.io/node': '' }, 'node'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
  ])('prints roles of %j as %s', (labels, expected) => {
    expect(cells(node('n', {}, {}, labels))[2]).toBe(expected);
    expect(nodeRoles(labels).join(',') || '<none>').toBe(expected);
  });

  // TestPrintNodeInternalIP / ExternalIP / OSImage / KernelVersion / ContainerRuntimeVersion
  it('prints the first addresses and <unknown> system info in the wide columns', () => {
    expect(cells(node('foo1', { addresses: [{ type: 'InternalIP', address: '1.1.1.1' }] }))).toEqual([
      'foo1',
      'Unknown',
      '<none>',
      '<unknown>',
      '',
      '1.1.1.1',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ]);
    const addresses = [
      { type: 'InternalIP', address: '2.2.2.2' },
      { type: 'ExternalIP', address: '3.3.3.3' },
      { type: 'InternalIP', address: '4.4.4.4' },
    ];
    expect(cells(node('foo3', { addresses })).slice(5, 7)).toEqual(['2.2.2.2', '3.3.3.3']);
  });

  it('prints a kubeadm node', () => {
    const controlPlane = object(
      'Node',
      'controlplane',
      {
        spec: {},
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          addresses: [
            { type: 'InternalIP', address: '192.168.1.2' },
            { type: 'Hostname', address: 'controlplane' },
          ],
          nodeInfo: {
            kubeletVersion: 'v1.32.0',
            osImage: 'Ubuntu 22.04.4 LTS',
            kernelVersion: '5.15.0-105-generic',
            containerRuntimeVersion: 'containerd://1.7.22',
          },
        },
      },
      { labels: { 'node-role.kubernetes.io/control-plane': '' }, creationTimestamp: '2026-11-22T05:26:38Z' },
    );
    expect(cells(controlPlane)).toEqual([
      'controlplane',
      'Ready',
      'control-plane',
      '20m',
      'v1.32.0',
      '192.168.1.2',
      '<none>',
      'Ubuntu 22.04.4 LTS',
      '5.15.0-105-generic',
      'containerd://1.7.22',
    ]);
  });
});
