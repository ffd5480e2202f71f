import type { KubeObject } from '../../api/objects';
import { buildTable } from '../table';
import { ago, cells, NOW, object } from '../printers.testing';

const running = { running: { startedAt: ago(60) } };
const containers = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `c${i}`, image: 'nginx' }));
const lastTerminated = (secondsAgo: number) => ({ terminated: { exitCode: 1, finishedAt: ago(secondsAgo) } });

function pod(name: string, spec: Record<string, unknown>, status: Record<string, unknown>, meta = {}): KubeObject {
  return object('Pod', name, { spec, status }, meta);
}

/** NAME, READY, STATUS, RESTARTS, AGE: the columns without priority. */
function shortCells(item: KubeObject) {
  return cells(item).slice(0, 5);
}

describe('pod printer', () => {
  // printers_test.go TestPrintPod
  it.each<[string, KubeObject, unknown[]]>([
    [
      'counts ready containers and restarts',
      pod(
        'test1',
        { containers: containers(2) },
        {
          phase: 'podPhase',
          containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }],
        },
      ),
      ['test1', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'lets a waiting reason override the phase',
      pod(
        'test2',
        { containers: containers(2) },
        {
          phase: 'podPhase',
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
          ],
        },
      ),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'lets the first container win over the rest',
      pod(
        'test3',
        { containers: containers(2) },
        {
          phase: 'podPhase',
          containerStatuses: [
            { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
            { state: { terminated: { reason: 'ContainerTerminatedReason' } }, restartCount: 3 },
          ],
        },
      ),
      ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'needs running as well as ready',
      pod(
        'test4',
        { containers: containers(2) },
        {
          phase: 'podPhase',
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { ready: true, restartCount: 3 },
          ],
        },
      ),
      ['test4', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'prefers status.reason to the phase',
      pod(
        'test5',
        { containers: containers(2) },
        {
          reason: 'podReason',
          phase: 'podPhase',
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { ready: true, restartCount: 3 },
          ],
        },
      ),
      ['test5', '1/2', 'podReason', '6', '<unknown>'],
    ],
    [
      'prints NotReady for a completed container beside a running one without Ready',
      pod(
        'test6',
        { containers: containers(2) },
        {
          phase: 'Running',
          containerStatuses: [
            { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
            { ready: true, restartCount: 3, state: running },
          ],
        },
      ),
      ['test6', '1/2', 'NotReady', '6', '<unknown>'],
    ],
    [
      'prints Running for a completed container beside a running one with Ready',
      pod(
        'test6',
        { containers: containers(2) },
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [
            { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
            { ready: true, restartCount: 3, state: running },
          ],
        },
      ),
      ['test6', '1/2', 'Running', '6', '<unknown>'],
    ],
    [
      'prints Init:0/1 with the init container restarts',
      pod(
        'test7',
        { initContainers: containers(1), containers: containers(1) },
        {
          phase: 'podPhase',
          initContainerStatuses: [{ ready: false, restartCount: 3, state: running, lastState: lastTerminated(10) }],
          containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
        },
      ),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
    ],
    [
      'prints Init:0/2 when the first of two init containers runs',
      pod(
        'test8',
        { initContainers: containers(2), containers: containers(1) },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(10) },
            { ready: false, state: { waiting: {} } },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      ),
      ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'prints Init:1/2 when the first init container completed',
      pod(
        'test9',
        { initContainers: containers(2), containers: containers(1) },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            { ready: false, state: { terminated: {} } },
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(10) },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      ),
      ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'adds the restarts of completed init containers and keeps the latest restart time',
      pod(
        'test10',
        { initContainers: containers(2), containers: containers(1) },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            { ready: false, restartCount: 2, state: { terminated: {} }, lastState: lastTerminated(120) },
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(10) },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      ),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
    ],
    [
      'counts only the regular containers once initialized',
      pod(
        'test11',
        { initContainers: containers(1), containers: containers(1) },
        {
          phase: 'Running',
          initContainerStatuses: [
            { ready: false, restartCount: 2, state: { terminated: {} }, lastState: lastTerminated(120) },
          ],
          containerStatuses: [{ ready: false, restartCount: 4, state: running, lastState: lastTerminated(20) }],
        },
      ),
      ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    ],
    [
      'prints a restart days ago',
      pod(
        'test12',
        { containers: containers(1) },
        {
          phase: 'Running',
          containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: lastTerminated(5 * 86400) }],
        },
      ),
      ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
    ],
    [
      'prints the most recent restart of several containers',
      pod(
        'test14',
        { containers: containers(2) },
        {
          phase: 'Running',
          containerStatuses: [
            { ready: true, restartCount: 6, state: running, lastState: lastTerminated(5 * 86400) },
            { ready: true, restartCount: 3, state: running, lastState: lastTerminated(20 * 86400) },
          ],
        },
      ),
      ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
    ],
    [
      'prints SchedulingGated',
      pod(
        'test15',
        { containers: containers(2) },
        { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
      ),
      ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
    ],
  ])('%s', (_name, item, expected) => {
    expect(shortCells(item)).toEqual(expected);
  });

  describe('restartable init containers', () => {
    const sidecars = [
      { name: 'restartable-init-1', restartPolicy: 'Always' },
      { name: 'restartable-init-2', restartPolicy: 'Always' },
    ];

    it('counts sidecars in READY and waits for the one not started', () => {
      const item = pod(
        'test1',
        { initContainers: sidecars, containers: containers(1) },
        {
          phase: 'Pending',
          conditions: [{ type: 'Initialized', status: 'False' }],
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              restartCount: 3,
              state: running,
              started: true,
              lastState: lastTerminated(10),
            },
            { name: 'restartable-init-2', state: running, started: false },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      );
      expect(shortCells(item)).toEqual(['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>']);
    });

    it('waits for the first sidecar when it has not started', () => {
      const item = pod(
        'test1',
        { initContainers: sidecars, containers: containers(1) },
        {
          phase: 'Pending',
          conditions: [{ type: 'Initialized', status: 'False' }],
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              restartCount: 3,
              state: running,
              started: false,
              lastState: lastTerminated(10),
            },
            { name: 'restartable-init-2', state: { waiting: {} }, started: false },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      );
      expect(shortCells(item)).toEqual(['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>']);
    });

    it('adds the sidecar restarts to the regular ones once initialized', () => {
      const item = pod(
        'test2',
        { initContainers: sidecars, containers: containers(1) },
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              restartCount: 3,
              state: running,
              started: true,
              lastState: lastTerminated(10),
            },
            { name: 'restartable-init-2', state: running, started: true },
          ],
          containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: lastTerminated(20) }],
        },
      );
      expect(shortCells(item)).toEqual(['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>']);
    });

    it('marks a succeeded pod Completed', () => {
      const item = pod(
        'test3',
        { initContainers: sidecars, containers: containers(1) },
        {
          phase: 'Succeeded',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              restartCount: 3,
              state: { terminated: { reason: 'Error', exitCode: 137 } },
              started: false,
              lastState: lastTerminated(10),
            },
            { name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false },
          ],
          containerStatuses: [
            {
              restartCount: 4,
              state: { terminated: { reason: 'Completed', exitCode: 0 } },
              lastState: lastTerminated(20),
            },
          ],
        },
      );
      const row = buildTable('Pod', [item], { now: NOW }).rows[0];
      expect(row?.cells.slice(0, 5)).toEqual(['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>']);
      expect(row?.conditions).toEqual([
        { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
      ]);
    });

    it('ignores statuses of containers the spec does not have', () => {
      const item = pod(
        'test4',
        {
          initContainers: [
            { name: 'init1', image: 'initimage' },
            { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
          ],
          containers: [{ name: 'container1', image: 'containerimage' }],
        },
        {
          phase: 'Running',
          initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
          containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }],
        },
      );
      expect(shortCells(item)).toEqual(['test4', '0/2', 'Init:0/2', '0', '<unknown>']);
    });
  });
});
