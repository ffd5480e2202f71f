// controller.ComputeHash: the `pod-template-hash` label that names a
// Deployment's ReplicaSets. Kubernetes hashes a spew dump of the Go struct;
// we hash canonical JSON instead, with the same FNV-32a, collision count
// and rand.SafeEncodeString, so the same template always gives the same
// 9-10 character value of the same alphabet.
import { isRecord } from '../../api/objects';

/** rand.SafeEncodeString's alphabet. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return bytes;
}

function fnv32a(bytes: readonly number[]): number {
  let hash = FNV_OFFSET;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash;
}

/** rand.SafeEncodeString: each character picks a letter of the alphabet. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += ALPHANUMS[(char.codePointAt(0) ?? 0) % ALPHANUMS.length];
  return out;
}

/** ComputeHash(template, collisionCount). */
export function computeTemplateHash(template: unknown, collisionCount: number | undefined): string {
  const bytes = utf8Bytes(canonicalJson(template));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer.
    const count = collisionCount >>> 0;
    bytes.push(count & 0xff, (count >>> 8) & 0xff, (count >>> 16) & 0xff, count >>> 24, 0, 0, 0, 0);
  }
  return safeEncodeString(String(fnv32a(bytes)));
}
