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
}

/** Syncs per drain before the runtime assumes controllers are fighting and stops. */
const MAX_SYNCS_PER_DRAIN = 20000;
/** A failed sync is retried after this much simulated time. */
const RETRY_DELAY_MS = 1000;

export class ControllerRuntime {
  private readonly controllers = new Map<string, Controller>();
  private readonly queue: Array<{ controller: string; key: string }> = [];
  private readonly queued = new Set<string>();
  private timers: Timer[] = [];
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
    const existing = this.timers.findIndex((timer) => timer.controller === controller && timer.key === key);
    if (existing >= 0) {
      if ((this.timers[existing]?.at ?? Infinity) <= at) return;
      this.timers.splice(existing, 1);
    }
    const timer = { at, seq: ++this.timerSeq, controller, key };
    const index = this.timers.findIndex((other) => other.at > at);
    if (index < 0) this.timers.push(timer);
    else this.timers.splice(index, 0, timer);
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
    return { timers: this.timers.map((timer) => ({ ...timer })), timerSeq: this.timerSeq, controllers };
  }

  /** Timers from a snapshot; controllers' own state is given to them when they are constructed. */
  load(state: RuntimeState): void {
    this.timers = state.timers.map((timer) => ({ ...timer }));
    this.timerSeq = state.timerSeq;
  }

  private run(name: string, key: string): void {
    const controller = this.controllers.get(name);
    if (!controller) return;
    try {
      controller.sync(key, this.context(name));
    } catch (error) {
      // A conflict or a refused write: reconcile again from fresh state later,
      // as a workqueue's rate-limited requeue would.
      if (!(error instanceof ApiError)) throw error;
      this.schedule(name, key, this.parts.clock.now() + RETRY_DELAY_MS);
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
