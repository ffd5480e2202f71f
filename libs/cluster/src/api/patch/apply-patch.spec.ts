import { ApiError } from '../errors';
import type { KubeObject } from '../objects';
import { applyPatch } from './apply-patch';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: '1' } } };

const owned: KubeObject = {
  ...pod,
  metadata: { name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1' }] },
};

function statusOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('applyPatch', () => {
  it('applies each patch type', () => {
    expect(applyPatch('Pod', 'merge', pod, { metadata: { labels: { a: null } } })).toEqual({
      ...pod,
      metadata: { name: 'p', labels: {} },
    });
    expect(applyPatch('Pod', 'json', pod, [{ op: 'add', path: '/metadata/labels/b', value: '2' }])).toEqual({
      ...pod,
      metadata: { name: 'p', labels: { a: '1', b: '2' } },
    });
    expect(applyPatch('Pod', 'strategic', pod, { metadata: { finalizers: ['f'] } })).toEqual({
      ...pod,
      metadata: { name: 'p', labels: { a: '1' }, finalizers: ['f'] },
    });
  });

  it('answers with the Status the API server sends', () => {
    expect(
      statusOf(() => applyPatch('Pod', 'json', pod, [{ op: 'test', path: '/metadata/name', value: 'q' }])),
    ).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
    expect(
      statusOf(() => applyPatch('Pod', 'strategic', owned, { metadata: { ownerReferences: [{ name: 'x' }] } })),
    ).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'map: map[name:x] does not contain declared merge key: uid',
      code: 500,
    });
  });
});
