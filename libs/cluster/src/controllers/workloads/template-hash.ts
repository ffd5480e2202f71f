// controller.ComputeHash: the `pod-template-hash` label that names a
// Deployment's ReplicaSets. Kubernetes hashes a spew dump of the Go struct;
// we hash canonical JSON instead, with the same FNV-32a, collision count
// and rand.SafeEncodeString, so the same template always gives the same
// 9-10 character value of the same alphabet.
import { isRecord } from '../../api/objects';
import { utf8Encode } from '../../runtime/bytes';
import { fnv32a } from '../../runtime/fnv';
import { safeEncodeString } from '../../runtime/random';

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

/** ComputeHash(template, collisionCount). */
export function computeTemplateHash(template: unknown, collisionCount: number | undefined): string {
  const bytes = utf8Encode(canonicalJson(template));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer.
    const count = collisionCount >>> 0;
    bytes.push(count & 0xff, (count >>> 8) & 0xff, (count >>> 16) & 0xff, count >>> 24, 0, 0, 0, 0);
  }
  return safeEncodeString(String(fnv32a(bytes)));
}
