// Go's text/tabwriter as kubectl vendors it (github.com/liggitt/tabwriter),
// which every kubectl table goes through: cells end with a tab, and a column
// is aligned over each block of consecutive lines that have a cell in it. The
// last cell of a line is not part of a column. With RememberWidths, columns
// never get narrower than they were in earlier flushes (`get -w` stays aligned).

/** Align cell content to the right (Go's tabwriter.AlignRight). */
export const ALIGN_RIGHT = 4;
/** Columns whose cells are all empty take no space (Go's tabwriter.DiscardEmptyColumns). */
export const DISCARD_EMPTY_COLUMNS = 8;
/** Keep each column's widest width across flushes (liggitt/tabwriter.RememberWidths). */
export const REMEMBER_WIDTHS = 64;

export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  padChar: string;
  flags?: number;
}

interface Cell {
  text: string;
  /** Width in runes, as Go counts it. */
  width: number;
}

function runeCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export class TabWriter {
  private buffer = '';
  private maxWidths: number[] = [];

  constructor(private readonly options: TabWriterOptions) {}

  write(text: string): void {
    this.buffer += text;
  }

  /** Forgets remembered widths (kubectl does so between the tables of different kinds). */
  setRememberedWidths(widths: readonly number[]): void {
    this.maxWidths = [...widths];
  }

  /** Formats everything written so far and returns it; the writer is empty afterwards. */
  flush(): string {
    const text = this.buffer;
    this.buffer = '';
    if (text === '') return '';
    const lines: Cell[][] = text
      .split('\n')
      .map((line) => line.split('\t').map((cell) => ({ text: cell, width: runeCount(cell) })));
    const out: string[] = [];
    this.format(lines, [], 0, lines.length, out);
    return out.join('');
  }

  private format(lines: Cell[][], widths: number[], line0: number, line1: number, out: string[]): void {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue;
      // A block of lines with a cell in this column begins here.
      this.writeLines(lines, widths, start, current, out);
      start = current;
      let width = this.options.minWidth;
      let discardable = true;
      for (; current < line1; current++) {
        const line = lines[current] ?? [];
        if (column >= line.length - 1) break;
        const cell = line[column] ?? { text: '', width: 0 };
        width = Math.max(width, cell.width + this.options.padding);
        if (cell.width > 0) discardable = false;
      }
      if (discardable && (this.options.flags ?? 0) & DISCARD_EMPTY_COLUMNS) width = 0;
      if ((this.options.flags ?? 0) & REMEMBER_WIDTHS) width = this.remember(widths, width);
      this.format(lines, [...widths, width], start, current, out);
      start = current;
    }
    this.writeLines(lines, widths, start, line1, out);
  }

  private remember(widths: readonly number[], width: number): number {
    if (this.maxWidths.length < widths.length) this.maxWidths.push(...widths.slice(this.maxWidths.length));
    const column = widths.length;
    const remembered = this.maxWidths[column];
    if (remembered === undefined) this.maxWidths.push(width);
    else if (remembered > width) return remembered;
    else this.maxWidths[column] = width;
    return width;
  }

  private writeLines(lines: Cell[][], widths: readonly number[], line0: number, line1: number, out: string[]): void {
    const alignRight = ((this.options.flags ?? 0) & ALIGN_RIGHT) !== 0;
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      line.forEach((cell, j) => {
        const width = widths[j];
        const padding = width === undefined ? '' : this.options.padChar.repeat(Math.max(0, width - cell.width));
        if (cell.text === '') out.push(padding);
        else out.push(alignRight && width !== undefined ? padding + cell.text : cell.text + padding);
      });
      // The last line is what follows the final newline: written without one.
      if (i + 1 < lines.length) out.push('\n');
    }
  }
}

/** kubectl's printers.GetNewTabWriter: tabwriter.NewWriter(out, 6, 4, 3, ' ', tabwriter.RememberWidths). */
export function kubectlTabWriter(): TabWriter {
  return new TabWriter({ minWidth: 6, tabWidth: 4, padding: 3, padChar: ' ', flags: REMEMBER_WIDTHS });
}
