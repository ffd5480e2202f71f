import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { restoreSandbox, type Sandbox } from '@kubelab/shell';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../../services/clock';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { LOGGER } from '../../services/logger/logger.token';
import { SandboxBrokenError, SandboxElsewhereError, SandboxGoneError } from './sandbox-errors';
import { LiveSandbox } from './live-sandbox';
import type { SandboxSummary } from './sandbox-records';
import { decodeState, stateFingerprint } from './sandbox-state-codec';
import { SandboxStore } from './sandbox-store';

/**
 * The sandboxes loaded in this server's memory. Loading one takes its lease;
 * leases are renewed while loaded; sandboxes idle too long, or the least
 * recently used when too many are loaded, leave memory (their state is
 * already stored) and give their lease back.
 */
@Injectable()
export class SandboxRegistry implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  /** In least-recently-used order (a use moves a sandbox to the end). */
  private readonly loaded = new Map<string, LiveSandbox>();
  private readonly loading = new Map<string, Promise<LiveSandbox>>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly store: SandboxStore,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get limits() {
    return this.configuration.sandboxes;
  }

  get size(): number {
    return this.loaded.size;
  }

  onApplicationBootstrap(): void {
    const idleMs = this.limits.idleSeconds * 1000;
    this.timers = [
      setInterval(() => this.evictIdle(), Math.min(Math.max(idleMs / 4, 250), 30_000)).unref(),
      setInterval(() => void this.renewLeases(), (this.limits.leaseSeconds * 1000) / 3).unref(),
    ];
  }

  /** Stops the running commands so the requests in flight can finish. */
  beforeApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
    for (const live of this.loaded.values()) live.interrupt();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const live of this.loaded.values()) live.evict();
    this.loaded.clear();
    await this.store
      .releaseLeases(this.configuration.instanceId)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not release sandbox leases'));
  }

  /** The loaded sandbox, or loads it (taking its lease); concurrent calls share one load. */
  async open(summary: SandboxSummary): Promise<LiveSandbox> {
    const existing = this.loaded.get(summary.id);
    if (existing && !existing.isEvicted) {
      this.loaded.delete(summary.id);
      this.loaded.set(summary.id, existing);
      return existing;
    }
    let pending = this.loading.get(summary.id);
    if (!pending) {
      pending = this.load(summary).finally(() => this.loading.delete(summary.id));
      this.loading.set(summary.id, pending);
    }
    return pending;
  }

  /** Holds a sandbox just created (its lease is taken here). */
  async adopt(summary: SandboxSummary, sandbox: Sandbox, fingerprint: string): Promise<LiveSandbox> {
    await this.takeLease(summary.id);
    return this.hold(summary.id, sandbox, summary.lastSeq, summary.lastSeq, fingerprint);
  }

  /** The sandbox if loaded here, without loading it. */
  peek(id: string): LiveSandbox | undefined {
    const live = this.loaded.get(id);
    return live && !live.isEvicted ? live : undefined;
  }

  /** Drops the sandbox from memory; with `release`, gives its lease back. */
  async drop(id: string, options: { release: boolean }): Promise<void> {
    const live = this.loaded.get(id);
    live?.evict();
    this.loaded.delete(id);
    if (options.release) {
      await this.store
        .releaseLease(id, this.configuration.instanceId)
        .catch((error: unknown) => this.logger.warn({ err: error, sandbox: id }, 'could not release a sandbox lease'));
    }
  }

  evictIdle(): number {
    const idleBefore = this.clock.now().getTime() - this.limits.idleSeconds * 1000;
    let evicted = 0;
    for (const [id, live] of this.loaded) {
      if (live.idle && live.lastUsedAt <= idleBefore) {
        void this.drop(id, { release: true });
        evicted++;
      }
    }
    if (evicted) this.logger.debug({ evicted, loaded: this.loaded.size }, 'idle sandboxes left memory');
    return evicted;
  }

  private async renewLeases(): Promise<void> {
    const ids = [...this.loaded.keys()];
    try {
      const held = await this.store.renewLeases(ids, this.configuration.instanceId, this.limits.leaseSeconds);
      for (const id of ids) {
        if (!held.has(id) && this.loaded.has(id)) {
          this.logger.warn({ sandbox: id }, 'lost the lease of a loaded sandbox; dropping it from memory');
          await this.drop(id, { release: false });
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not renew sandbox leases');
    }
  }

  private async load(summary: SandboxSummary): Promise<LiveSandbox> {
    if (summary.status === 'broken') throw new SandboxBrokenError(summary.statusReason ?? 'unknown reason');
    await this.takeLease(summary.id);
    try {
      const stored = await this.store.loadState(summary.id);
      if (!stored) throw new SandboxGoneError();
      let sandbox: Sandbox;
      let fingerprint: string;
      try {
        const snapshot = decodeState(stored.snapshot);
        sandbox = restoreSandbox(snapshot, { time: 'real' });
        sandbox.shell.interpreter.history.push(...stored.laterHistory);
        fingerprint = stateFingerprint(snapshot);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: error, sandbox: summary.id }, 'a stored sandbox could not be restored');
        await this.store.markBroken(summary.id, reason);
        throw new SandboxBrokenError(reason);
      }
      return this.hold(summary.id, sandbox, stored.lastSeq, stored.throughSeq, fingerprint);
    } catch (error) {
      await this.store.releaseLease(summary.id, this.configuration.instanceId).catch(() => undefined);
      throw error;
    }
  }

  private async takeLease(id: string): Promise<void> {
    const outcome = await this.store.acquireLease(id, this.configuration.instanceId, this.limits.leaseSeconds);
    if (outcome === 'elsewhere') throw new SandboxElsewhereError();
    if (outcome === 'missing') throw new SandboxGoneError();
  }

  private hold(id: string, sandbox: Sandbox, lastSeq: number, snapshotSeq: number, fingerprint: string): LiveSandbox {
    const live = new LiveSandbox(id, sandbox, lastSeq, snapshotSeq, fingerprint, {
      maxQueuedCommands: this.limits.maxQueuedCommands,
      commandTimeoutMs: this.limits.commandTimeoutSeconds * 1000,
      now: () => this.clock.now(),
      save: (change) =>
        this.store.save(id, this.configuration.instanceId, this.limits.leaseSeconds, change, this.clock.now()),
    });
    this.makeRoom();
    this.loaded.set(id, live);
    return live;
  }

  /** Keeps at most `maxLoaded` in memory, evicting the least recently used idle ones. */
  private makeRoom(): void {
    for (const [id, live] of this.loaded) {
      if (this.loaded.size < this.limits.maxLoaded) return;
      if (live.idle) void this.drop(id, { release: true });
    }
  }
}
