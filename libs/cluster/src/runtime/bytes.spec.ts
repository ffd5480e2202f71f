import { base64Decode, base64Encode, utf8Decode, utf8Encode, utf8Length } from './bytes';

describe('UTF-8', () => {
  it('encodes one to four bytes a code point', () => {
    expect(utf8Encode('aé€😀')).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(utf8Length('aé€😀')).toBe(10);
  });

  it('encodes a lone surrogate as U+FFFD, as it reaches Go through JSON', () => {
    expect(utf8Encode('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
    expect(utf8Length('\ud800')).toBe(3);
  });

  it('decodes what it encodes', () => {
    expect(utf8Decode(utf8Encode('pässwörd 😀'))).toBe('pässwörd 😀');
  });

  it.each([
    ['a stray continuation byte', [0x61, 0x80, 0x62], 'a\ufffdb'],
    ['a truncated sequence', [0xe2, 0x82], '\ufffd\ufffd'],
    ['an overlong encoding', [0xc0, 0xaf], '\ufffd\ufffd'],
    ['a surrogate', [0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
    ['bytes no UTF-8 starts with', [0xf8, 0xff, 0xfe], '\ufffd\ufffd\ufffd'],
  ])('decodes %s as Go ranges over it: U+FFFD a bad byte', (_, bytes, text) => {
    expect(utf8Decode(bytes)).toBe(text);
  });
});

describe('Go base64', () => {
  it('round-trips UTF-8 text', () => {
    const encoded = base64Encode(utf8Encode('pässwörd'));
    expect(encoded).toBe('cMOkc3N3w7ZyZA==');
    expect(base64Decode(encoded)).toEqual({ ok: true, bytes: utf8Encode('pässwörd') });
  });

  it('ignores newlines', () => {
    expect(base64Decode('YWRt\naW4=\n')).toEqual({ ok: true, bytes: utf8Encode('admin') });
  });

  it.each([
    ['admin', 4],
    ['password123', 8],
    ['abc', 0],
    ['YW=j', 2],
    ['YWRtaW4=x', 8],
    ['a!bc', 1],
  ])('reports where %p stops decoding', (input, offset) => {
    expect(base64Decode(input)).toEqual({ ok: false, error: `illegal base64 data at input byte ${offset}` });
  });
});
