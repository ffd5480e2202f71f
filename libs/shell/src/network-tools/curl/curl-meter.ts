// curl's progress meter (lib/progress.c, 7.81): a two-line header, then one
// `\r`-led status line per update; curl writes it to stderr when the body
// does not go to the terminal and -s is not given. Sizes use max5data, times
// time2str; speeds assume the ~1 ms a transfer inside the sandbox takes.

const HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

const KILO = 1024;
const MEGA = 1024 * 1024;

export function max5data(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KILO) return `${String(Math.floor(bytes / KILO)).padStart(4)}k`;
  if (bytes < 100 * MEGA) {
    return `${String(Math.floor(bytes / MEGA)).padStart(2)}.${Math.floor((bytes % MEGA) / (MEGA / 10))}M`;
  }
  return `${String(Math.floor(bytes / MEGA)).padStart(4)}M`;
}

export function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds - h * 3600) / 60);
  const s = seconds - h * 3600 - m * 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export interface MeterState {
  /** Expected download size (Content-Length), 0 while unknown. */
  expectedDownload: number;
  downloaded: number;
  expectedUpload: number;
  uploaded: number;
  /** Whole seconds spent. */
  spentSeconds: number;
  /** Speed in bytes/s (0 before any data). */
  speed: number;
}

function percent(part: number, total: number): string {
  const value = total > 0 ? Math.floor((part * 100) / total) : 0;
  return String(value).padStart(3);
}

/** One `\r`-led status line. */
export function meterLine(state: MeterState): string {
  const total = state.expectedDownload + state.expectedUpload;
  const done = state.downloaded + state.uploaded;
  const dlSpeed = state.downloaded > 0 ? state.speed : 0;
  const ulSpeed = state.uploaded > 0 ? state.speed : 0;
  return (
    `\r${percent(done, total)} ${max5data(total)}  ` +
    `${percent(state.downloaded, state.expectedDownload)} ${max5data(state.downloaded)}  ` +
    `${percent(state.uploaded, state.expectedUpload)} ${max5data(state.uploaded)}  ` +
    `${max5data(dlSpeed)}  ${max5data(ulSpeed)} --:--:-- ${time2str(state.spentSeconds)} --:--:-- ` +
    max5data(state.speed)
  );
}

export const EMPTY_METER: MeterState = {
  expectedDownload: 0,
  downloaded: 0,
  expectedUpload: 0,
  uploaded: 0,
  spentSeconds: 0,
  speed: 0,
};

export function meterHeader(): string {
  return HEADER;
}

/** The rate a transfer of `bytes` in the sandbox's ~1 ms shows. */
export function transferSpeed(bytes: number): number {
  return bytes * 1000;
}
