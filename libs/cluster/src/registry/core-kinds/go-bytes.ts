// Byte fields as Go's JSON decoder reads them: []byte values are standard,
// padded base64 (encoding/base64 StdEncoding, newlines ignored, errors at
// the byte where decoding stopped), strings are UTF-8. Also the decoder's
// wording for values of the wrong JSON type.
import { apiErrors } from '../../api/errors';
import { isRecord } from '../../api/objects';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));
const PAD = 0x3d; // '='

export function utf8Encode(text: string): number[] {
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

/** base64.StdEncoding.Decode, quantum by quantum, with Go's error offsets. */
export function goBase64Decode(text: string): Base64Result {
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

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

/** The decode error of a whole request body: `Secret in version "v1" cannot be handled as a Secret: ...`. */
export function decodeFailure(kind: string, message: string): Error {
  return apiErrors.badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${message}`);
}

/**
 * A map of strings read as Go decodes `map[string]<goType>`: null values
 * become empty strings, other non-strings are refused with the decoder's message.
 */
export function decodeStringMap(
  kind: string,
  field: string,
  goType: string,
  value: unknown,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    throw decodeFailure(
      kind,
      `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${kind}.${field} of type map[string]${goType}`,
    );
  }
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null) map[key] = '';
    else if (typeof item === 'string') map[key] = item;
    else
      throw decodeFailure(
        kind,
        `json: cannot unmarshal ${jsonKind(item)} into Go struct field ${kind}.${field} of type ${goType}`,
      );
  }
  return map;
}

/** Decodes every value of a base64 map, re-encoding it canonically; the byte count for size limits. */
export function decodeBytesMap(
  kind: string,
  map: Record<string, string>,
): { map: Record<string, string>; sizes: Record<string, number> } {
  const canonical: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  for (const [key, value] of Object.entries(map)) {
    const decoded = goBase64Decode(value);
    if (!decoded.ok) throw decodeFailure(kind, decoded.error);
    canonical[key] = base64Encode(decoded.bytes);
    sizes[key] = decoded.bytes.length;
  }
  return { map: canonical, sizes };
}
