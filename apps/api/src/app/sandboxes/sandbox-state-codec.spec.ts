import { createSandbox, snapshotSandbox } from '@kubelab/shell';
import { decodeState, encodeState, stateFingerprint } from './sandbox-state-codec';

describe('sandbox state codec', () => {
  it('round-trips a snapshot through its compressed form', async () => {
    const sandbox = createSandbox({ clusterOptions: { seed: 'codec' } });
    await sandbox.shell.run('kubectl create deployment web --image=nginx && echo hi > /root/note');
    const snapshot = snapshotSandbox(sandbox);
    const encoded = encodeState(snapshot);
    expect(encoded.bytes.length).toBeLessThan(encoded.jsonBytes / 3);
    expect(decodeState(encoded.bytes)).toEqual(snapshot);
  });

  it('ignores the history and the time of the snapshot, and nothing else', async () => {
    const sandbox = createSandbox({ clusterOptions: { seed: 'codec' } });
    const before = stateFingerprint(snapshotSandbox(sandbox));
    await sandbox.shell.run('kubectl get pods -A > /dev/null');
    await sandbox.shell.run('true');
    expect(stateFingerprint(snapshotSandbox(sandbox))).toBe(before);
    await sandbox.shell.run('false');
    const failed = stateFingerprint(snapshotSandbox(sandbox));
    expect(failed).not.toBe(before);
    await sandbox.shell.run('touch /root/x; false');
    expect(stateFingerprint(snapshotSandbox(sandbox))).not.toBe(failed);
  });
});
