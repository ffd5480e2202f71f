import { FieldPath, fieldErrorMessage } from '../api/field-errors';
import {
  isEmptyLabelSelector,
  labelSelectorFromObject,
  labelSelectorObjectAsMap,
  labelSelectorObjectAsString,
  labelSelectorToString,
  matchesLabelSelector,
  SelectorParseError,
  validateLabelSelector,
  type LabelSelectorObject,
} from './label-selector';

const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const matchLabels = { foo: 'bar' };
const matchExpressions = [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }];

describe('labelSelectorFromObject (LabelSelectorAsSelector)', () => {
  it('turns a nil selector into one that selects nothing', () => {
    const selector = labelSelectorFromObject(undefined);
    expect(selector.nothing).toBe(true);
    expect(matchesLabelSelector(selector, {})).toBe(false);
    expect(labelSelectorFromObject(null).nothing).toBe(true);
  });

  it('turns an empty selector into one that selects everything', () => {
    const selector = labelSelectorFromObject({});
    expect(isEmptyLabelSelector(selector)).toBe(true);
    expect(matchesLabelSelector(selector, { any: 'thing' })).toBe(true);
    expect(isEmptyLabelSelector(labelSelectorFromObject({ matchLabels: {}, matchExpressions: [] }))).toBe(true);
  });

  it.each<[LabelSelectorObject, string]>([
    [{ matchLabels }, 'foo=bar'],
    [{ matchExpressions }, 'baz in (norf,qux)'],
    [{ matchLabels, matchExpressions }, 'baz in (norf,qux),foo=bar'],
    [
      {
        matchExpressions: [
          { key: 'a', operator: 'Exists' },
          { key: 'b', operator: 'DoesNotExist' },
        ],
      },
      'a,!b',
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] }, 'a notin (x)'],
    [
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['b', 'a', 'a'] }] },
      'app=web,app in (a,a,b)',
    ],
  ])('converts %j', (object, text) => {
    expect(labelSelectorToString(labelSelectorFromObject(object))).toBe(text);
  });

  it('matches like the parsed selector', () => {
    const selector = labelSelectorFromObject({ matchLabels, matchExpressions });
    expect(matchesLabelSelector(selector, { foo: 'bar', baz: 'qux' })).toBe(true);
    expect(matchesLabelSelector(selector, { foo: 'bar' })).toBe(false);
  });

  it.each<[LabelSelectorObject, string]>([
    [
      { matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] },
      'values: Invalid value: []string{"qux", "norf"}: values set must be empty for exists and does not exist',
    ],
    [
      { matchExpressions: [{ key: 'baz', operator: 'In' }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'baz', operator: 'Gt', values: ['1'] }] },
      '"Gt" is not a valid label selector operator',
    ],
    [{ matchLabels: { 'Bad Key': 'x' } }, `key: Invalid value: "Bad Key": ${NAME_PART_MSG}`],
    [{ matchLabels: { app: 'bad value' } }, `values[0][app]: Invalid value: "bad value": ${LABEL_VALUE_MSG}`],
  ])('refuses %j', (object, message) => {
    expect(() => labelSelectorFromObject(object)).toThrow(new SelectorParseError(message));
  });
});

describe('labelSelectorObjectAsString (FormatLabelSelector)', () => {
  it('prints <none> for an empty or nil selector and <error> for a bad one', () => {
    expect(labelSelectorObjectAsString(undefined)).toBe('<none>');
    expect(labelSelectorObjectAsString({})).toBe('<none>');
    expect(labelSelectorObjectAsString({ matchLabels: { app: 'web', tier: 'fe' } })).toBe('app=web,tier=fe');
    expect(labelSelectorObjectAsString({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
  });
});

describe('labelSelectorObjectAsMap (LabelSelectorAsMap)', () => {
  it('flattens matchLabels and single-valued In', () => {
    expect(labelSelectorObjectAsMap(undefined)).toBeUndefined();
    expect(labelSelectorObjectAsMap({ matchLabels })).toEqual({ foo: 'bar' });
    expect(
      labelSelectorObjectAsMap({ matchLabels, matchExpressions: [{ key: 'baz', operator: 'In', values: ['norf'] }] }),
    ).toEqual({ foo: 'bar', baz: 'norf' });
  });

  it.each<[string, string[], string]>([
    [
      'In',
      ['norf', 'qux'],
      'operator "In" without a single value cannot be converted into the old label selector format',
    ],
    ['NotIn', ['norf'], 'operator "NotIn" cannot be converted into the old label selector format'],
    ['Exists', [], 'operator "Exists" cannot be converted into the old label selector format'],
    ['DoesNotExist', [], 'operator "DoesNotExist" cannot be converted into the old label selector format'],
    ['Gt', ['1'], '"Gt" is not a valid selector operator'],
  ])('refuses %s', (operator, values, message) => {
    expect(() => labelSelectorObjectAsMap({ matchExpressions: [{ key: 'baz', operator, values }] })).toThrow(message);
  });
});

describe('validateLabelSelector (metav1validation.ValidateLabelSelector)', () => {
  const validate = (object: LabelSelectorObject | undefined) =>
    validateLabelSelector(object, 'spec.selector').map(fieldErrorMessage);

  it('accepts valid and nil selectors', () => {
    expect(validate(undefined)).toEqual([]);
    expect(validate({ matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] })).toEqual([]);
  });

  it('requires values for In and NotIn and forbids them otherwise', () => {
    expect(validate({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    expect(validate({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] })).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    expect(validate({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toEqual([
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]);
  });

  it('reports operator, key and values in that order', () => {
    expect(
      validate({
        matchExpressions: [
          { key: 'ok', operator: 'In', values: ['a'] },
          { key: '-key', operator: 'abc', values: ['-value'] },
        ],
      }),
    ).toEqual([
      'spec.selector.matchExpressions[1].operator: Invalid value: "abc": not a valid selector operator',
      `spec.selector.matchExpressions[1].key: Invalid value: "-key": ${NAME_PART_MSG}`,
      `spec.selector.matchExpressions[1].values[0]: Invalid value: "-value": ${LABEL_VALUE_MSG}`,
    ]);
  });

  it('validates matchLabels at the map path', () => {
    expect(validate({ matchLabels: { 'Bad Key': '-v' } })).toEqual([
      `spec.selector.matchLabels: Invalid value: "Bad Key": ${NAME_PART_MSG}`,
      `spec.selector.matchLabels: Invalid value: "-v": ${LABEL_VALUE_MSG}`,
    ]);
  });

  it('can tolerate invalid values of existing objects', () => {
    const object = { matchExpressions: [{ key: 'a', operator: 'In', values: ['-v'] }] };
    expect(
      validateLabelSelector(object, FieldPath.root('selector'), { allowInvalidLabelValueInSelector: true }),
    ).toEqual([]);
  });
});
