// Watches: each subscriber sees the store's changes to the objects its
// request selects. An object that stops matching a selector is reported
// DELETED, one that starts matching ADDED, as the watch cache does.
// Events are queued during a request and delivered after it, so a listener
// may call the cluster again.
import { buildTable } from '../printers';
import type { StoreEvent } from '../store/object-store';
import { matchesFieldSelector, matchesLabelSelector, parseSelectors, type ParsedSelectors } from '../store/selectors';
import type { ApiServer } from './api-server';
import { served } from './handlers/decode';
import type { KubeObject } from './objects';
import type { WatchEvent, WatchEventType, WatchHandle, WatchRequest } from './request';
import { fieldsOf, storageKey, type ResourceDefinition } from './resources';

type Listener = (event: WatchEvent) => void;

interface Subscription {
  definition: ResourceDefinition;
  request: WatchRequest;
  selectors: ParsedSelectors;
  listener: Listener;
  active: boolean;
  /** Table watches send column definitions with the first event only. */
  sentColumns: boolean;
}

export class WatchHub {
  private readonly subscriptions = new Set<Subscription>();
  private readonly pending: Array<{ subscription: Subscription; event: WatchEvent }> = [];

  constructor(private readonly server: ApiServer) {
    server.store.subscribe((event) => this.onStoreEvent(event));
  }

  watch(request: WatchRequest, listener: Listener): WatchHandle {
    const definition = this.server.resolve({ ...request, verb: 'list' });
    const selectors = parseSelectors(definition, request.query?.labelSelector, request.query?.fieldSelector);
    const subscription: Subscription = { definition, request, selectors, listener, active: true, sentColumns: false };
    const since = request.query?.resourceVersion;
    if (!since || since === '0') {
      const namespace = definition.namespaced ? request.namespace : undefined;
      for (const object of this.server.store.list(storageKey(definition), namespace)) {
        if (this.matches(subscription, object)) this.enqueue(subscription, 'ADDED', object);
      }
    }
    this.subscriptions.add(subscription);
    return {
      stop: () => {
        subscription.active = false;
        this.subscriptions.delete(subscription);
      },
    };
  }

  /** Delivers queued events; listeners run after the request that caused them. */
  flush(): void {
    while (this.pending.length) {
      const next = this.pending.shift();
      if (next?.subscription.active) next.subscription.listener(next.event);
    }
  }

  get size(): number {
    return this.subscriptions.size;
  }

  private onStoreEvent(event: StoreEvent): void {
    for (const subscription of this.subscriptions) {
      if (storageKey(subscription.definition) !== event.resource) continue;
      const now = event.type !== 'DELETED' && this.matches(subscription, event.object);
      const before = event.previous !== undefined && this.matches(subscription, event.previous);
      if (event.type === 'DELETED') {
        if (before) this.enqueue(subscription, 'DELETED', event.object);
      } else if (now && before) this.enqueue(subscription, 'MODIFIED', event.object);
      else if (now) this.enqueue(subscription, 'ADDED', event.object);
      else if (before) this.enqueue(subscription, 'DELETED', event.object);
    }
  }

  private matches(subscription: Subscription, object: Readonly<KubeObject>): boolean {
    const { request, definition, selectors } = subscription;
    if (definition.namespaced && request.namespace && object.metadata.namespace !== request.namespace) return false;
    if (request.name && object.metadata.name !== request.name) return false;
    return (
      matchesLabelSelector(selectors.label, object.metadata.labels ?? {}) &&
      matchesFieldSelector(selectors.field, fieldsOf(definition, object))
    );
  }

  private enqueue(subscription: Subscription, type: WatchEventType, object: Readonly<KubeObject>): void {
    const { definition, request } = subscription;
    const copy = served(definition, object);
    let payload: WatchEvent['object'] = copy;
    if (request.as === 'Table') {
      payload = buildTable(definition.kind, [copy], {
        now: this.server.clock.now(),
        includeObject: request.query?.includeObject ?? 'Metadata',
        noHeaders: subscription.sentColumns,
      });
      subscription.sentColumns = true;
    }
    this.pending.push({ subscription, event: { type, object: payload } });
  }
}
