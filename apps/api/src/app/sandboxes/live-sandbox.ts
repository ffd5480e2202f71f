import { type HttpRequest, type HttpResponse, handleHttp, openWatchStream, type WatchStream } from '@kubelab/cluster';
import { type Sandbox, snapshotSandbox } from '@kubelab/shell';
import { runCommands } from './command-runner';
import { CommandQueue } from './command-queue';
import type { CommandRecord, SandboxChange } from './sandbox-records';
import { SandboxEvictedError, UnsavedChangeError } from './sandbox-errors';
import { encodeState, stateFingerprint } from './sandbox-state-codec';

/** A full snapshot is written at least this often, so restores replay little history. */
export const COMPACT_AFTER_COMMANDS = 100;

/** How often a cluster with open watch streams catches up with real time. */
const WATCH_SETTLE_INTERVAL_MS = 100;

export interface LiveSandboxOptions {
  maxQueuedCommands: number;
  commandTimeoutMs: number;
  now: () => Date;
  /** Writes the change; resolves false if this instance no longer holds the sandbox. */
  save: (change: SandboxChange) => Promise<boolean>;
}

export interface RunOptions {
  onOutput?: (chunk: string) => void;
  /** Shorter than the server's command time limit. */
  timeoutMs?: number;
}

/**
 * A sandbox loaded in this server's memory: its commands run one at a time,
 * and each change is stored before the caller hears it finished.
 */
export class LiveSandbox {
  private readonly queue: CommandQueue;
  private running: AbortController | undefined;
  private watchStreams = new Set<() => void>();
  private ticker: NodeJS.Timeout | undefined;
  private evicted = false;
  lastUsedAt: number;

  constructor(
    readonly id: string,
    private current: Sandbox,
    /** The last transcript entry stored, and the one the stored snapshot includes. */
    private lastSeq: number,
    private snapshotSeq: number,
    private fingerprint: string,
    private readonly options: LiveSandboxOptions,
  ) {
    this.queue = new CommandQueue(options.maxQueuedCommands);
    this.lastUsedAt = options.now().getTime();
  }

  get sandbox(): Sandbox {
    return this.current;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Nothing running, waiting or streaming: it may leave memory. */
  get idle(): boolean {
    return this.queue.idle && this.watchStreams.size === 0;
  }

  get isEvicted(): boolean {
    return this.evicted;
  }

  /** Runs `input` (one or more command lines) as a terminal would, then stores what changed. */
  run(input: string, options: RunOptions = {}): Promise<CommandRecord[]> {
    return this.exclusive(async () => {
      const controller = new AbortController();
      this.running = controller;
      const timeoutMs = Math.min(options.timeoutMs ?? Infinity, this.options.commandTimeoutMs);
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let records: CommandRecord[];
      try {
        records = await runCommands(this.current, input, {
          signal: controller.signal,
          now: this.options.now,
          firstSeq: this.lastSeq + 1,
          ...(options.onOutput ? { onOutput: options.onOutput } : {}),
        });
      } finally {
        clearTimeout(timer);
        this.running = undefined;
      }
      await this.commit(records);
      return records;
    });
  }

  /** Ctrl-C: stops the running command, if any. */
  interrupt(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  /** Replaces the whole sandbox (a reset), recording it in the transcript. */
  replace(next: Sandbox, record: Omit<CommandRecord, 'seq'>): Promise<CommandRecord> {
    this.interrupt();
    return this.exclusive(async () => {
      this.stopWatchStreams();
      this.current = next;
      const stored = { ...record, seq: this.lastSeq + 1 };
      await this.commit([stored], { forceSnapshot: true });
      return stored;
    });
  }

  /** A Kubernetes API request from a real client; a write is stored before it is answered. */
  serveHttp(request: HttpRequest): Promise<HttpResponse> {
    return this.exclusive(async () => {
      const response = handleHttp(this.current.cluster, request);
      if (!['GET', 'HEAD'].includes(request.method.toUpperCase())) await this.commit([]);
      return response;
    });
  }

  /** A live watch: events go to `onLine` until `stop()`; the cluster keeps catching up with time meanwhile. */
  openWatch(request: HttpRequest, onLine: (line: string) => void): WatchStream | HttpResponse {
    this.assertLoaded();
    const stream = openWatchStream(this.current.cluster, request, onLine);
    if (!('stop' in stream)) return stream;
    const stop = () => {
      if (!this.watchStreams.delete(stop)) return;
      stream.stop();
      if (this.watchStreams.size === 0) this.stopTicker();
    };
    this.watchStreams.add(stop);
    this.ticker ??= setInterval(() => this.current.cluster.settle(), WATCH_SETTLE_INTERVAL_MS);
    return { ...stream, stop };
  }

  /** Leaves memory: later calls fail with SandboxEvictedError; commands in flight are interrupted. */
  evict(): void {
    this.evicted = true;
    this.interrupt();
    this.stopWatchStreams();
  }

  private stopWatchStreams(): void {
    for (const stop of [...this.watchStreams]) stop();
    this.stopTicker();
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    if (this.evicted) return Promise.reject(new SandboxEvictedError());
    this.lastUsedAt = this.options.now().getTime();
    return this.queue.run(async () => {
      this.assertLoaded();
      try {
        return await job();
      } finally {
        this.lastUsedAt = this.options.now().getTime();
      }
    });
  }

  private assertLoaded(): void {
    if (this.evicted) throw new SandboxEvictedError();
  }

  /**
   * Stores the transcript entries, and the full snapshot when anything but
   * the history changed (or many commands went by since the last one).
   */
  private async commit(records: CommandRecord[], options: { forceSnapshot?: boolean } = {}): Promise<void> {
    const lastSeq = this.lastSeq + records.length;
    const snapshot = snapshotSandbox(this.current);
    const fingerprint = stateFingerprint(snapshot);
    const needsSnapshot =
      options.forceSnapshot || fingerprint !== this.fingerprint || lastSeq - this.snapshotSeq >= COMPACT_AFTER_COMMANDS;
    if (!needsSnapshot && records.length === 0) return;
    const change: SandboxChange = {
      records,
      lastSeq,
      ...(needsSnapshot ? { state: { ...encodeState(snapshot), throughSeq: lastSeq } } : {}),
    };
    let saved: boolean;
    try {
      saved = await this.options.save(change);
    } catch (error) {
      throw new UnsavedChangeError('database', { cause: error });
    }
    if (!saved) throw new UnsavedChangeError('lease-lost');
    this.lastSeq = lastSeq;
    if (needsSnapshot) {
      this.snapshotSeq = lastSeq;
      this.fingerprint = fingerprint;
    }
  }
}
