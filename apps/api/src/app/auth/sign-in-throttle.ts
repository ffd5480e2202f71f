import type { Clock } from '../../services/clock';

export interface ThrottlePolicy {
  windowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

/**
 * Brute-force protection for sign-in: at most N failed attempts per account
 * and M per client address in a sliding window. Past that, attempts are
 * refused (even with the right password) until the oldest failure leaves the
 * window. A successful sign-in clears the account's failures.
 * Kept in memory: each server instance counts for itself.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  ) {}

  /** Seconds to wait before trying again, or 0 if an attempt is allowed now. */
  retryAfterSeconds(account: string, address: string): number {
    const now = this.clock.now().getTime();
    const wait = Math.max(
      this.waitFor(`account:${account}`, this.policy.maxFailuresPerAccount, now),
      this.waitFor(`address:${address}`, this.policy.maxFailuresPerAddress, now),
    );
    return Math.ceil(wait / 1000);
  }

  recordFailure(account: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const key of [`account:${account}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    const oldestThatMatters = recent[recent.length - limit] ?? now;
    return oldestThatMatters + this.policy.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now - this.policy.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
