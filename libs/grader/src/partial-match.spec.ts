import { findMismatch, numericValue } from './partial-match';

describe('findMismatch', () => {
  const ordered = { lists: 'ordered' as const };

  it('treats maps as subsets and reports the first missing or different field', () => {
    const service = { spec: { type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } } };
    expect(findMismatch({ spec: { type: 'ClusterIP' } }, service, ordered)).toBeUndefined();
    expect(findMismatch({ spec: { type: 'NodePort' } }, service, ordered)).toEqual({
      path: ['spec', 'type'],
      expected: 'NodePort',
      actual: 'ClusterIP',
    });
    expect(findMismatch({ spec: { clusterIP: 'None' } }, service, ordered)).toEqual({
      path: ['spec', 'clusterIP'],
      expected: 'None',
      actual: undefined,
    });
  });

  it('matches lists of objects in any order, and reports the nearest element', () => {
    const ports = {
      ports: [
        { name: 'https', port: 443 },
        { name: 'http', port: 8080 },
      ],
    };
    expect(findMismatch({ ports: [{ port: 8080 }, { port: 443 }] }, ports, ordered)).toBeUndefined();
    expect(findMismatch({ ports: [{ name: 'http', port: 80 }, { port: 443 }] }, ports, ordered)).toEqual({
      path: ['ports', 1, 'port'],
      expected: 80,
      actual: 8080,
    });
    expect(findMismatch({ ports: [{ port: 443 }] }, ports, ordered)).toMatchObject({ path: ['ports'] });
    expect(findMismatch({ ports: [{ port: 443 }] }, ports, { lists: 'contains' })).toBeUndefined();
  });

  it('compares scalars by meaning', () => {
    expect(findMismatch({ targetPort: 6379 }, { targetPort: '6379' }, ordered)).toBeUndefined();
    expect(findMismatch({ cpu: '0.5' }, { cpu: '500m' }, ordered)).toBeUndefined();
    expect(findMismatch({ memory: '1Gi' }, { memory: '1024Mi' }, ordered)).toBeUndefined();
    expect(findMismatch({ args: ['a', 'b'] }, { args: ['b', 'a'] }, ordered)).toMatchObject({ path: ['args', 0] });
    expect(
      findMismatch({ targetPort: 8080 }, { targetPort: 'http' }, { ...ordered, equivalents: () => [8080] }),
    ).toBeUndefined();
  });

  it('reads Kubernetes quantities', () => {
    expect([numericValue('100m'), numericValue('2Ki'), numericValue('1e3'), numericValue('web')]).toEqual([
      0.1,
      2048,
      1000,
      undefined,
    ]);
  });
});
