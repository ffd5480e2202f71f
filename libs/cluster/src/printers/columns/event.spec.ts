import type { KubeObject } from '../../api/objects';
import { buildTable } from '../table';
import { ago, cells, NOW, object } from '../printers.testing';

const involvedObject = { kind: 'Deployment', name: 'web', namespace: 'default', apiVersion: 'apps/v1' };

describe('event printer', () => {
  it('prints a core/v1 event with the 1.32 column order', () => {
    const event = object('Event', 'web.17a1', {
      involvedObject,
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-896bb5df7 to 2\n',
      source: { component: 'deployment-controller' },
      firstTimestamp: ago(11),
      lastTimestamp: ago(11),
      count: 1,
      type: 'Normal',
      reportingComponent: 'deployment-controller',
      reportingInstance: '',
    });
    expect(cells(event)).toEqual([
      '11s',
      'Normal',
      'ScalingReplicaSet',
      'deployment/web',
      '',
      'deployment-controller',
      'Scaled up replica set web-896bb5df7 to 2',
      '11s',
      1,
      'web.17a1',
    ]);
    expect(buildTable('Event', [], { now: NOW }).columnDefinitions?.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0',
      'Type:0',
      'Reason:0',
      'Object:0',
      'Subobject:1',
      'Source:1',
      'Message:0',
      'First Seen:1',
      'Count:1',
      'Name:1',
    ]);
  });

  it('falls back to eventTime, the reporting controller and a count of one', () => {
    const event = object('Event', 'e', {
      involvedObject: { kind: 'Pod', name: 'p', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      message: 'ok',
      type: 'Normal',
      eventTime: '2026-11-22T05:46:08.123456Z',
      reportingComponent: 'kubelet',
      reportingInstance: 'node01',
    });
    expect(cells(event)).toEqual([
      '29s',
      'Normal',
      'Pulled',
      'pod/p',
      'spec.containers{nginx}',
      'kubelet, node01',
      'ok',
      '29s',
      1,
      'e',
    ]);
  });

  it('uses the series for last seen and count', () => {
    const event = object('Event', 'e', {
      involvedObject: { kind: 'Node' },
      firstTimestamp: ago(3600),
      lastTimestamp: ago(1200),
      count: 4,
      series: { count: 9, lastObservedTime: '2026-11-22T05:46:00.000000Z' },
      source: { component: 'kubelet', host: 'node01' },
    });
    const row = cells(event);
    expect(row.slice(0, 4)).toEqual(['38s', '', '', 'node']);
    expect(row.slice(5, 9)).toEqual(['kubelet, node01', '', '60m', 9]);
  });

  it('reads events.k8s.io/v1 events through their core fields', () => {
    const event: KubeObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.17a1' },
      regarding: involvedObject,
      note: 'Scaled up',
      reason: 'ScalingReplicaSet',
      type: 'Normal',
      deprecatedSource: { component: 'deployment-controller' },
      deprecatedFirstTimestamp: ago(30),
      deprecatedLastTimestamp: ago(20),
      deprecatedCount: 2,
      reportingController: 'deployment-controller',
      eventTime: null,
    };
    expect(cells(event)).toEqual([
      '20s',
      'Normal',
      'ScalingReplicaSet',
      'deployment/web',
      '',
      'deployment-controller',
      'Scaled up',
      '30s',
      2,
      'web.17a1',
    ]);
  });
});
