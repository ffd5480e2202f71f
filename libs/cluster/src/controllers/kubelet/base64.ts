// Secret values arrive base64-encoded; the kubelet hands the decoded bytes
// to the container. Decoded as UTF-8 (invalid sequences become U+FFFD).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeBase64(text: string): string {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/[\s=]/g, '')) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) continue;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return utf8(bytes);
}

function utf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
    if (length === 0 || i + length > bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let code = length === 1 ? byte : byte & (0xff >> (length + 1));
    for (let j = 1; j < length; j++) code = (code << 6) | ((bytes[i + j] ?? 0) & 0x3f);
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
