import {
  escapeFieldValue,
  fieldSelectorFromSet,
  fieldSelectorRequiresExactMatch,
  fieldSelectorToString,
  isEmptyFieldSelector,
  matchesFieldSelector,
  parseFieldSelector,
  SelectorParseError,
  transformFieldSelector,
  unescapeFieldValue,
  unsupportedFieldLabel,
} from './field-selector';

function parseError(text: string): string {
  try {
    parseFieldSelector(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SelectorParseError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

function matches(text: string, fields: Record<string, string>): boolean {
  return matchesFieldSelector(parseFieldSelector(text), fields);
}

describe('parseFieldSelector', () => {
  // TestSelectorParse of apimachinery's fields package.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b'])('round-trips %j', (text) => {
    expect(fieldSelectorToString(parseFieldSelector(text))).toBe(text);
  });

  it('is deterministic and canonical', () => {
    expect(fieldSelectorToString(parseFieldSelector('x=a,a=x'))).toBe('a=x,x=a');
    expect(fieldSelectorToString(parseFieldSelector('b==v'))).toBe('b=v');
    expect(fieldSelectorToString(parseFieldSelector('a=x,,'))).toBe('a=x');
  });

  it('exposes the requirements with their field names', () => {
    expect(parseFieldSelector('status.phase!=Running,metadata.name==web,spec.nodeName=').requirements).toEqual([
      { field: 'metadata.name', operator: '=', value: 'web' },
      { field: 'spec.nodeName', operator: '=', value: '' },
      { field: 'status.phase', operator: '!=', value: 'Running' },
    ]);
  });

  it('keeps escaped commas inside values', () => {
    // Terms sort as raw text: "k2=v2" before "k=\\," ('2' < '=').
    expect(parseFieldSelector('k=\\,,k2=v2').requirements).toEqual([
      { field: 'k2', operator: '=', value: 'v2' },
      { field: 'k', operator: '=', value: ',' },
    ]);
    expect(parseFieldSelector('함=수,목=록').requirements.map((requirement) => requirement.field)).toEqual([
      '목',
      '함',
    ]);
  });

  it('drops a term with neither field nor value, as Transform does', () => {
    expect(isEmptyFieldSelector(parseFieldSelector('='))).toBe(true);
    expect(parseFieldSelector('=x').requirements).toEqual([{ field: '', operator: '=', value: 'x' }]);
  });

  it.each([
    ['x', "invalid selector: 'x'; can't understand 'x'"],
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'"],
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['x=a\\', 'invalid field selector: invalid escape sequence: \\'],
    ['x=\\a', 'invalid field selector: invalid escape sequence: \\a'],
  ])('refuses %j', (text, message) => {
    expect(parseError(text)).toBe(message);
  });
});

describe('escaping', () => {
  it.each([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ])('escapes %j as %j and back', (value, escaped) => {
    expect(escapeFieldValue(value)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toBe(value);
  });

  it.each(['\\', '\\\\\\', '\\a'])('refuses the escape sequence in %j', (value) => {
    expect(() => unescapeFieldValue(value)).toThrow(/^invalid field selector: invalid escape sequence: /);
  });
});

describe('matchesFieldSelector', () => {
  const fieldset = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };

  it.each([
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }],
    ['foo=bar,baz=blah', fieldset],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fieldset],
    ['missing=', fieldset],
    ['missing!=x', fieldset],
  ])('%j matches %j', (text, fields) => expect(matches(text, fields)).toBe(true));

  it.each([
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['foo=blah', fieldset],
    ['foo=bar,foobar=bar,baz=blah', fieldset],
  ])('%j does not match %j', (text, fields) => expect(matches(text, fields)).toBe(false));
});

describe('helpers', () => {
  it('builds a selector from a set', () => {
    const selector = fieldSelectorFromSet({ 'metadata.name': 'web', 'metadata.namespace': 'default' });
    expect(fieldSelectorToString(selector)).toBe('metadata.name=web,metadata.namespace=default');
    expect(matchesFieldSelector(selector, { 'metadata.name': 'web', 'metadata.namespace': 'default' })).toBe(true);
    expect(matchesFieldSelector(fieldSelectorFromSet({ foo: '=blah' }), { foo: 'bar' })).toBe(false);
  });

  it('reports the value an equality term requires', () => {
    const selector = parseFieldSelector('metadata.name=web,status.phase!=Failed');
    expect(fieldSelectorRequiresExactMatch(selector, 'metadata.name')).toBe('web');
    expect(fieldSelectorRequiresExactMatch(selector, 'status.phase')).toBeUndefined();
  });

  it('transforms field labels, refusing unsupported ones with the API server text', () => {
    const supported = new Set(['metadata.name', 'spec.nodeName']);
    const convert = (field: string, value: string): [string, string] => {
      if (field === 'spec.host') return ['spec.nodeName', value];
      if (!supported.has(field)) throw new SelectorParseError(unsupportedFieldLabel(field));
      return [field, value];
    };
    expect(fieldSelectorToString(transformFieldSelector(parseFieldSelector('spec.host=n1'), convert))).toBe(
      'spec.nodeName=n1',
    );
    expect(() => transformFieldSelector(parseFieldSelector('spec.foo=x'), convert)).toThrow(
      'field label not supported: spec.foo',
    );
  });
});
