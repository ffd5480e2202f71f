// Strings as the bytes Go holds them in: UTF-8 (what `[]byte(s)` and len()
// see) and standard padded base64 (encoding/base64 StdEncoding, as Go's JSON
// decoder reads []byte fields, errors at the byte where decoding stopped).

const REPLACEMENT = 0xfffd;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));
const PAD = 0x3d; // '='

/** A code point as a lone surrogate cannot reach Go: its JSON decoder makes it U+FFFD. */
function scalar(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xd800 && code <= 0xdfff ? REPLACEMENT : code;
}

/** The UTF-8 encoding of `text` (what a Go `[]byte(s)` holds). */
export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = scalar(char);
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/** Go's len() of a string: its UTF-8 byte count (Content-Length, every Kubernetes length limit). */
export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = scalar(char);
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

/** The second byte's range after a leading byte (utf8.acceptRanges): no overlongs, surrogates or > U+10FFFF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** utf8.DecodeRune: the code point at `at` and its size; (U+FFFD, 1) where the bytes are not valid UTF-8. */
function decodeRune(bytes: readonly number[], at: number): [number, number] {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return [lead, 1];
  const size =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (size === 0) return [REPLACEMENT, 1];
  let code = lead & (0x7f >> size);
  for (let i = 1; i < size; i++) {
    const byte = bytes[at + i];
    const [low, high] = i === 1 ? secondByteRange(lead) : [0x80, 0xbf];
    if (byte === undefined || byte < low || byte > high) return [REPLACEMENT, 1];
    code = (code << 6) | (byte & 0x3f);
  }
  return [code, size];
}

/** Bytes read as a Go string ranges over them: each byte that is not part of valid UTF-8 becomes U+FFFD. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  for (let at = 0; at < bytes.length;) {
    const [code, size] = decodeRune(bytes, at);
    out += String.fromCodePoint(code);
    at += size;
  }
  return out;
}

/** base64.StdEncoding.EncodeToString. */
export function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const value = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(value >> 18) & 63] ?? '';
    out += ALPHABET[(value >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (ALPHABET[(value >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (ALPHABET[value & 63] ?? '') : '=';
  }
  return out;
}

export type Base64Result = { ok: true; bytes: number[] } | { ok: false; error: string };

const corrupt = (offset: number): Base64Result => ({ ok: false, error: `illegal base64 data at input byte ${offset}` });
const isNewline = (byte: number | undefined): boolean => byte === 0x0a || byte === 0x0d;

/** base64.StdEncoding.Decode, quantum by quantum, with Go's error offsets; newlines are skipped. */
export function base64Decode(text: string): Base64Result {
  const src = utf8Encode(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let length = 4;
    let failure: Base64Result | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: out };
        return corrupt(si - j);
      }
      const byte = src[si] ?? 0;
      si++;
      const value = DECODE.get(byte);
      if (value !== undefined) {
        quantum[j] = value;
        continue;
      }
      if (isNewline(byte)) {
        j--;
        continue;
      }
      if (byte !== PAD) return corrupt(si - 1);
      if (j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== PAD) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) failure = corrupt(si);
      length = j;
      break;
    }
    const value = ((quantum[0] ?? 0) << 18) | ((quantum[1] ?? 0) << 12) | ((quantum[2] ?? 0) << 6) | (quantum[3] ?? 0);
    const decoded = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
    out.push(...decoded.slice(0, length - 1));
    if (failure) return failure;
  }
  return { ok: true, bytes: out };
}
