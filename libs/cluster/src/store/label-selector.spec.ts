import {
  everythingLabelSelector,
  formatLabels,
  isEmptyLabelSelector,
  labelSelectorToString,
  matchesLabelSelector,
  newRequirement,
  nothingLabelSelector,
  parseLabelSelector,
  SelectorParseError,
  selectorFromSet,
} from './label-selector';

const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_MSG =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

function parseError(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SelectorParseError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

function matches(text: string, labels: Record<string, string>): boolean {
  return matchesLabelSelector(parseLabelSelector(text), labels);
}

describe('parseLabelSelector', () => {
  // TestSelectorParse: String() gives the input back without spaces.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])(
    'round-trips %j',
    (text) => expect(labelSelectorToString(parseLabelSelector(text))).toBe(text.replace(/ /g, '')),
  );

  it.each([
    ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'],
    ['x,y in (a)', 'x,y in (a)'],
    ['y in (b,a),x', 'x,y in (a,b)'],
    ['\rx', 'x'],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'],
    ['a ', 'a'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['in in (in)', 'in in (in)'],
    ['x==a', 'x==a'],
    ['x=a,x=b', 'x=a,x=b'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
  ])('parses %j as %j', (text, canonical) => {
    expect(labelSelectorToString(parseLabelSelector(text))).toBe(canonical);
  });

  it('fails as kube-apiserver reports it (recorded transcript)', () => {
    expect(parseError('app in (a,')).toBe("unable to parse requirement: found '', expected: ',', or identifier");
  });

  it.each([
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    [
      'x<a',
      "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE_MSG}`],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['x,', "found '', expected: identifier after ','"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['=', "found '=', expected: !, identifier, or 'end of string'"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['x in', "unable to parse requirement: found '' expected: '('"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!x', "unable to parse requirement: found '!', expected: identifier"],
    ['a/b/c', `unable to parse requirement: <nil>: Invalid value: "a/b/c": ${QUALIFIED_NAME_MSG}`],
    [
      'x>99999999999999999999',
      "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
  ])('refuses %j', (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it('joins several value errors as an aggregate', () => {
    expect(parseError('x>a.')).toBe(
      `unable to parse requirement: [values[0]: Invalid value: "a.": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "a.": ${LABEL_VALUE_MSG}]`,
    );
  });

  it('joins the messages of a bad key with "; "', () => {
    expect(parseError('Example.com/-x')).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"Example.com/-x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'); name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });
});

describe('matchesLabelSelector', () => {
  // TestSelectorMatches
  it.each([
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }],
    ['x', { x: 'z' }],
    ['!x', { y: 'z' }],
    ['x>1', { x: '2' }],
    ['x<1', { x: '0' }],
    ['x<1', { x: '-5' }],
    ['x notin (a)', {}],
    ['x in ()', { x: '' }],
  ])('%j matches %j', (text, labels) => expect(matches(text, labels)).toBe(true));

  it.each([
    ['x=z', {}],
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['x', { y: 'z' }],
    ['!x', { x: 'z' }],
    ['x>1', { x: '0' }],
    ['x<1', { x: '2' }],
    ['z>1', { z: 'v2' }],
    ['x>1', {}],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ])('%j does not match %j', (text, labels) => expect(matches(text, labels)).toBe(false));

  it('does not read inherited properties as labels', () => {
    expect(matches('constructor', {})).toBe(false);
    expect(matches('!toString', {})).toBe(true);
  });
});

describe('everything and nothing', () => {
  it('distinguishes an empty selector from a nil one', () => {
    expect(matchesLabelSelector(everythingLabelSelector(), { a: 'b' })).toBe(true);
    expect(isEmptyLabelSelector(everythingLabelSelector())).toBe(true);
    expect(matchesLabelSelector(nothingLabelSelector(), { a: 'b' })).toBe(false);
    expect(matchesLabelSelector(nothingLabelSelector(), {})).toBe(false);
    expect(isEmptyLabelSelector(nothingLabelSelector())).toBe(false);
    expect(labelSelectorToString(nothingLabelSelector())).toBe('');
    expect(isEmptyLabelSelector(parseLabelSelector(''))).toBe(true);
  });
});

describe('selectorFromSet and formatLabels', () => {
  it('builds equality requirements sorted by key', () => {
    const selector = selectorFromSet({ foo: 'bar', baz: 'blah' });
    expect(labelSelectorToString(selector)).toBe('baz=blah,foo=bar');
    expect(matchesLabelSelector(selector, { foo: 'bar', baz: 'blah', other: 'x' })).toBe(true);
    expect(matchesLabelSelector(selector, { foo: 'bar' })).toBe(false);
    expect(isEmptyLabelSelector(selectorFromSet({}))).toBe(true);
    expect(isEmptyLabelSelector(selectorFromSet(undefined))).toBe(true);
  });

  it('formats labels sorted as key=value strings', () => {
    expect(formatLabels({ b: '1', a: '2' })).toBe('a=2,b=1');
    // Go sorts whole "key=value" strings: '-' sorts before '='.
    expect(formatLabels({ a: '1', 'a-b': '2' })).toBe('a-b=2,a=1');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });
});

describe('newRequirement', () => {
  // TestRequirementConstructor, with the texts Go prints for them.
  it.each([
    ['x1', 'in', [], "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"],
    [
      'x1',
      'in',
      undefined,
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      'x5',
      '=',
      ['bar', 'foo'],
      'values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value',
    ],
    [
      'x8',
      'exists',
      ['foo'],
      'values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist',
    ],
    ['x13', 'gt', [], "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required"],
    ['x14', 'gt', ['bar'], "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['x17', '=', ['a b'], `values[0][x17]: Invalid value: "a b": ${LABEL_VALUE_MSG}`],
  ] as const)('%s %s %j', (key, operator, values, message) => {
    expect(() => newRequirement(key, operator, values)).toThrow(new SelectorParseError(message));
  });

  it('validates the key', () => {
    expect(() => newRequirement('a'.repeat(254), 'exists', [])).toThrow(
      new SelectorParseError(`key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`),
    );
  });

  it('prints requirements as Go does', () => {
    const selector = (parts: ReturnType<typeof newRequirement>[]) => ({ requirements: parts, nothing: false });
    expect(
      labelSelectorToString(
        selector([
          newRequirement('x', 'in', ['def', 'abc']),
          newRequirement('y', 'notin', ['jkl']),
          newRequirement('z', 'exists', []),
        ]),
      ),
    ).toBe('x in (abc,def),y notin (jkl),z');
    expect(
      labelSelectorToString(
        selector([
          newRequirement('x', '=', ['abc']),
          newRequirement('y', '==', ['jkl']),
          newRequirement('z', '!=', ['a']),
          newRequirement('z', '!', []),
        ]),
      ),
    ).toBe('x=abc,y==jkl,z!=a,!z');
    expect(labelSelectorToString(selector([newRequirement('x', 'gt', ['2']), newRequirement('y', 'lt', ['8'])]))).toBe(
      'x>2,y<8',
    );
  });
});
