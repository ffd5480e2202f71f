// flowcontrol.Backoff as the DaemonSet controller uses it for failed daemon
// pods (1s doubling to 15m): a node that keeps failing its daemon pod is not
// hot-looped. Kept in memory, like the real controller's.
const INITIAL_MS = 1000;
const MAX_MS = 15 * 60 * 1000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class FailedPodBackoff {
  private readonly entries = new Map<string, Entry>();

  /** IsInBackOffSinceUpdate. */
  inBackoff(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && now - entry.lastUpdate < entry.backoff;
  }

  delay(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Next: starts at the initial delay, or doubles it (an entry idle for 2x the maximum starts over). */
  next(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastUpdate > 2 * MAX_MS) {
      this.entries.set(key, { backoff: INITIAL_MS, lastUpdate: now });
      return;
    }
    this.entries.set(key, { backoff: Math.min(entry.backoff * 2, MAX_MS), lastUpdate: now });
  }
}
