// Runs the controllers: one queue that drops duplicate keys, drained to a
// quiet state after every request, and timers on the simulated clock for
// what happens later (a container starting, a grace period ending).
import { ApiError } from '../api/errors';
import type { ClusterConfig } from '../config';
import type { SimulatedClock } from '../runtime/clock';
import type { SeededRandom } from '../runtime/random';
import type { ObjectStore, StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import type { EventRecorder } from './event-recorder';
import type { InternalClient } from './internal-client';

export interface Timer {
  at: number;
  seq: number;
  controller: string;
  key: string;
}

export interface RuntimeState {
  timers: Timer[];
  timerSeq: number;
  /** Controllers' own memory, by controller name. */
  controllers?: Record<string, unknown>;
  /** Consecutive failed syncs per controller key, for the retry back-off. */
  failures?: Record<string, number>;
}

/** Syncs per drain before the runtime assumes controllers are fighting and stops. */
const MAX_SYNCS_PER_DRAIN = 20000;
/** A failed sync is retried after this much simulated time, doubling per failure up to the maximum. */
const RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 5 * 60 * 1000;

export class ControllerRuntime {
  private readonly controllers = new Map<string, Controller>();
  private readonly queue: Array<{ controller: string; key: string }> = [];
  private readonly queued = new Set<string>();
  private timers: Timer[] = [];
  private readonly timerIndex = new Map<string, Timer>();
  private failures = new Map<string, number>();
  private timerSeq = 0;
  private draining = false;

  constructor(
    private readonly parts: {
      store: ObjectStore;
      clock: SimulatedClock;
      random: SeededRandom;
      config: ClusterConfig;
      client: InternalClient;
      events: EventRecorder;
    },
  ) {
    parts.store.subscribe((event) => this.onStoreEvent(event));
  }

  add(controller: Controller): void {
    this.controllers.set(controller.name, controller);
  }

  controller(name: string): Controller | undefined {
    return this.controllers.get(name);
  }

  enqueue(controller: string, key: string): void {
    const id = `${controller}\u0000${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push({ controller, key });
  }

  /**
   * Reconciles `key` at `at`. One timer per key is enough: the earlier one
   * wins, and its sync schedules whatever comes after from current state.
   */
  schedule(controller: string, key: string, at: number): void {
    const id = `${controller}\u0000${key}`;
    const existing = this.timerIndex.get(id);
    if (existing) {
      if (existing.at <= at) return;
      this.timers.splice(this.position(existing), 1);
    }
    const timer = { at, seq: ++this.timerSeq, controller, key };
    this.timers.splice(this.insertionPoint(at), 0, timer);
    this.timerIndex.set(id, timer);
  }

  /** Where a timer due at `at` goes: after every timer due at or before it (binary search). */
  private insertionPoint(at: number): number {
    let low = 0;
    let high = this.timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.timers[middle]?.at ?? Infinity) <= at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private position(timer: Timer): number {
    let index = this.insertionPoint(timer.at) - 1;
    while (index >= 0 && this.timers[index] !== timer) index--;
    return index;
  }

  /** Reconciles until no controller has anything left to do. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      let syncs = 0;
      while (this.queue.length && syncs++ < MAX_SYNCS_PER_DRAIN) {
        const next = this.queue.shift();
        if (!next) break;
        this.queued.delete(`${next.controller}\u0000${next.key}`);
        this.run(next.controller, next.key);
      }
    } finally {
      this.draining = false;
    }
  }

  /** Fires every timer due by `now`, each at its own moment, draining after each. */
  runDue(now: number): void {
    this.drain();
    for (let timer = this.timers[0]; timer && timer.at <= now; timer = this.timers[0]) {
      this.timers.shift();
      this.timerIndex.delete(`${timer.controller}\u0000${timer.key}`);
      const { controller, key, at } = timer;
      this.parts.clock.pinned(at, () => {
        this.enqueue(controller, key);
        this.drain();
      });
    }
  }

  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  state(): RuntimeState {
    const controllers: Record<string, unknown> = {};
    for (const controller of this.controllers.values()) {
      if (controller.state !== undefined) controllers[controller.name] = JSON.parse(JSON.stringify(controller.state));
    }
    return {
      timers: this.timers.map((timer) => ({ ...timer })),
      timerSeq: this.timerSeq,
      controllers,
      failures: Object.fromEntries(this.failures),
    };
  }

  /** Timers from a snapshot; controllers' own state is given to them when they are constructed. */
  load(state: RuntimeState): void {
    this.timers = state.timers.map((timer) => ({ ...timer }));
    this.timerIndex.clear();
    for (const timer of this.timers) this.timerIndex.set(`${timer.controller}\u0000${timer.key}`, timer);
    this.timerSeq = state.timerSeq;
    this.failures = new Map(Object.entries(state.failures ?? {}));
  }

  private run(name: string, key: string): void {
    const controller = this.controllers.get(name);
    if (!controller) return;
    const id = `${name}\u0000${key}`;
    try {
      controller.sync(key, this.context(name));
      this.failures.delete(id);
    } catch (error) {
      // A conflict or a refused write (a quota, a missing namespace): reconcile again
      // from fresh state later, backing off as a workqueue's rate limiter would.
      if (!(error instanceof ApiError)) throw error;
      const failures = (this.failures.get(id) ?? 0) + 1;
      this.failures.set(id, failures);
      const delay = Math.min(RETRY_DELAY_MS * 2 ** (failures - 1), MAX_RETRY_DELAY_MS);
      this.schedule(name, key, this.parts.clock.now() + delay);
    }
  }

  private context(name: string): ControllerContext {
    const { client, random, config, events, clock } = this.parts;
    return {
      client,
      random,
      config,
      events,
      now: () => clock.now(),
      after: (delayMs, key) => this.schedule(name, key, clock.now() + Math.max(0, delayMs)),
    };
  }

  private onStoreEvent(event: StoreEvent): void {
    for (const controller of this.controllers.values()) {
      for (const key of controller.keysFor(event)) this.enqueue(controller.name, key);
    }
  }
}
