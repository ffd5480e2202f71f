// hash/fnv's 32-bit hashes over bytes. Kubernetes names ReplicaSets by
// FNV-1a (controller.ComputeHash) and ControllerRevisions by FNV-1
// (HashControllerRevision); `hash` continues a hash that has already been
// written to, as a second hasher.Write does.

const FNV32_OFFSET = 2166136261;
const FNV32_PRIME = 16777619;

/** fnv.New32: multiply, then xor. */
export function fnv32(bytes: readonly number[], hash = FNV32_OFFSET): number {
  let result = hash;
  for (const byte of bytes) result = (Math.imul(result, FNV32_PRIME) ^ byte) >>> 0;
  return result;
}

/** fnv.New32a: xor, then multiply. */
export function fnv32a(bytes: readonly number[], hash = FNV32_OFFSET): number {
  let result = hash;
  for (const byte of bytes) result = Math.imul(result ^ byte, FNV32_PRIME) >>> 0;
  return result;
}
