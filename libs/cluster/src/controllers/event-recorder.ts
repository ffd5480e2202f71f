// Events as client-go's EventRecorder writes them (core/v1 Event): one per
// object, reason and message, counted up when it repeats; removed an hour
// after they last happened, like the API server's --event-ttl.
import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { formatTimestamp, parseTimestamp } from '../runtime/clock';
import type { SimulatedClock } from '../runtime/clock';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import type { InternalClient } from './internal-client';
import { objectKey, splitKey } from './queue-keys';

export const EVENT_TTL_MS = 60 * 60 * 1000;

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventRecorder {
  record(
    object: Readonly<KubeObject>,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void;
}

export class ClusterEventRecorder implements EventRecorder {
  /**
   * Which event each occurrence was recorded as, like client-go's
   * EventCorrelator cache; built from the stored events on first use, so a
   * restored sandbox aggregates exactly as the original would.
   */
  private occurrences: Map<string, string> | undefined;

  constructor(
    private readonly client: InternalClient,
    private readonly clock: SimulatedClock,
    /** A number that grows with every write: the store's resourceVersion. */
    private readonly sequence: () => number,
  ) {}

  record(
    object: Readonly<KubeObject>,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = object.metadata.namespace ?? 'default';
    const now = formatTimestamp(this.clock.now());
    const key = occurrenceKey(namespace, object.metadata.uid, fieldPath, reason, message, source);
    const occurrences = this.index();
    const known = occurrences.get(key);
    const existing = known === undefined ? undefined : this.client.get(RESOURCES.events, namespace, known);
    if (existing && sameOccurrence(existing, object, reason, message, source, fieldPath)) {
      const event = this.client.copy(existing);
      event.count = (typeof existing.count === 'number' ? existing.count : 1) + 1;
      event.lastTimestamp = now;
      this.client.update(RESOURCES.events, event);
      return;
    }
    const involvedObject: Record<string, unknown> = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      resourceVersion: object.metadata.resourceVersion,
      uid: object.metadata.uid,
    };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    // client-go names events `<object>.<unix nanoseconds in hex>`; the sub-millisecond part follows
    // the store's revision, so names keep their order and a restored sandbox makes the same ones.
    const nanos = BigInt(this.clock.now()) * 1000000n + BigInt(this.sequence() % 1000000);
    const name = `${object.metadata.name ?? ''}.${nanos.toString(16)}`;
    occurrences.set(key, name);
    this.client.create(RESOURCES.events, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: { ...source },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
      reportingInstance: source.host ?? '',
    });
  }

  private index(): Map<string, string> {
    if (this.occurrences) return this.occurrences;
    const occurrences = new Map<string, string>();
    for (const event of this.client.list(RESOURCES.events)) {
      const involved = (event.involvedObject ?? {}) as { uid?: string; fieldPath?: string };
      const source = (event.source ?? {}) as { component?: unknown; host?: unknown };
      const key = occurrenceKey(
        event.metadata.namespace ?? '',
        involved.uid,
        involved.fieldPath,
        event.reason,
        event.message,
        source,
      );
      if (!occurrences.has(key)) occurrences.set(key, event.metadata.name ?? '');
    }
    this.occurrences = occurrences;
    return occurrences;
  }
}

function occurrenceKey(
  namespace: string,
  uid: string | undefined,
  fieldPath: string | undefined,
  reason: unknown,
  message: unknown,
  source: { component?: unknown; host?: unknown },
): string {
  return JSON.stringify([namespace, uid, fieldPath, reason, message, source.component, source.host]);
}

function sameOccurrence(
  event: Readonly<KubeObject>,
  object: Readonly<KubeObject>,
  reason: string,
  message: string,
  source: EventSource,
  fieldPath: string | undefined,
): boolean {
  const involved = event.involvedObject as Record<string, unknown> | undefined;
  const eventSource = event.source as Record<string, unknown> | undefined;
  return (
    involved?.uid === object.metadata.uid &&
    involved?.fieldPath === fieldPath &&
    event.reason === reason &&
    event.message === message &&
    eventSource?.component === source.component &&
    eventSource?.host === source.host
  );
}

/** Deletes events an hour after they last happened. */
export class EventTtlController implements Controller {
  readonly name = 'event-ttl';
  keysFor(event: StoreEvent): readonly string[] {
    if (event.resource !== 'events' || event.type === 'DELETED') return [];
    return [objectKey(event.object)];
  }

  sync(key: string, context: ControllerContext): void {
    const [namespace, name] = splitKey(key);
    const event = context.client.get(RESOURCES.events, namespace, name);
    if (!event) return;
    const last = parseTimestamp(event.lastTimestamp) ?? parseTimestamp(event.metadata.creationTimestamp) ?? 0;
    const expiresAt = last + EVENT_TTL_MS;
    if (expiresAt <= context.now()) context.client.delete(RESOURCES.events, namespace, name);
    else context.after(expiresAt - context.now(), key);
  }
}
