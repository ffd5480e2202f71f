// Selecting lines for grep one at a time, with context lines (-A/-B/-C and
// `--` between groups), counts and early stops (-q, -l, -m).
import type { CommandContext } from '../runtime/command';
import type { GrepSettings } from './grep';

export class LineSearch {
  private index = 0;
  private count = 0;
  private lastPrinted = -1;
  private afterLeft = 0;
  private readonly recent: Array<[number, string]> = [];
  private readonly silent: boolean;

  constructor(
    private readonly ctx: CommandContext,
    private readonly name: string | undefined,
    private readonly settings: GrepSettings,
  ) {
    this.silent = settings.quiet || settings.listMatching || settings.listMissing;
  }

  private prefix(index: number, separator: string): string {
    const name = this.name !== undefined ? `${this.name}${separator}` : '';
    return name + (this.settings.lineNumbers ? `${index + 1}${separator}` : '');
  }

  /** Looks at the next line; false once nothing more needs reading. */
  feed(line: string): boolean {
    const { settings, ctx } = this;
    const index = this.index++;
    if (this.count >= settings.maxCount) return false;
    settings.regex.lastIndex = 0;
    const matches = settings.regex.test(line) !== settings.invert;
    if (!matches) {
      if (this.afterLeft > 0 && !this.silent && !settings.count) {
        ctx.stdout.write(`${this.prefix(index, '-')}${line}\n`);
        this.lastPrinted = index;
        this.afterLeft--;
      } else this.remember(index, line);
      return true;
    }
    this.count++;
    if (this.silent) return !(settings.quiet || settings.listMatching);
    if (settings.count) return true;
    if (settings.after > 0 || settings.before > 0) {
      const from = Math.max(this.lastPrinted + 1, index - settings.before);
      if (this.lastPrinted >= 0 && from > this.lastPrinted + 1) ctx.stdout.write('--\n');
      for (const [at, text] of this.recent) if (at >= from) ctx.stdout.write(`${this.prefix(at, '-')}${text}\n`);
      this.recent.length = 0;
    }
    if (settings.onlyMatching) {
      if (!settings.invert) {
        settings.regex.lastIndex = 0;
        for (const match of line.matchAll(settings.regex)) {
          if (match[0] !== '') ctx.stdout.write(`${this.prefix(index, ':')}${match[0]}\n`);
        }
      }
    } else ctx.stdout.write(`${this.prefix(index, ':')}${line}\n`);
    this.lastPrinted = index;
    this.afterLeft = settings.after;
    return true;
  }

  private remember(index: number, line: string): void {
    if (this.settings.before === 0) return;
    this.recent.push([index, line]);
    if (this.recent.length > this.settings.before) this.recent.shift();
  }

  /** Prints the count (-c); whether any line was selected. */
  finish(): boolean {
    if (this.settings.count) this.ctx.stdout.write(`${this.name !== undefined ? `${this.name}:` : ''}${this.count}\n`);
    return this.count > 0;
  }
}
