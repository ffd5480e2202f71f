// Byte streams between the commands of a pipeline. Everything is text held in
// memory; a pipe hands chunks to its reader as they are written, so
// `kubectl get pods -w | grep web` prints as events arrive.

export interface InputStream {
  /** The next chunk, or null at end of input. */
  read(): Promise<string | null>;
  /** Everything until end of input. */
  readAll(): Promise<string>;
  /** Whether it is the terminal (rather than a pipe, a file or /dev/null). */
  readonly isTTY: boolean;
}

export interface OutputStream {
  write(text: string): void;
  /** True once the reader went away (`yes | head -1`): producers should stop. */
  readonly closed: boolean;
  readonly isTTY: boolean;
}

/** Input that is already all there: a file, a heredoc, an empty stdin. */
export class StringInput implements InputStream {
  private done = false;
  constructor(
    private readonly text: string,
    readonly isTTY = false,
  ) {}

  read(): Promise<string | null> {
    if (this.done) return Promise.resolve(null);
    this.done = true;
    return Promise.resolve(this.text === '' ? null : this.text);
  }

  readAll(): Promise<string> {
    const text = this.done ? '' : this.text;
    this.done = true;
    return Promise.resolve(text);
  }
}

/** What one command's collected output may grow to before producers are told to stop (`yes`). */
export const MAX_COLLECTED_OUTPUT = 8 * 1024 * 1024;

/** Output collected into a string (`$(...)`, tests); it closes when full, like a pipe whose reader went away. */
export class StringOutput implements OutputStream {
  text = '';
  constructor(readonly isTTY = false) {}

  get closed(): boolean {
    return this.text.length >= MAX_COLLECTED_OUTPUT;
  }

  write(text: string): void {
    if (!this.closed) this.text += text;
  }
}

/** A pipe: the writer's chunks queue until the reader takes them. */
export class Pipe {
  private readonly chunks: string[] = [];
  private ended = false;
  private readerGone = false;
  private waiting: ((chunk: string | null) => void) | undefined;

  readonly writer: OutputStream & { end(): void } = {
    write: (text: string) => {
      if (this.readerGone || this.ended || text === '') return;
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = undefined;
        wake(text);
      } else this.chunks.push(text);
    },
    end: () => {
      if (this.ended) return;
      this.ended = true;
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = undefined;
        wake(null);
      }
    },
    get closed() {
      return false;
    },
    isTTY: false,
  };

  readonly reader: InputStream & { close(): void } = {
    read: () => {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) return Promise.resolve(chunk);
      if (this.ended || this.readerGone) return Promise.resolve(null);
      return new Promise((resolve) => (this.waiting = resolve));
    },
    readAll: async () => {
      let text = '';
      for (let chunk = await this.reader.read(); chunk !== null; chunk = await this.reader.read()) text += chunk;
      return text;
    },
    close: () => {
      this.readerGone = true;
      this.chunks.length = 0;
    },
    isTTY: false,
  };

  constructor() {
    Object.defineProperty(this.writer, 'closed', { get: () => this.readerGone });
  }
}
