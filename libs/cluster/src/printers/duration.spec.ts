import { humanDuration, timestampMs, translateTimestampSince } from './duration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

describe('humanDuration', () => {
  // apimachinery duration_test.go TestHumanDuration
  it.each([
    [SECOND, '1s'],
    [70 * SECOND, '70s'],
    [190 * SECOND, '3m10s'],
    [70 * MINUTE, '70m'],
    [47 * HOUR, '47h'],
    [49 * HOUR, '2d1h'],
    [(8 * 24 + 2) * HOUR, '8d'],
    [367 * DAY, '367d'],
    [(365 * 2 * 24 + 25) * HOUR, '2y1d'],
    [(365 * 8 * 24 + 2) * HOUR, '8y'],
  ])('prints %d ms as %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  // TestHumanDurationBoundaries (nanosecond cases moved to the nearest millisecond)
  it.each([
    [-2 * SECOND, '<invalid>'],
    [-2 * SECOND + 1, '0s'],
    [0, '0s'],
    [SECOND - 1, '0s'],
    [2 * MINUTE - 1, '119s'],
    [2 * MINUTE, '2m'],
    [2 * MINUTE + SECOND, '2m1s'],
    [10 * MINUTE - 1, '9m59s'],
    [10 * MINUTE, '10m'],
    [10 * MINUTE + SECOND, '10m'],
    [3 * HOUR - 1, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + MINUTE, '3h1m'],
    [8 * HOUR - 1, '7h59m'],
    [8 * HOUR, '8h'],
    [8 * HOUR + 59 * MINUTE, '8h'],
    [2 * DAY - 1, '47h'],
    [2 * DAY, '2d'],
    [2 * DAY + HOUR, '2d1h'],
    [8 * DAY - 1, '7d23h'],
    [8 * DAY, '8d'],
    [8 * DAY + 23 * HOUR, '8d'],
    [2 * YEAR - 1, '729d'],
    [2 * YEAR, '2y'],
    [2 * YEAR + 23 * HOUR, '2y'],
    [2 * YEAR + 23 * HOUR + 59 * MINUTE, '2y'],
    [2 * YEAR + DAY - 1, '2y'],
    [2 * YEAR + DAY, '2y1d'],
    [3 * YEAR, '3y'],
    [7 * YEAR, '7y'],
    [8 * YEAR - 1, '7y364d'],
    [8 * YEAR, '8y'],
    [8 * YEAR + 364 * DAY, '8y'],
    [9 * YEAR, '9y'],
  ])('boundary %d ms prints %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('prints the ages of the recorded transcripts', () => {
    expect(humanDuration(78 * SECOND)).toBe('78s');
    expect(humanDuration(162 * SECOND)).toBe('2m42s');
    expect(humanDuration(20 * MINUTE)).toBe('20m');
    expect(humanDuration(3 * HOUR + 4 * MINUTE)).toBe('3h4m');
    expect(humanDuration(5 * DAY)).toBe('5d');
  });
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  // printers_test.go TestTranslateTimestampSince
  it.each([
    ['a while from now', at(2100), '<invalid>'],
    ['almost now', at(1900), '0s'],
    ['now', at(0), '0s'],
    ['30 seconds ago', at(-30 * SECOND), '30s'],
    ['5 minutes ago', at(-5 * MINUTE), '5m'],
    ['an hour ago', at(-100 * MINUTE), '100m'],
    ['2 days ago', at(-2 * DAY), '2d'],
    ['months ago', at(-90 * DAY), '90d'],
    ['10 years ago', '2016-11-22T12:00:00Z', '10y'],
  ])('%s', (_name, timestamp, expected) => {
    expect(translateTimestampSince(timestamp, now)).toBe(expected);
  });

  it('prints <unknown> for an unset time', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince(null, now)).toBe('<unknown>');
    expect(translateTimestampSince('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
    expect(timestampMs('not a time')).toBeUndefined();
  });

  it('reads MicroTime', () => {
    expect(translateTimestampSince('2026-11-22T11:59:30.123456Z', now)).toBe('29s');
  });
});
