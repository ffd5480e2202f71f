// The clock formats the simulated programs print, computed from epoch
// milliseconds with UTC getters only (containers run with TZ unset, so every
// one of these programs prints UTC).

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  year: string;
  month: string;
  monthName: string;
  day: string;
  dayName: string;
  hours: string;
  minutes: string;
  seconds: string;
  millis: string;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function parts(epochMs: number): Parts {
  const date = new Date(epochMs);
  return {
    year: String(date.getUTCFullYear()),
    month: pad(date.getUTCMonth() + 1),
    monthName: MONTHS[date.getUTCMonth()] ?? '',
    day: pad(date.getUTCDate()),
    dayName: DAYS[date.getUTCDay()] ?? '',
    hours: pad(date.getUTCHours()),
    minutes: pad(date.getUTCMinutes()),
    seconds: pad(date.getUTCSeconds()),
    millis: pad(date.getUTCMilliseconds(), 3),
  };
}

function clock(p: Parts): string {
  return `${p.hours}:${p.minutes}:${p.seconds}`;
}

/** HTTP `Date:` / `Last-Modified:` (RFC 1123, GMT): `Sun, 22 Nov 2026 05:45:51 GMT`. */
export function httpDate(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.dayName}, ${p.day} ${p.monthName} ${p.year} ${clock(p)} GMT`;
}

/** nginx error log and Go's `log` package: `2026/11/22 05:45:51`. */
export function slashDateTime(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.year}/${p.month}/${p.day} ${clock(p)}`;
}

/** Common/combined log format `$time_local` in UTC: `22/Nov/2026:05:45:51 +0000`. */
export function commonLogTime(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.day}/${p.monthName}/${p.year}:${clock(p)} +0000`;
}

/** Apache error log `%{u}t`: `Sun Nov 22 05:45:51.123456 2026` (microseconds from the millisecond clock). */
export function apacheErrorTime(epochMs: number, microsExtra = 0): string {
  const p = parts(epochMs);
  const micros = pad(Number(p.millis) * 1000 + (microsExtra % 1000), 6);
  return `${p.dayName} ${p.monthName} ${p.day} ${clock(p)}.${micros} ${p.year}`;
}

/** Redis `serverLog`: `22 Nov 2026 05:45:51.123`. */
export function redisLogTime(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.day} ${p.monthName} ${p.year} ${clock(p)}.${p.millis}`;
}

/** `date --rfc-3339=seconds` in UTC: `2026-11-22 05:45:51+00:00`. */
export function rfc3339Seconds(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.year}-${p.month}-${p.day} ${clock(p)}+00:00`;
}

/** PostgreSQL `log_line_prefix` `%m`: `2026-11-22 05:45:51.123 UTC`. */
export function postgresLogTime(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.year}-${p.month}-${p.day} ${clock(p)}.${p.millis} UTC`;
}

/** RFC 3339 with microseconds, as mysqld and klog-style JSON logs print it: `2026-11-22T05:45:51.123000Z`. */
export function isoMicros(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.year}-${p.month}-${p.day}T${clock(p)}.${p.millis}000Z`;
}

/** klog header time: `1122 05:45:51.123000` (month, day, clock with microseconds). */
export function klogTime(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.month}${p.day} ${clock(p)}.${p.millis}000`;
}
