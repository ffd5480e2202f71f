import { SignInThrottle } from './sign-in-throttle';

function clockAt(start: number) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const policy = { windowMs: 60_000, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5 };

describe('SignInThrottle', () => {
  it('allows attempts until an account reaches its limit, then says how long to wait', () => {
    const clock = clockAt(0);
    const throttle = new SignInThrottle(clock, policy);
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.retryAfterSeconds('ann', '10.0.0.1')).toBe(0);
      throttle.recordFailure('ann', '10.0.0.1');
      clock.advance(1000);
    }
    expect(throttle.retryAfterSeconds('ann', '10.0.0.1')).toBe(57);
    expect(throttle.retryAfterSeconds('bob', '10.0.0.2')).toBe(0);
    clock.advance(57_000);
    expect(throttle.retryAfterSeconds('ann', '10.0.0.1')).toBe(0);
  });

  it('limits one address trying many accounts', () => {
    const clock = clockAt(0);
    const throttle = new SignInThrottle(clock, policy);
    for (const account of ['a', 'b', 'c', 'd', 'e']) throttle.recordFailure(account, '10.0.0.9');
    expect(throttle.retryAfterSeconds('f', '10.0.0.9')).toBe(60);
    expect(throttle.retryAfterSeconds('f', '10.0.0.8')).toBe(0);
  });

  it('forgets an account failures after a successful sign-in', () => {
    const throttle = new SignInThrottle(clockAt(0), policy);
    throttle.recordFailure('ann', '1');
    throttle.recordFailure('ann', '1');
    throttle.recordSuccess('ann');
    throttle.recordFailure('ann', '1');
    throttle.recordFailure('ann', '1');
    expect(throttle.retryAfterSeconds('ann', '1')).toBe(0);
  });
});
