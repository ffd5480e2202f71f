// MD5 (RFC 1321) of a string's UTF-8 bytes, as hex. The endpoint
// controllers order ports and subsets by the md5 of a Go dump of them
// (hashutil.DeepHashObject), so the same order needs the same digest.
import { utf8Encode } from './bytes';

const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4,
  11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

const SINES = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) >>> 0);

function padded(bytes: readonly number[]): number[] {
  const message = [...bytes, 0x80];
  while (message.length % 64 !== 56) message.push(0);
  // The bit length as a 64-bit little-endian number.
  let bits = bytes.length * 8;
  for (let i = 0; i < 8; i++) {
    message.push(bits % 256);
    bits = Math.floor(bits / 256);
  }
  return message;
}

function roundFunction(round: number, b: number, c: number, d: number): number {
  if (round < 16) return (b & c) | (~b & d);
  if (round < 32) return (d & b) | (~d & c);
  if (round < 48) return b ^ c ^ d;
  return c ^ (b | ~d);
}

function wordIndex(round: number): number {
  if (round < 16) return round;
  if (round < 32) return (5 * round + 1) % 16;
  if (round < 48) return (3 * round + 5) % 16;
  return (7 * round) % 16;
}

export function md5Hex(text: string): string {
  const message = padded(utf8Encode(text));
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let offset = 0; offset < message.length; offset += 64) {
    const words = Array.from(
      { length: 16 },
      (_, i) =>
        ((message[offset + i * 4] ?? 0) |
          ((message[offset + i * 4 + 1] ?? 0) << 8) |
          ((message[offset + i * 4 + 2] ?? 0) << 16) |
          ((message[offset + i * 4 + 3] ?? 0) << 24)) >>>
        0,
    );
    let [a, b, c, d] = state as [number, number, number, number];
    for (let round = 0; round < 64; round++) {
      const sum = (a + roundFunction(round, b, c, d) + (SINES[round] ?? 0) + (words[wordIndex(round)] ?? 0)) >>> 0;
      const shift = SHIFTS[round] ?? 0;
      const rotated = ((sum << shift) | (sum >>> (32 - shift))) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotated) >>> 0;
    }
    state[0] = ((state[0] ?? 0) + a) >>> 0;
    state[1] = ((state[1] ?? 0) + b) >>> 0;
    state[2] = ((state[2] ?? 0) + c) >>> 0;
    state[3] = ((state[3] ?? 0) + d) >>> 0;
  }
  return state
    .map((word) => [0, 8, 16, 24].map((shift) => ((word >>> shift) & 0xff).toString(16).padStart(2, '0')).join(''))
    .join('');
}
