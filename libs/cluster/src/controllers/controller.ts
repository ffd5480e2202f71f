// Level-triggered controllers: a change only enqueues a key; `sync(key)`
// reads current state and makes the world match it.
import type { ClusterConfig } from '../config';
import type { SeededRandom } from '../runtime/random';
import type { StoreEvent } from '../store/object-store';
import type { EventRecorder } from './event-recorder';
import type { InternalClient } from './internal-client';

export interface ControllerContext {
  readonly client: InternalClient;
  readonly random: SeededRandom;
  readonly config: ClusterConfig;
  readonly events: EventRecorder;
  now(): number;
  /** Reconcile `key` of the same controller again after `delayMs` of simulated time. */
  after(delayMs: number, key: string): void;
}

export interface Controller {
  readonly name: string;
  /** Keys to reconcile because of a change in the store. */
  keysFor(event: StoreEvent): readonly string[];
  sync(key: string, context: ControllerContext): void;
  /** What a controller remembers beyond API state (a kubelet's containers and logs), as plain JSON for snapshots. */
  readonly state?: unknown;
}
