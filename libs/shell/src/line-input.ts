// Standard input shared by a shell reading commands line by line and the
// commands it runs, which read what follows (`kubectl exec -i pod -- sh`
// in a script takes the next lines; `read` takes one line).
import type { InputStream } from './runtime/streams';

export class LineInput implements InputStream {
  private buffer = '';
  private ended = false;

  constructor(private readonly source: InputStream) {}

  get isTTY(): boolean {
    return this.source.isTTY;
  }

  /** The next line without its newline; null at the end of input. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const newline = this.buffer.indexOf('\n');
      if (newline !== -1) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        return line;
      }
      if (this.ended) {
        if (this.buffer === '') return null;
        const line = this.buffer;
        this.buffer = '';
        return line;
      }
      const chunk = await this.source.read();
      if (chunk === null) this.ended = true;
      else this.buffer += chunk;
    }
  }

  async read(): Promise<string | null> {
    if (this.buffer) {
      const chunk = this.buffer;
      this.buffer = '';
      return chunk;
    }
    if (this.ended) return null;
    const chunk = await this.source.read();
    if (chunk === null) this.ended = true;
    return chunk;
  }

  async readAll(): Promise<string> {
    let text = '';
    for (let chunk = await this.read(); chunk !== null; chunk = await this.read()) text += chunk;
    return text;
  }
}
