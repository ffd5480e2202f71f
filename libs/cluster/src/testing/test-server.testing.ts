// A partial control plane for unit tests of strategies and controllers:
// only the resources, admission plugins and controllers a test names, on a
// manual clock, with no bootstrap objects.
import type { AdmissionPlugin } from '../api/admission/admission';
import { ApiServer } from '../api/api-server';
import type { KubeObject, Status } from '../api/objects';
import type { ApiRequest, ApiResponse } from '../api/request';
import { ResourceRegistry, type ResourceDefinition } from '../api/resources';
import { resolveConfig } from '../bootstrap/cluster-config';
import type { ClusterOptions } from '../config';
import type { Controller } from '../controllers/controller';
import { ClusterEventRecorder } from '../controllers/event-recorder';
import { InternalClient } from '../controllers/internal-client';
import { ControllerRuntime } from '../controllers/runtime';
import { SimulatedClock } from '../runtime/clock';
import { SeededRandom } from '../runtime/random';
import { ObjectStore } from '../store/object-store';

export const TEST_START = Date.parse('2026-11-22T10:00:00Z');

/** An object the server holds before the test starts. */
export interface SeedObject {
  ref: { group: string; version: string; resource: string };
  object: KubeObject;
}

export interface TestServer {
  server: ApiServer;
  client: InternalClient;
  runtime: ControllerRuntime;
  /** Serves a request and lets the controllers settle, as Cluster.request does. */
  request(request: ApiRequest): ApiResponse;
  /** Moves time on and fires due timers. */
  advance(ms: number): void;
  now(): number;
}

/** The object a request that must succeed returns; an error Status fails the test with its message. */
export function succeeded(response: ApiResponse): KubeObject {
  if (response.status >= 400) throw new Error((response.body as Status).message);
  return response.body as KubeObject;
}

export function createTestServer(parts: {
  definitions: ResourceDefinition[];
  admission?: AdmissionPlugin[];
  controllers?: Controller[];
  options?: ClusterOptions;
  objects?: SeedObject[];
}): TestServer {
  const time = SimulatedClock.manual(TEST_START);
  const clock = new SimulatedClock(time.source);
  const random = SeededRandom.fromSeed(parts.options?.seed ?? 'test');
  const config = resolveConfig(parts.options ?? {});
  const store = new ObjectStore();
  const registry = new ResourceRegistry();
  for (const definition of parts.definitions) registry.register(definition);
  const server = new ApiServer({ store, registry, clock, random, config, admission: parts.admission ?? [] });
  const client = new InternalClient(server);
  const events = new ClusterEventRecorder(client, clock, () => store.resourceVersion);
  const runtime = new ControllerRuntime({ store, clock, random, config, client, events });
  for (const controller of parts.controllers ?? []) runtime.add(controller);
  for (const { ref, object } of parts.objects ?? []) client.create(ref, object);
  runtime.drain();
  return {
    server,
    client,
    runtime,
    request(request) {
      runtime.runDue(clock.now());
      const response = server.handle(request);
      runtime.drain();
      return response;
    },
    advance(ms) {
      time.advance(ms);
      runtime.runDue(clock.now());
    },
    now: () => clock.now(),
  };
}
