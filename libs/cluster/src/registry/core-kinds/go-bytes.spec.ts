import { base64Encode, goBase64Decode, utf8Encode } from './go-bytes';

describe('Go base64', () => {
  it('round-trips UTF-8 text', () => {
    const encoded = base64Encode(utf8Encode('pässwörd'));
    expect(encoded).toBe('cMOkc3N3w7ZyZA==');
    expect(goBase64Decode(encoded)).toEqual({ ok: true, bytes: utf8Encode('pässwörd') });
  });

  it('ignores newlines', () => {
    expect(goBase64Decode('YWRt\naW4=\n')).toEqual({ ok: true, bytes: utf8Encode('admin') });
  });

  it.each([
    ['admin', 4],
    ['password123', 8],
    ['abc', 0],
    ['YW=j', 2],
    ['YWRtaW4=x', 8],
    ['a!bc', 1],
  ])('reports where %p stops decoding', (input, offset) => {
    expect(goBase64Decode(input)).toEqual({ ok: false, error: `illegal base64 data at input byte ${offset}` });
  });
});
