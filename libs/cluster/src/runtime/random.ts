// Seeded randomness (sfc32) whose whole state is four numbers, so a snapshot
// restores the exact sequence of names, uids and IPs that would have come next.

export type RandomState = [number, number, number, number];

/** utilrand.String's alphabet: no vowels, no confusable characters. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** utilrand.SafeEncodeString: each character picks a letter of the same alphabet (hash labels, not randomness). */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += NAME_ALPHABET[(char.codePointAt(0) ?? 0) % NAME_ALPHABET.length];
  return out;
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: RandomState) {
    [this.a, this.b, this.c, this.d] = state;
  }

  static fromSeed(seed: string | number): SeededRandom {
    // xmur3-style string hash spread over the four words of state.
    const text = String(seed);
    let h = 1779033703 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = (): number => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    const random = new SeededRandom([next(), next(), next(), next()]);
    for (let i = 0; i < 12; i++) random.uint32();
    return random;
  }

  /** Continues from a new seed's sequence. */
  reseed(seed: string | number): void {
    [this.a, this.b, this.c, this.d] = SeededRandom.fromSeed(seed).state;
  }

  get state(): RandomState {
    return [this.a, this.b, this.c, this.d];
  }

  uint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor((this.uint32() / 4294967296) * bound);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)];
  }

  /** A random suffix as `utilrand.String(n)` makes for generateName. */
  nameSuffix(length = 5): string {
    let out = '';
    for (let i = 0; i < length; i++) out += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return out;
  }

  /** A version 4 UUID, as the API server gives every object. */
  uuid(): string {
    const hex = (value: number): string => value.toString(16).padStart(8, '0');
    const words = [this.uint32(), this.uint32(), this.uint32(), this.uint32()].map(hex).join('');
    const variant = ((parseInt(words.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-${variant}${words.slice(17, 20)}-${words.slice(20, 32)}`;
  }
}
