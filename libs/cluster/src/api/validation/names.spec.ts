import {
  compareGoStrings,
  goLen,
  isCIdentifier,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isHTTPHeaderName,
  isInRange,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validatePathSegmentName,
} from './names';

// Messages exactly as k8s.io/apimachinery/pkg/util/validation v0.32 prints them.
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('isDNS1123Label', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)])(
    'accepts %s',
    (value) => expect(isDNS1123Label(value)).toEqual([]),
  );

  it.each(['', 'A', 'ABC', 'aBc', 'A1', '-', 'a-', '-a', '_', 'a_b', ' ', 'a b', '1 2'])('rejects %j', (value) => {
    expect(isDNS1123Label(value)).toEqual([DNS1123_LABEL_MSG]);
  });

  it('reports dots in a valid subdomain as such', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('.')).toEqual([DNS1123_LABEL_MSG]);
  });

  it('reports the length first', () => {
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isDNS1123Label('A'.repeat(64))).toEqual(['must be no more than 63 characters', DNS1123_LABEL_MSG]);
  });

  it('matches the recorded namespace error text', () => {
    // The Namespace "Bad_NS" is invalid: metadata.name: Invalid value: "Bad_NS": <message>
    expect(nameIsDNSLabel('Bad_NS', false)).toEqual([DNS1123_LABEL_MSG]);
  });
});

describe('isDNS1123Subdomain', () => {
  it.each(['a', 'a.a', 'a--1--2--b.1', '1.2.3.4.5', 'a'.repeat(253)])('accepts %s', (value) => {
    expect(isDNS1123Subdomain(value)).toEqual([]);
  });

  it.each(['', 'A', 'a.', '.a', 'a..b', 'A.a', 'a@b', 'a_b', 'a:b'])('rejects %j', (value) => {
    expect(isDNS1123Subdomain(value)).toEqual([DNS1123_SUBDOMAIN_MSG]);
  });

  it('limits the length to 253', () => {
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });
});

describe('isDNS1035Label', () => {
  it('accepts labels that start with a letter', () => {
    expect(isDNS1035Label('a-1')).toEqual([]);
  });

  it.each(['0', '1a', '1-a', 'A', 'a-', 'a.b'])('rejects %j', (value) => {
    expect(isDNS1035Label(value)).toEqual([DNS1035_LABEL_MSG]);
  });
});

describe('isQualifiedName', () => {
  it.each([
    'simple',
    '1234',
    'now.with.dots/simple',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %s', (value) => expect(isQualifiedName(value)).toEqual([]));

  it('rejects a bad name part', () => {
    expect(isQualifiedName('Bad Key')).toEqual([NAME_PART_MSG]);
    expect(isQualifiedName('cantendwithadash-')).toEqual([NAME_PART_MSG]);
  });

  it('rejects more than one slash', () => {
    expect(isQualifiedName('only/one/slash')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });

  it('checks the prefix as a DNS subdomain', () => {
    expect(isQualifiedName('Example.com/abc')).toEqual([`prefix part ${DNS1123_SUBDOMAIN_MSG}`]);
    expect(isQualifiedName('/simple')).toEqual(['prefix part must be non-empty']);
  });

  it('rejects an empty or long name part', () => {
    expect(isQualifiedName('example.com/')).toEqual(['name part must be non-empty', NAME_PART_MSG]);
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });
});

describe('isValidLabelValue', () => {
  it.each(['', 'simple', 'end-with-num-1', '1234', 'a'.repeat(63)])('accepts %j', (value) => {
    expect(isValidLabelValue(value)).toEqual([]);
  });

  it.each(['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '-starts-with-dash', 'ends.with.dot.'])(
    'rejects %j',
    (value) => expect(isValidLabelValue(value)).toEqual([LABEL_VALUE_MSG]),
  );

  it('counts bytes, as Go does', () => {
    expect(goLen('rā')).toBe(3);
    expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('ports, ranges and identifiers', () => {
  it('checks port numbers', () => {
    expect(isValidPortNum(1)).toEqual([]);
    expect(isValidPortNum(65535)).toEqual([]);
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortNum(65536)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isInRange(5, -4, 2)).toEqual(['must be between -4 and 2, inclusive']);
    expect(isValidGroupID(2147483648)).toEqual(['must be between 0 and 2147483647, inclusive']);
  });

  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c'])('accepts port name %s', (name) => {
    expect(isValidPortName(name)).toEqual([]);
  });

  it('explains bad port names rule by rule', () => {
    expect(isValidPortName('longerthan15characters')).toEqual(['must be no more than 15 characters']);
    expect(isValidPortName('')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
    expect(isValidPortName('12345')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('two--hyphens')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('-begin')).toEqual(['must not begin or end with a hyphen']);
    expect(isValidPortName('HTTP')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
  });

  it('checks C identifiers', () => {
    expect(isCIdentifier('__abc_123')).toEqual([]);
    expect(isCIdentifier('1a')).toEqual([
      "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')",
    ]);
  });

  it('checks percents and header names', () => {
    expect(isValidPercent('93%')).toEqual([]);
    expect(isValidPercent('1.5%')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    expect(isHTTPHeaderName('X_Bad')).toEqual([
      "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
    ]);
  });

  it('checks wildcard subdomains', () => {
    expect(isWildcardDNS1123Subdomain('*.example.com')).toEqual([]);
    expect(isWildcardDNS1123Subdomain('*')).toEqual([
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});

describe('environment variable names and config keys', () => {
  const ENV_MSG =
    "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

  it('applies the strict rule', () => {
    expect(isEnvVarName('MY_ENV.NAME')).toEqual([]);
    expect(isEnvVarName('1BAD')).toEqual([ENV_MSG]);
    expect(isEnvVarName('..')).toEqual(["must not be '..'"]);
    expect(isEnvVarName('..a')).toEqual(["must not start with '..'"]);
    expect(isEnvVarName('.')).toEqual(["must not be '.'"]);
  });

  it('applies the relaxed rule of 1.32', () => {
    expect(isRelaxedEnvVarName('1 weird:name!')).toEqual([]);
    expect(isRelaxedEnvVarName('')).toEqual(['environment variable name must be non-empty']);
    expect(isRelaxedEnvVarName('A=B')).toEqual([
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
    expect(isRelaxedEnvVarName('é')).toHaveLength(1);
  });

  it('checks config map keys', () => {
    expect(isConfigMapKey('key.name')).toEqual([]);
    expect(isConfigMapKey('a/b')).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    expect(isConfigMapKey('..')).toEqual(["must not be '..'"]);
  });
});

describe('name validators', () => {
  it('masks a trailing dash of a generateName as Go does', () => {
    expect(nameIsDNSSubdomain('foo-', true)).toEqual([]);
    expect(nameIsDNSLabel('a-', true)).toEqual([]);
    // "-" alone is not masked (length 1).
    expect(nameIsDNSLabel('-', true)).toEqual([DNS1123_LABEL_MSG]);
    // Go drops two characters: "ab.-" is checked as "aba" and passes.
    expect(nameIsDNSLabel('ab.-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('foo-', false)).toEqual([DNS1123_SUBDOMAIN_MSG]);
    // "1-" becomes "a" and passes; "12-" becomes "1a" and fails.
    expect(nameIsDNS1035Label('1-', true)).toEqual([]);
    expect(nameIsDNS1035Label('12-', true)).toEqual([DNS1035_LABEL_MSG]);
  });

  it('checks path segment names', () => {
    expect(isValidPathSegmentName('.')).toEqual(["may not be '.'"]);
    expect(isValidPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isValidPathSegmentName('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(validatePathSegmentName('..', true)).toEqual([]);
    expect(validatePathSegmentName('a%', true)).toEqual(["may not contain '%'"]);
    expect(validatePathSegmentName('Any_Name', false)).toEqual([]);
  });
});

describe('compareGoStrings', () => {
  it('orders by UTF-8 bytes', () => {
    expect(['b', 'B', 'a-b', 'a'].sort(compareGoStrings)).toEqual(['B', 'a', 'a-b', 'b']);
    // U+FF21 sorts before U+1F600 in Go, after it in UTF-16.
    expect(['😀', 'Ａ'].sort(compareGoStrings)).toEqual(['Ａ', '😀']);
  });
});
