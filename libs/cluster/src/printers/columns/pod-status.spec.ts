import type { KubeObject } from '../../api/objects';
import { buildTable } from '../table';
import { ago, cells, NOW, object } from '../printers.testing';

const running = { running: { startedAt: ago(60) } };
const containers = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `c${i}`, image: 'nginx' }));

function pod(name: string, spec: Record<string, unknown>, status: Record<string, unknown>, meta = {}): KubeObject {
  return object('Pod', name, { spec, status }, meta);
}

describe('pod printer details', () => {
  describe('status reasons', () => {
    const withState = (state: Record<string, unknown>, phase = 'Running', extra = {}) =>
      pod('p', { containers: containers(1) }, { phase, containerStatuses: [{ ready: false, state }], ...extra });

    it.each([
      [{ waiting: { reason: 'ContainerCreating' } }, 'Pending', 'ContainerCreating'],
      [{ waiting: { reason: 'ErrImagePull' } }, 'Pending', 'ErrImagePull'],
      [{ waiting: { reason: 'ImagePullBackOff' } }, 'Pending', 'ImagePullBackOff'],
      [{ waiting: { reason: 'CrashLoopBackOff' } }, 'Running', 'CrashLoopBackOff'],
      [{ terminated: { reason: 'Completed', exitCode: 0 } }, 'Succeeded', 'Completed'],
      [{ terminated: { reason: 'Error', exitCode: 1 } }, 'Failed', 'Error'],
      [{ terminated: { exitCode: 1 } }, 'Failed', 'ExitCode:1'],
      [{ terminated: { exitCode: 137, signal: 9 } }, 'Failed', 'Signal:9'],
    ])('prints %j in phase %s as %s', (state, phase, expected) => {
      expect(cells(withState(state, phase))[2]).toBe(expected);
    });

    it('prints init container failures', () => {
      const failing = (state: Record<string, unknown>) =>
        pod(
          'p',
          { initContainers: containers(1), containers: containers(1) },
          {
            phase: 'Pending',
            initContainerStatuses: [{ state }],
            containerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
          },
        );
      expect(cells(failing({ terminated: { reason: 'Error', exitCode: 1 } }))[2]).toBe('Init:Error');
      expect(cells(failing({ terminated: { exitCode: 2 } }))[2]).toBe('Init:ExitCode:2');
      expect(cells(failing({ terminated: { exitCode: 2, signal: 15 } }))[2]).toBe('Init:Signal:15');
      expect(cells(failing({ waiting: { reason: 'CrashLoopBackOff' } }))[2]).toBe('Init:CrashLoopBackOff');
      expect(cells(failing({ waiting: { reason: 'PodInitializing' } }))[2]).toBe('Init:0/1');
    });

    it('prints Terminating for a deleted pod that has not finished', () => {
      const deleting = { deletionTimestamp: ago(5), deletionGracePeriodSeconds: 30 };
      expect(cells(pod('p', { containers: containers(1) }, { phase: 'Running' }, deleting))[2]).toBe('Terminating');
      expect(cells(pod('p', { containers: containers(1) }, { phase: 'Succeeded' }, deleting))[2]).toBe('Succeeded');
    });

    it('prints Unknown for a deleted pod on a lost node', () => {
      const item = pod(
        'p',
        { containers: containers(1) },
        { phase: 'Running', reason: 'NodeLost' },
        { deletionTimestamp: ago(5) },
      );
      expect(cells(item)[2]).toBe('Unknown');
    });

    it('marks failed pods Completed with reason Failed', () => {
      const row = buildTable('Pod', [pod('p', { containers: containers(1) }, { phase: 'Failed' })], { now: NOW })
        .rows[0];
      expect(row?.conditions).toEqual([
        { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
      ]);
    });
  });

  describe('wide columns', () => {
    // TestPrintPodwide
    it('prints IP, node, nominated node and readiness gates', () => {
      const item = pod(
        'test1',
        {
          containers: containers(2),
          nodeName: 'test1',
          readinessGates: [
            { conditionType: 'condition1' },
            { conditionType: 'condition2' },
            { conditionType: 'condition3' },
          ],
        },
        {
          conditions: [
            { type: 'condition1', status: 'False' },
            { type: 'condition2', status: 'True' },
          ],
          phase: 'podPhase',
          podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
          containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }],
          nominatedNodeName: 'node1',
        },
      );
      expect(cells(item)).toEqual(['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
    });

    it('prints <none> for what is unset', () => {
      const item = pod('test2', { containers: containers(2) }, { phase: 'podPhase' });
      expect(cells(item).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
    });

    it('prefers status.podIP, as v1 conversion does', () => {
      const item = pod('p', { containers: containers(1) }, { podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.8' }] });
      expect(cells(item)[5]).toBe('10.0.0.9');
    });
  });

  // kubectl get pods -o wide in /tmp/transcripts.txt (c-workloads.sh)
  it('matches the recorded pods -o wide', () => {
    const recorded = (name: string, ip: string, ageSeconds: number, meta = {}) =>
      pod(
        name,
        { containers: [{ name: 'nginx', image: 'nginx:1.25' }], nodeName: 'node01' },
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          podIP: ip,
          podIPs: [{ ip }],
          containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, started: true, state: running }],
        },
        { creationTimestamp: ago(ageSeconds), ...meta },
      );
    const table = buildTable(
      'Pod',
      [
        recorded('single', '10.244.1.21', 5),
        recorded('web-5576d9f5bc-k4x7n', '10.244.1.18', 17, { deletionTimestamp: ago(1) }),
      ],
      { now: NOW },
    );
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['single', '1/1', 'Running', '0', '5s', '10.244.1.21', 'node01', '<none>', '<none>'],
      ['web-5576d9f5bc-k4x7n', '1/1', 'Terminating', '0', '17s', '10.244.1.18', 'node01', '<none>', '<none>'],
    ]);
  });

  it('declares the 1.32 pod columns', () => {
    const table = buildTable('Pod', [], { now: NOW });
    expect(table.columnDefinitions?.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(table.columnDefinitions?.[5]?.description).toBe(
      'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    );
  });
});
