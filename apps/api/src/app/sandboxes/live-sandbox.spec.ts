import { createSandbox, snapshotSandbox } from '@kubelab/shell';
import { COMPACT_AFTER_COMMANDS, LiveSandbox } from './live-sandbox';
import { SandboxEvictedError, UnsavedChangeError } from './sandbox-errors';
import type { SandboxChange } from './sandbox-records';
import { decodeState, stateFingerprint } from './sandbox-state-codec';

function live(save: (change: SandboxChange) => Promise<boolean>) {
  const sandbox = createSandbox({ clusterOptions: { seed: 'live' } });
  return new LiveSandbox('id', sandbox, 0, 0, stateFingerprint(snapshotSandbox(sandbox)), {
    maxQueuedCommands: 8,
    commandTimeoutMs: 5_000,
    now: () => new Date('2026-11-22T12:00:00Z'),
    save,
  });
}

describe('LiveSandbox', () => {
  it('stores a snapshot when the sandbox changed, and only the transcript when just the history did', async () => {
    const changes: SandboxChange[] = [];
    const sandbox = live((change) => {
      changes.push(change);
      return Promise.resolve(true);
    });
    await sandbox.run('kubectl create configmap settings --from-literal=a=1');
    await sandbox.run('kubectl get configmap settings -o name\necho hello');
    expect(
      changes.map((change) => [change.lastSeq, change.records.map((r) => r.seq), change.state?.throughSeq]),
    ).toEqual([
      [1, [1], 1],
      [3, [2, 3], undefined],
    ]);
    const stored = decodeState(changes[0]?.state?.bytes ?? new Uint8Array());
    expect(stored.cluster.store).toEqual(snapshotSandbox(sandbox.sandbox).cluster.store);
    expect(changes[1]?.records.map((record) => [record.input, record.output, record.exitCode])).toEqual([
      ['kubectl get configmap settings -o name', 'configmap/settings\n', 0],
      ['echo hello', 'hello\n', 0],
    ]);
  });

  it(`writes a full snapshot at least every ${COMPACT_AFTER_COMMANDS} commands`, async () => {
    const changes: SandboxChange[] = [];
    const sandbox = live((change) => {
      changes.push(change);
      return Promise.resolve(true);
    });
    await sandbox.run(Array.from({ length: COMPACT_AFTER_COMMANDS - 1 }, () => 'true').join('\n'));
    expect(changes[0]?.state).toBeUndefined();
    await sandbox.run('true');
    expect(changes[1]?.state?.throughSeq).toBe(COMPACT_AFTER_COMMANDS);
  });

  it('fails, without counting the command, when the change cannot be stored', async () => {
    let outcome: () => Promise<boolean> = () => Promise.resolve(false);
    const sandbox = live(() => outcome());
    await expect(sandbox.run('touch /root/a')).rejects.toEqual(new UnsavedChangeError('lease-lost'));
    outcome = () => Promise.reject(new Error('connection lost'));
    await expect(sandbox.run('touch /root/b')).rejects.toMatchObject({ reason: 'database' });
    expect(sandbox.seq).toBe(0);
  });

  it('refuses work once evicted', async () => {
    const sandbox = live(() => Promise.resolve(true));
    sandbox.evict();
    await expect(sandbox.run('true')).rejects.toBeInstanceOf(SandboxEvictedError);
  });
});
