import { RESOURCES } from '../../api/resource-refs';
import type { StoreEvent } from '../../store/object-store';
import { kubeletTest, podBody } from './kubelet.testing';

describe('kubelet: graceful termination', () => {
  it('stops nginx at once on SIGTERM and removes the pod', () => {
    const test = kubeletTest();
    test.call('create', RESOURCES.pods, podBody('web', [{ name: 'nginx', image: 'nginx' }]));
    test.advance(5000);
    const seen: StoreEvent[] = [];
    test.server.store.subscribe((event) => {
      if (event.resource === 'pods') seen.push(event);
    });
    test.call('delete', RESOURCES.pods, undefined, { name: 'web' });
    const terminating = test.pod('web');
    expect(terminating.metadata.deletionTimestamp).toBe('2026-11-22T10:00:35Z');
    expect((terminating.status as { phase: string }).phase).toBe('Running');
    test.advance(1000);
    expect(test.get(RESOURCES.pods, 'web')).toBeUndefined();
    expect(test.events('web').filter((event) => event.reason === 'Killing')).toEqual([
      {
        reason: 'Killing',
        message: 'Stopping container nginx',
        type: 'Normal',
        count: 1,
        fieldPath: 'spec.containers{nginx}',
        host: 'node01',
      },
    ]);
    // The last status the kubelet wrote before deleting the pod: stopped with exit code 0.
    const final = seen.filter((event) => event.type === 'MODIFIED').pop()?.object.status as Record<string, unknown>;
    expect(final).toMatchObject({
      phase: 'Succeeded',
      containerStatuses: [{ ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    });
    expect(seen[seen.length - 1]?.type).toBe('DELETED');
  });

  it('lets sleep as PID 1 live until the grace period ends, then kills it (137)', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('sleeper', [{ name: 'sleep', image: 'busybox', command: ['sleep', '3600'] }]),
    );
    test.advance(5000);
    let final: Record<string, unknown> | undefined;
    test.server.store.subscribe((event) => {
      if (event.resource === 'pods' && event.type === 'MODIFIED')
        final = event.object.status as Record<string, unknown>;
    });
    test.call('delete', RESOURCES.pods, undefined, { name: 'sleeper' });
    test.advance(29_000);
    expect(test.pod('sleeper').status).toMatchObject({
      phase: 'Running',
      containerStatuses: [{ ready: true, state: { running: {} } }],
    });
    test.advance(1500);
    expect(test.get(RESOURCES.pods, 'sleeper')).toBeUndefined();
    expect(final).toMatchObject({
      phase: 'Failed',
      containerStatuses: [{ state: { terminated: { exitCode: 137, reason: 'Error' } } }],
    });
  });

  it('honours a shorter grace period and removes pods that never started at once', () => {
    const test = kubeletTest();
    test.call(
      'create',
      RESOURCES.pods,
      podBody('sleeper', [{ name: 'sleep', image: 'busybox', command: ['sleep', '3600'] }]),
    );
    test.call('create', RESOURCES.pods, podBody('typo', [{ name: 'web', image: 'nginxx' }]));
    test.advance(5000);
    test.call('delete', RESOURCES.pods, undefined, { name: 'sleeper', query: { gracePeriodSeconds: 5 } });
    test.call('delete', RESOURCES.pods, undefined, { name: 'typo' });
    expect(test.get(RESOURCES.pods, 'typo')).toBeUndefined();
    test.advance(4000);
    expect(test.get(RESOURCES.pods, 'sleeper')).toBeDefined();
    test.advance(1500);
    expect(test.get(RESOURCES.pods, 'sleeper')).toBeUndefined();
    expect(test.kubelet.state.pods).toEqual({});
  });
});
