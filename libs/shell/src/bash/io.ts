// Streams the interpreter wires up: files written as output arrives,
// /dev/null, and cancellation that a job's own Ctrl-C or `kill` triggers.
import type { CancelSignal } from '@kubelab/kubectl';
import type { VirtualFileSystem } from '../fs/virtual-fs';
import type { OutputStream } from '../runtime/streams';

/** `> file`: each write lands in the file at once (so `kubectl get -w > f` fills it as it goes). */
export class FileOutput implements OutputStream {
  readonly isTTY = false;
  private failed = false;

  constructor(
    private readonly fs: VirtualFileSystem,
    private readonly path: string,
  ) {}

  get closed(): boolean {
    return this.failed;
  }

  write(text: string): void {
    if (this.failed || text === '') return;
    if (!this.fs.writeFile(this.path, text, { append: true }).ok) this.failed = true;
  }
}

export class NullOutput implements OutputStream {
  readonly isTTY = false;
  readonly closed = false;
  write(): void {
    // /dev/null
  }
}

/** An AbortSignal-like flag that also fires when its parent does. */
export class Cancellation implements CancelSignal {
  private listeners = new Set<() => void>();
  private fired = false;

  constructor(parent?: CancelSignal) {
    if (parent?.aborted) this.fired = true;
    else parent?.addEventListener('abort', () => this.abort(), { once: true });
  }

  get aborted(): boolean {
    return this.fired;
  }

  abort(): void {
    if (this.fired) return;
    this.fired = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.fired) listener();
    else this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }
}
