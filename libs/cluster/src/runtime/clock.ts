// The sandbox's notion of time. It follows an injected time source (real
// time in the server, a manual one in tests) shifted by an offset that
// `advance()` grows, so a test or a lab can fast-forward without waiting.
// While controllers process a timer the clock is pinned to the timer's due
// time, so what they write carries the moment it happened.

export type TimeSource = () => number;

export class SimulatedClock {
  private pinnedAt: number | undefined;
  private lastReading = 0;

  constructor(
    private readonly source: TimeSource,
    private offsetMs = 0,
  ) {}

  /** Milliseconds since the epoch; never goes backwards. */
  now(): number {
    if (this.pinnedAt !== undefined) return this.pinnedAt;
    const reading = Math.max(this.source() + this.offsetMs, this.lastReading);
    this.lastReading = reading;
    return reading;
  }

  advance(ms: number): void {
    if (ms > 0) this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Runs `work` with the clock reading `at`. */
  pinned<T>(at: number, work: () => T): T {
    const previous = this.pinnedAt;
    this.pinnedAt = at;
    try {
      return work();
    } finally {
      this.pinnedAt = previous;
      this.lastReading = Math.max(this.lastReading, at);
    }
  }

  /** A time source that stands still until moved: for tests and benchmarks. */
  static manual(start: number): { source: TimeSource; set(at: number): void; advance(ms: number): void } {
    let current = start;
    return {
      source: () => current,
      set: (at) => {
        current = at;
      },
      advance: (ms) => {
        current += ms;
      },
    };
  }
}

/** RFC 3339 with second precision, as metav1.Time marshals: `2026-11-22T05:45:51Z`. */
export function formatTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime marshals: `2026-11-22T05:45:51.123456Z`. */
export function formatMicroTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
}
