import { cells, object } from '../printers.testing';

describe('config, namespace and lease printers', () => {
  it('counts configmap data and binaryData keys', () => {
    expect(
      cells(object('ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': 'x' }, binaryData: { b: 'eA==' } })),
    ).toEqual(['kube-root-ca.crt', 2, '<unknown>']);
    expect(cells(object('ConfigMap', 'empty'))[1]).toBe(0);
  });

  it('prints secret type and key count, stringData included', () => {
    const secret = object('Secret', 's', { type: 'Opaque', data: { a: 'YQ==' }, stringData: { a: 'a', b: 'b' } });
    expect(cells(secret)).toEqual(['s', 'Opaque', 2, '<unknown>']);
  });

  it('counts service account secrets', () => {
    expect(cells(object('ServiceAccount', 'default'))[1]).toBe(0);
    expect(cells(object('ServiceAccount', 'bot', { secrets: [{ name: 'a' }, { name: 'b' }] }))[1]).toBe(2);
  });

  // d-errors.sh in /tmp/transcripts.txt: kubectl get ns
  it('matches the recorded kubectl get ns', () => {
    const namespace = object(
      'Namespace',
      'team-a',
      { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
      {
        creationTimestamp: '2026-11-22T05:45:54Z',
      },
    );
    expect(cells(namespace)).toEqual(['team-a', 'Active', '44s']);
    expect(cells(object('Namespace', 'gone', { status: { phase: 'Terminating' } }))[1]).toBe('Terminating');
  });

  it('prints the lease holder', () => {
    const lease = object('Lease', 'node01', { spec: { holderIdentity: 'node01', leaseDurationSeconds: 40 } });
    expect(cells(lease)).toEqual(['node01', 'node01', '<unknown>']);
    expect(cells(object('Lease', 'free', { spec: {} }))[1]).toBe('');
  });
});
