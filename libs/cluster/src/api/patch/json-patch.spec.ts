import { applyJsonPatch } from './json-patch';
import { patchFailure } from './patch.testing';

const REJECTED = 'the server rejected our request due to an error in our request';

describe('applyJsonPatch', () => {
  // evanphx/json-patch v4.12.0 patch_test.go: Cases
  it.each([
    [{ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    [{ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    [{ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/-1', value: 'qux' }], { foo: ['bar', 'baz', 'qux'] }],
    [{ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    [{ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    [{ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    [
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/2' }],
      { foo: ['all', 'cows', 'grass', 'eat'] },
    ],
    [
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [{ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
    [{ foo: 'bar', qux: { baz: 1, bar: null } }, [{ op: 'remove', path: '/qux/bar' }], { foo: 'bar', qux: { baz: 1 } }],
    [{ foo: 'bar' }, [{ op: 'add', path: '/baz', value: null }], { baz: null, foo: 'bar' }],
    [{ foo: ['bar', 'qux', 'baz'] }, [{ op: 'replace', path: '/foo/1', value: 'bum' }], { foo: ['bar', 'bum', 'baz'] }],
    [
      [{ foo: ['bar', 'qux', 'baz'] }],
      [{ op: 'replace', path: '/0/foo/0', value: 'bum' }],
      [{ foo: ['bum', 'qux', 'baz'] }],
    ],
    [
      [{ foo: ['bar', 'qux', 'baz'], bar: ['qux', 'baz'] }],
      [{ op: 'copy', from: '/0/foo/0', path: '/0/bar/0' }],
      [{ foo: ['bar', 'qux', 'baz'], bar: ['bar', 'qux', 'baz'] }],
    ],
    [{ foo: ['bar'] }, [{ op: 'copy', path: '/foo/0', from: '/foo' }], { foo: [['bar'], 'bar'] }],
    [{ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/-2' }], { foo: ['bar', 'baz'] }],
    [{ foo: [] }, [{ op: 'add', path: '/foo/-1', value: 'qux' }], { foo: ['qux'] }],
    [{ bar: [{ baz: null }] }, [{ op: 'replace', path: '/bar/0/baz', value: 1 }], { bar: [{ baz: 1 }] }],
    [{ bar: [null] }, [{ op: 'replace', path: '/bar/0', value: 1 }], { bar: [1] }],
    [{ bar: [1] }, [{ op: 'replace', path: '/bar/0', value: null }], { bar: [null] }],
    [
      { id: '0', parentID: '0' },
      [
        { op: 'test', path: '', value: { id: '0', parentID: '0' } },
        { op: 'replace', path: '', value: { id: '7', originalID: 'bar', parentID: '0' } },
      ],
      { id: '7', originalID: 'bar', parentID: '0' },
    ],
  ])('applies %j with %j', (doc, patch, result) => {
    expect(applyJsonPatch(doc, patch)).toEqual(result);
  });

  // patch_test.go BadCases, with the text Patch.Apply returns.
  it.each([
    [
      { foo: 'bar' },
      { op: 'add', path: '/baz/bat', value: 'qux' },
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    ],
    [
      { a: { b: { d: 1 } } },
      { op: 'remove', path: '/a/b/c' },
      "error in remove for path: '/a/b/c': Unable to remove nonexistent key: c: missing value",
    ],
    [
      { a: { b: { d: 1 } } },
      { op: 'move', from: '/a/b/c', path: '/a/b/e' },
      "error in move for path: 'c': Unable to remove nonexistent key: c: missing value",
    ],
    [
      { a: { b: [1] } },
      { op: 'remove', path: '/a/b/1' },
      "error in remove for path: '/a/b/1': Unable to access invalid index: 1: invalid index referenced",
    ],
    [{ foo: 'bar' }, { op: 'add', pathz: '/baz', value: 'qux' }, 'add operation failed to decode path: missing value'],
    [
      { foo: 'bar' },
      { op: 'add', path: '', value: 'qux' },
      'add operation does not apply: doc is missing path: "": missing value',
    ],
    [
      { foo: ['bar', 'baz'] },
      { op: 'replace', path: '/foo/2', value: 'bum' },
      'replace operation does not apply: doc is missing key: /foo/2: missing value',
    ],
    [
      { foo: ['bar', 'baz'] },
      { op: 'add', path: '/foo/-4', value: 'bum' },
      "error in add for path: '/foo/-4': Unable to access invalid index: -4: invalid index referenced",
    ],
    [
      { name: { foo: 'bat' } },
      { op: 'replace', path: '/foo/bar', value: 'baz' },
      'replace operation does not apply: doc is missing path: /foo/bar: missing value',
    ],
    [
      { foo: [] },
      { op: 'remove', path: '/foo/-' },
      `error in remove for path: '/foo/-': strconv.Atoi: parsing "-": invalid syntax`,
    ],
    [
      { foo: ['bar'] },
      { op: 'remove', path: '/foo/-2' },
      "error in remove for path: '/foo/-2': Unable to access invalid index: -2: invalid index referenced",
    ],
    [{}, { op: null, path: '' }, 'Unexpected kind: unknown'],
    [
      {},
      { op: 'copy', from: null },
      'copy operation failed to decode from: operation, missing from field: missing value',
    ],
    [
      { foo: ['bar'] },
      { op: 'copy', path: '/foo/2', from: '/foo/0' },
      'error while adding value during copy: Unable to access invalid index: 2: invalid index referenced',
    ],
    [
      { foo: ['a', 'b', 'c', 'd'] },
      { op: 'move', from: '/foo/1', path: '/foo/4' },
      "error in move for path: '/foo/4': Unable to access invalid index: 4: invalid index referenced",
    ],
    [
      { foo: ['x'] },
      { op: 'add', path: '/foo/x', value: 1 },
      `error in add for path: '/foo/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    ],
    [{}, { op: 'Add', path: '/a', value: 1 }, 'Unexpected kind: Add'],
    [{ spec: {} }, { op: 'test', path: '/spec/x', value: 1 }, 'testing value /spec/x failed: test failed'],
  ])('rejects %j with %j as a 422', (doc, operation, detail) => {
    const error = patchFailure(() => applyJsonPatch(doc, [operation]));
    expect(error.detail).toBe(detail);
    expect(error.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: REJECTED,
      reason: 'Invalid',
      details: {},
      code: 422,
    });
  });

  // patch_test.go TestCases
  it.each([
    [
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      '',
    ],
    [{ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], '/baz'],
    [{ baz: 'qux', foo: ['a', 2, 'c'] }, [{ op: 'test', path: '/foo/1', value: 'c' }], '/foo/1'],
    [{ baz: 'qux' }, [{ op: 'test', path: '/foo', value: 42 }], '/foo'],
    [{ baz: 'qux' }, [{ op: 'test', path: '/foo', value: null }], ''],
    [{ foo: null }, [{ op: 'test', path: '/foo', value: null }], ''],
    [{ foo: {} }, [{ op: 'test', path: '/foo', value: null }], '/foo'],
    [{ foo: [] }, [{ op: 'test', path: '/foo', value: null }], '/foo'],
    [{ 'baz/foo': 'qux' }, [{ op: 'test', path: '/baz~1foo', value: 'qux' }], ''],
    [{ foo: [] }, [{ op: 'test', path: '/foo' }], '/foo'],
    [{ a: { b: [1, { c: true }] } }, [{ op: 'test', path: '/a', value: { b: [1, { c: true }] } }], ''],
  ])('tests %j against %j', (doc, patch, failedPath) => {
    if (failedPath === '') expect(applyJsonPatch(doc, patch)).toEqual(doc);
    else
      expect(patchFailure(() => applyJsonPatch(doc, patch)).detail).toBe(
        `testing value ${failedPath} failed: test failed`,
      );
  });

  describe('quirks of evanphx/json-patch v4', () => {
    it('replace adds a missing object key', () => {
      expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }])).toEqual({ a: 1, b: 2 });
    });

    it('copy from a missing key copies null', () => {
      expect(applyJsonPatch({ a: 1 }, [{ op: 'copy', from: '/x', path: '/b' }])).toEqual({ a: 1, b: null });
    });

    it('ignores the first token of a pointer', () => {
      expect(applyJsonPatch({ a: 1 }, [{ op: 'add', path: 'anything/b', value: 2 }])).toEqual({ a: 1, b: 2 });
    });

    it('ignores a replace of the whole document by a scalar', () => {
      expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: 'x' }])).toEqual({ a: 1 });
    });

    it('unescapes ~1 and ~0 once, left to right', () => {
      const doc = { metadata: { labels: { 'app.kubernetes.io/name': 'web', 'a~1b': 'x' } } };
      const patched = applyJsonPatch(doc, [
        { op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'api' },
        { op: 'remove', path: '/metadata/labels/a~01b' },
      ]);
      expect(patched).toEqual({ metadata: { labels: { 'app.kubernetes.io/name': 'api' } } });
    });
  });

  describe('on Kubernetes objects', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
    };

    it('sets an image, scales and appends a container without touching its inputs', () => {
      const before = JSON.parse(JSON.stringify(deployment)) as unknown;
      const patch = [
        { op: 'test', path: '/spec/replicas', value: 1 },
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.27' },
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'sidecar', image: 'busybox' } },
      ];
      const patchBefore = JSON.parse(JSON.stringify(patch)) as unknown;
      const patched = applyJsonPatch(deployment, patch) as typeof deployment;
      expect(patched.spec.replicas).toBe(3);
      expect(patched.spec.template.spec.containers).toEqual([
        { name: 'nginx', image: 'nginx:1.27' },
        { name: 'sidecar', image: 'busybox' },
      ]);
      expect(deployment).toEqual(before);
      expect(patch).toEqual(patchBefore);
      // The inserted value is a copy, not the patch's object.
      expect(patched.spec.template.spec.containers[1]).not.toBe(patch[3]?.value);
    });

    it('names the missing path of a replace', () => {
      const error = patchFailure(() =>
        applyJsonPatch(deployment, [{ op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'x' }]),
      );
      expect(error.detail).toBe(
        'replace operation does not apply: doc is missing path: /spec/template/spec/containers/1/image: missing value',
      );
      expect(error.code).toBe(422);
    });
  });

  describe('decoding the body (fieldValidation Warn, the default)', () => {
    it.each([
      [{ op: 'add' }, 'object into Go value of type []handlers.jsonPatchOp'],
      ['x', 'string into Go value of type []handlers.jsonPatchOp'],
      [['x'], 'string into Go value of type handlers.jsonPatchOp'],
      [[[]], 'array into Go value of type handlers.jsonPatchOp'],
      [[{ op: 1, path: '/a' }], 'number into Go struct field jsonPatchOp.op of type string'],
      [[{ op: 'add', path: true }], 'bool into Go struct field jsonPatchOp.path of type string'],
      [[{ op: 'move', path: '/a', from: {} }], 'object into Go struct field jsonPatchOp.from of type string'],
    ])('refuses %j with a 400', (body, text) => {
      const error = patchFailure(() => applyJsonPatch({}, body));
      expect(error.toStatus()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `error decoding patch: json: cannot unmarshal ${text}`,
        reason: 'BadRequest',
        code: 400,
      });
    });

    it('takes a null body as no operations', () => {
      expect(applyJsonPatch({ a: 1 }, null)).toEqual({ a: 1 });
    });

    it('refuses more than 10000 operations with a 413', () => {
      const operations = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/a', value: 1 }));
      const error = patchFailure(() => applyJsonPatch({ a: 1 }, operations));
      expect(error.code).toBe(413);
      expect(error.reason).toBe('RequestEntityTooLarge');
      expect(error.message).toBe(
        'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
      );
    });
  });
});
