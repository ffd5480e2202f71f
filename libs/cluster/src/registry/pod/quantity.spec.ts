import {
  formatQuantity,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  roundUpToMilli,
} from './quantity';

function canonical(input: string | number, milli = true): string {
  const parsed = parseQuantity(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return formatQuantity(milli ? roundUpToMilli(parsed.quantity) : parsed.quantity);
}

describe('resource quantities', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['500m', '500m'],
    ['1.5Gi', '1536Mi'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1e3', '1e3'],
    ['0.0001', '1m'],
    ['100u', '1m'],
    ['8Ki', '8Ki'],
    ['1024Ki', '1Mi'],
    ['0.5Ki', '512'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['1.5', '1500m'],
    ['0', '0'],
    [0.25, '250m'],
    [2, '2'],
  ])('serves %p as %p', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('keeps nano precision outside resource lists', () => {
    expect(canonical('100u', false)).toBe('100u');
  });

  it('refuses what ParseQuantity refuses, in its words', () => {
    expect(parseQuantity('1 Gi')).toEqual({ ok: false, error: QUANTITY_FORMAT_ERROR });
    expect(parseQuantity('1Gb')).toEqual({ ok: false, error: QUANTITY_FORMAT_ERROR });
    expect(parseQuantity('1..2')).toEqual({ ok: false, error: QUANTITY_FORMAT_ERROR });
    expect(parseQuantity('1iM')).toEqual({ ok: false, error: QUANTITY_SUFFIX_ERROR });
  });
});
