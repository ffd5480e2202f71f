import { applyMergePatch } from './json-merge-patch';
import { patchFailure } from './patch.testing';

describe('applyMergePatch', () => {
  // RFC 7386 appendix A, as evanphx/json-patch v4 merge_test.go runs it (object patches).
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { a: 1, e: null }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('merges %j with %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it.each([
    // merge_test.go TestMergePatchNilDoc / NilArray / empty array
    [{ title: null }, { title: { foo: 'bar' } }, { title: { foo: 'bar' } }],
    [{ a: [{ b: 'c' }] }, { a: [null, 1] }, { a: [null, 1] }],
    [{ a: [] }, { a: ['b', null, null, 'a'] }, { a: ['b', null, null, 'a'] }],
    [{ array: ['one', 'two'] }, { array: [] }, { array: [] }],
    [
      { person: { title: 'hello', age: 18 } },
      { person: { title: 'goodbye' } },
      { person: { title: 'goodbye', age: 18 } },
    ],
  ])('keeps nulls inside arrays: %j with %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it('drops nulls of objects nested in new values but not of an array patched onto an object', () => {
    expect(applyMergePatch({}, { a: [{ x: null, y: 1 }] })).toEqual({ a: [{ y: 1 }] });
    expect(applyMergePatch({ a: { k: 1 } }, { a: [{ x: null }] })).toEqual({ a: [{ x: null }] });
  });

  it('removes a label with null and adds another, leaving the inputs alone', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web', tier: 'fe' } } };
    const patch = { metadata: { labels: { tier: null, team: 'blue' } } };
    const snapshot = JSON.stringify([pod, patch]);
    expect(applyMergePatch(pod, patch)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'web', team: 'blue' } },
    });
    expect(JSON.stringify([pod, patch])).toBe(snapshot);
  });

  it('replaces lists wholesale, as kubectl scale and set image via merge patch rely on', () => {
    const deployment = {
      spec: {
        replicas: 1,
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'x' },
              { name: 'b', image: 'y' },
            ],
          },
        },
      },
    };
    const patched = applyMergePatch(deployment, {
      spec: { replicas: 4, template: { spec: { containers: [{ name: 'a', image: 'z' }] } } },
    });
    expect(patched).toEqual({ spec: { replicas: 4, template: { spec: { containers: [{ name: 'a', image: 'z' }] } } } });
  });

  it('does not share values with the patch', () => {
    const patch = { spec: { selector: { app: 'web' } } };
    const patched = applyMergePatch({}, patch) as { spec: { selector: Record<string, string> } };
    patched.spec.selector.app = 'changed';
    expect(patch.spec.selector.app).toBe('web');
  });

  it('refuses a null patch with 400 Invalid JSON Patch', () => {
    const error = patchFailure(() => applyMergePatch({ a: 1 }, null));
    expect(error.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Invalid JSON Patch',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it.each([
    [['c'], 'array'],
    ['bar', 'string'],
    [3, 'number'],
    [true, 'bool'],
  ])('refuses the non-object patch %j while decoding it', (patch, kind) => {
    const error = patchFailure(() => applyMergePatch({ a: 1 }, patch));
    expect(error.code).toBe(400);
    expect(error.message).toBe(
      `error decoding patch: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
    );
  });
});
