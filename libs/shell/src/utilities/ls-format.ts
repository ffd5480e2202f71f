// How ls lays out names: GNU's column fitting with tab indentation, and the
// long format's permission string, human sizes and dates.
import type { FileStat } from '../fs/virtual-fs';
import { formatDate } from './time-tools';

/** GNU ls -C: the most columns (column-major) whose line is shorter than `width`. */
export function columns(names: string[], width: number, across = false): string {
  if (names.length === 0) return '';
  const lengths = names.map((name) => [...name].length);
  let best = { cols: 1, widths: [Math.max(...lengths)] };
  for (let cols = Math.min(names.length, Math.floor(width / 3)); cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const usedCols = across ? cols : Math.ceil(names.length / rows);
    const widths: number[] = new Array<number>(usedCols).fill(0);
    lengths.forEach((length, index) => {
      const col = across ? index % cols : Math.floor(index / rows);
      widths[col] = Math.max(widths[col] ?? 0, length + (col === usedCols - 1 ? 0 : 2));
    });
    if (widths.reduce((sum, w) => sum + w, 0) < width) {
      best = { cols: usedCols, widths };
      break;
    }
  }
  const cols = best.cols;
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let position = 0;
    for (let col = 0; col < cols; col++) {
      const index = across ? row * cols + col : col * rows + row;
      const name = names[index];
      if (name === undefined) break;
      out += name;
      const following = across ? (col + 1 < cols ? index + 1 : names.length) : index + rows;
      if (following >= names.length) break;
      const columnWidth = best.widths[col] ?? 0;
      out += indent(position + [...name].length, position + columnWidth);
      position += columnWidth;
    }
    out += '\n';
  }
  return out;
}

/** ls's indent(): tabs to tab stops of 8, then spaces. */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

export function permissionString(stat: FileStat): string {
  const bits = ['r', 'w', 'x'];
  let out = stat.type === 'directory' ? 'd' : '-';
  for (let shift = 8; shift >= 0; shift--) out += stat.mode & (1 << shift) ? (bits[(8 - shift) % 3] ?? '') : '-';
  if (stat.mode & 0o1000) out = out.slice(0, 9) + (out[9] === 'x' ? 't' : 'T');
  return out;
}

/** GNU -h: one decimal below 10 (rounded up), whole numbers above. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = 'KMGTPE';
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  let text = value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : String(Math.ceil(value));
  if (text === '10.0') text = '10';
  if (text === '1024' && unit < units.length - 1) return `1.0${units[unit + 1] ?? ''}`;
  return `${text}${units[unit] ?? ''}`;
}

const SIX_MONTHS_MS = ((365.2425 * 24 * 60 * 60) / 2) * 1000;

export function listingDate(mtime: number, now: number): string {
  const recent = mtime > now - SIX_MONTHS_MS && mtime <= now + 60 * 60 * 1000;
  return formatDate(mtime, recent ? '%b %e %H:%M' : '%b %e  %Y');
}

/** Disk blocks (1K units) a file occupies: whole 4K blocks. */
export function blocksOf(stat: FileStat): number {
  return Math.ceil(stat.size / 4096) * 4;
}
