/** Too many commands are already waiting for this sandbox. */
export class QueueFullError extends Error {
  constructor(readonly limit: number) {
    super(`too many commands are waiting for this sandbox (limit ${limit})`);
    this.name = 'QueueFullError';
  }
}

/**
 * Runs one job at a time, in arrival order: a sandbox's commands never
 * overlap. `limit` bounds the jobs waiting behind the running one.
 */
export class CommandQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly limit: number) {}

  /** Jobs running or waiting. */
  get size(): number {
    return this.pending;
  }

  get idle(): boolean {
    return this.pending === 0;
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.pending > this.limit) return Promise.reject(new QueueFullError(this.limit));
    this.pending++;
    const result = this.tail.then(job);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }
}
