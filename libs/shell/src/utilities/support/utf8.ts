// Text <-> bytes. Streams carry JS strings; bytes that are not valid UTF-8
// come through as single Latin-1 characters so binary round-trips.
export function encodeUtf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

export function decodeUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xf0 && byte < 0xf8 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
    const tail = bytes.slice(i + 1, i + length);
    if (length <= 1 || tail.length !== length - 1 || tail.some((b) => (b & 0xc0) !== 0x80)) {
      out += String.fromCharCode(byte);
      i++;
      continue;
    }
    let code = byte & (0xff >> (length + 1));
    for (const b of tail) code = (code << 6) | (b & 0x3f);
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
