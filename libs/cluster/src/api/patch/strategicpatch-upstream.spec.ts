// The raw test cases of k8s.io/apimachinery/pkg/util/strategicpatch
// (patch_test.go, v0.32), extracted verbatim into testdata: each two-way patch
// applied to its original and each three-way patch applied to its current
// object must give what the Go tests expect, against the test's MergeItem type.
import cases from './testdata/strategicpatch-raw-cases.json';
import { PatchError } from './patch-error';
import type { PatchField, PatchStruct } from './patch-meta';
import { strategicMergePatch } from './strategic-merge-patch';

interface RawCase {
  source: string;
  description: string;
  original?: unknown;
  twoWay?: unknown;
  modified?: unknown;
  twoWayResult?: unknown;
  current?: unknown;
  threeWay?: unknown;
  result?: unknown;
  expectedError?: string;
}

function buildMergeItemSchema(): PatchStruct {
  const mergeItemFields: Record<string, PatchField> = {};
  const mergeItem: PatchStruct = { name: 'MergeItem', fields: mergeItemFields };
  const retainKeysMergeItem: PatchStruct = {
    name: 'RetainKeysMergeItem',
    fields: {
      mergingIntList: { strategies: ['merge'] },
      mergingList: { strategies: ['merge'], mergeKey: 'name', type: mergeItem },
      nonMergingList: { type: mergeItem },
    },
  };
  Object.assign(mergeItemFields, {
    mergingList: { strategies: ['merge'], mergeKey: 'name', type: mergeItem },
    nonMergingList: { type: mergeItem },
    mergingIntList: { strategies: ['merge'] },
    mergeItemPtr: { strategies: ['merge'], mergeKey: 'name', type: mergeItem },
    replacingItem: { strategies: ['replace'] },
    retainKeysMap: { strategies: ['retainKeys'], type: retainKeysMergeItem },
    retainKeysMergingList: { strategies: ['merge', 'retainKeys'], mergeKey: 'name', type: mergeItem },
  });
  return mergeItem;
}

const schema = buildMergeItemSchema();
const rawCases = cases as RawCase[];

/** Go decodes an empty document as an empty map. */
const doc = (value: unknown): unknown => value ?? {};

describe('strategicpatch upstream raw cases', () => {
  it('extracted every case', () => {
    expect(rawCases.length).toBe(104);
  });

  describe.each(rawCases.map((c) => [`${c.source}: ${c.description}`, c] as const))('%s', (_name, c) => {
    if (c.expectedError !== undefined) {
      const expected = c.expectedError;
      it('fails applying the two-way patch', () => {
        let caught: unknown;
        try {
          strategicMergePatch(doc(c.original), doc(c.twoWay), schema);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(PatchError);
        expect((caught as PatchError).detail).toContain(expected);
      });
      return;
    }
    it('applies the two-way patch to the original', () => {
      expect(strategicMergePatch(doc(c.original), doc(c.twoWay), schema)).toEqual(doc(c.twoWayResult ?? c.modified));
    });
    if (c.threeWay !== undefined || c.result !== undefined) {
      it('applies the three-way patch to the current object', () => {
        expect(strategicMergePatch(doc(c.current), doc(c.threeWay), schema)).toEqual(doc(c.result));
      });
    }
  });
});
