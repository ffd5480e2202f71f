// Ages as kube-apiserver prints them: k8s.io/apimachinery/pkg/util/duration
// HumanDuration and the printers' translateTimestampSince, measured against
// an injected `now` instead of the wall clock.
import { parseTimestamp } from '../runtime/clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The Go zero time (`0001-01-01T00:00:00Z`), which metav1.Time.IsZero treats as unset. */
const GO_ZERO_TIME = -62135596800000;

/** duration.HumanDuration: ~2-3 significant figures, `<invalid>` more than a second in the future. */
export function humanDuration(ms: number): string {
  // int(d.Seconds()) truncates toward zero; up to 2s in the future counts as now.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** A metav1.Time or MicroTime in epoch ms; undefined when unset (null, missing, zero or unparseable). */
export function timestampMs(value: unknown): number | undefined {
  const parsed = parseTimestamp(value);
  return parsed === undefined || parsed === GO_ZERO_TIME ? undefined : parsed;
}

/** translateTimestampSince / translateMicroTimestampSince: the age of a timestamp, `<unknown>` when unset. */
export function translateTimestampSince(timestamp: unknown, now: number): string {
  const at = timestampMs(timestamp);
  return at === undefined ? '<unknown>' : humanDuration(now - at);
}
