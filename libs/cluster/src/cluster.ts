// One learner's simulated cluster: the API server, the controllers on a
// simulated clock, and (through `network`) the dataplane. Everything outside
// reaches it through `request()` and `watch()`, as a client reaches
// kube-apiserver.
import { ApiServer } from './api/api-server';
import { apiGroupList, apiResourceList, coreVersions, type ApiResourceList } from './api/discovery';
import { ApiError, apiErrors } from './api/errors';
import { chooseContainer, podLogs } from './api/handlers/pod-logs';
import type { Status } from './api/objects';
import { keyOf, RESOURCES } from './api/resource-refs';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle, WatchRequest } from './api/request';
import { ResourceRegistry } from './api/resources';
import { WatchHub } from './api/watch-hub';
import { admissionPlugins } from './admission';
import { bootstrapCluster, nodeInternalIP } from './bootstrap/bootstrap';
import { resolveConfig } from './bootstrap/cluster-config';
import { type ClusterConfig, type ClusterOptions } from './config';
import { controllers } from './controllers';
import { ClusterEventRecorder } from './controllers/event-recorder';
import type { KubeletController } from './controllers/kubelet/kubelet';
import { InternalClient } from './controllers/internal-client';
import { ControllerRuntime, type RuntimeState } from './controllers/runtime';
import { ClusterNetwork, emptyNetworkState, type NetworkState } from './network';
import { resourceDefinitions } from './registry';
import { SimulatedClock, type TimeSource } from './runtime/clock';
import { SeededRandom, type RandomState } from './runtime/random';
import { ObjectStore, type StoreContents } from './store/object-store';

export interface ClusterSnapshot {
  format: 'kubelab.cluster/v1';
  config: ClusterConfig;
  clockOffsetMs: number;
  /** The simulated time when the snapshot was taken. */
  takenAt: number;
  random: RandomState;
  store: StoreContents;
  runtime: RuntimeState;
  network?: NetworkState;
}

export interface ExecResponse {
  exitCode: number;
  /** stdout and stderr, interleaved as a terminal shows them. */
  output: string;
}

export interface ClusterCreateOptions extends ClusterOptions {
  /** Where time comes from; defaults to the host's real time. */
  timeSource?: TimeSource;
}

export class Cluster {
  readonly api: ApiServer;
  readonly client: InternalClient;
  private readonly watches: WatchHub;
  private readonly runtime: ControllerRuntime;
  /** The dataplane: connections, DNS, ping, kube-proxy's rules. */
  readonly network: ClusterNetwork;

  private constructor(
    readonly config: ClusterConfig,
    readonly clock: SimulatedClock,
    random: SeededRandom,
    store: ObjectStore,
    controllerStates: Record<string, unknown> = {},
    networkState: NetworkState = emptyNetworkState(),
  ) {
    const registry = new ResourceRegistry();
    for (const definition of resourceDefinitions()) registry.register(definition);
    this.api = new ApiServer({ store, registry, clock, random, config, admission: admissionPlugins() });
    this.client = new InternalClient(this.api);
    this.watches = new WatchHub(this.api);
    const events = new ClusterEventRecorder(this.client, clock, () => store.resourceVersion);
    this.runtime = new ControllerRuntime({ store, clock, random, config, client: this.client, events });
    for (const controller of controllers(controllerStates)) this.runtime.add(controller);
    this.network = new ClusterNetwork({
      store,
      config,
      clock,
      random,
      state: networkState,
      logs: () => (this.runtime.controller('kubelet') as KubeletController | undefined)?.logs,
      settle: () => this.settle(),
    });
  }

  /**
   * A fresh cluster as kubeadm leaves it: nodes, system namespaces, kube-dns,
   * kube-proxy. Sandboxes with the same options start from one shared,
   * frozen bootstrap (rebuilt every hour of time-source time so ages stay
   * plausible); the seed then drives everything that happens next.
   */
  static create(options: ClusterCreateOptions = {}): Cluster {
    const config = resolveConfig(options);
    const timeSource = options.timeSource ?? defaultTimeSource();
    const template = Cluster.template(config, timeSource());
    const cluster = Cluster.fromSnapshot(template, timeSource, false);
    cluster.api.random.reseed(options.seed ?? 'kubelab');
    cluster.settle();
    return cluster;
  }

  private static template(config: ClusterConfig, now: number): ClusterSnapshot {
    const key = JSON.stringify(config);
    const cached = templates.get(key);
    if (cached && cached.takenAt <= now && now - cached.takenAt < TEMPLATE_LIFETIME_MS) return cached;
    const snapshot = deepFreeze(Cluster.bootstrap(config, () => now).snapshot());
    templates.delete(key);
    templates.set(key, snapshot);
    if (templates.size > MAX_TEMPLATES) templates.delete(templates.keys().next().value ?? '');
    return snapshot;
  }

  private static bootstrap(config: ClusterConfig, timeSource: TimeSource): Cluster {
    const clock = new SimulatedClock(timeSource);
    const cluster = new Cluster(config, clock, SeededRandom.fromSeed('kubelab/bootstrap'), new ObjectStore());
    bootstrapCluster(cluster.client, cluster.runtime, clock, config);
    cluster.settle();
    return cluster;
  }

  static restore(snapshot: ClusterSnapshot, options: { timeSource?: TimeSource } = {}): Cluster {
    if (snapshot.format !== 'kubelab.cluster/v1') throw new Error(`unknown snapshot format ${String(snapshot.format)}`);
    return Cluster.fromSnapshot(snapshot, options.timeSource ?? defaultTimeSource(), true);
  }

  /** `copy` false shares the snapshot's (frozen) objects: writes replace objects, never change them. */
  private static fromSnapshot(snapshot: ClusterSnapshot, timeSource: TimeSource, copy: boolean): Cluster {
    const store = new ObjectStore();
    store.load(copy ? jsonCopy(snapshot.store) : snapshot.store);
    const clock = new SimulatedClock(timeSource, snapshot.clockOffsetMs);
    const states = jsonCopy(snapshot.runtime.controllers ?? {});
    const network = snapshot.network ? jsonCopy(snapshot.network) : emptyNetworkState();
    const cluster = new Cluster(
      jsonCopy(snapshot.config),
      clock,
      new SeededRandom(snapshot.random),
      store,
      states,
      network,
    );
    cluster.runtime.load(snapshot.runtime);
    return cluster;
  }

  /** Serves one API request, after bringing the cluster up to the current time. */
  request(request: ApiRequest): ApiResponse {
    this.settle();
    const response = this.isPodLogRequest(request) ? this.servePodLogs(request) : this.api.handle(request);
    this.runtime.drain();
    this.watches.flush();
    return response;
  }

  /** Streams changes; throws ApiError when the request itself is refused (unknown resource, bad selector). */
  watch(request: WatchRequest, listener: (event: WatchEvent) => void): WatchHandle {
    this.settle();
    const handle = this.watches.watch(request, listener);
    this.watches.flush();
    return handle;
  }

  /** Same as `watch`, but a refusal comes back as a Status instead of an exception. */
  tryWatch(request: WatchRequest, listener: (event: WatchEvent) => void): WatchHandle | ApiError {
    try {
      return this.watch(request, listener);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
  }

  private isPodLogRequest(request: ApiRequest): boolean {
    return (
      request.verb === 'get' && request.group === '' && request.resource === 'pods' && request.subresource === 'log'
    );
  }

  private servePodLogs(request: ApiRequest): ApiResponse {
    const kubelet = this.runtime.controller('kubelet') as KubeletController | undefined;
    try {
      const text = podLogs(this.api, request, (pod, container, options) => {
        if (!kubelet) return 'the kubelet is not running';
        const result = kubelet.containerLogs(pod, container, this.clock.now(), this.client, options);
        return result.ok ? result.lines : result.message;
      });
      return { status: 200, body: text };
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status.code, body: error.status };
      throw error;
    }
  }

  /**
   * `pods/exec` without a terminal: runs `command` in a running container and
   * returns its combined output and exit code, or the refusal as a Status.
   */
  exec(request: { namespace: string; name: string; container?: string; command: string[] }): ExecResponse | Status {
    this.settle();
    try {
      const pod = this.api.store.get(keyOf(RESOURCES.pods), request.namespace, request.name);
      if (!pod) throw apiErrors.notFound({ group: '', resource: 'pods' }, request.name);
      const container = chooseContainer(pod, request.container);
      const kubelet = this.runtime.controller('kubelet') as KubeletController | undefined;
      const outcome = kubelet?.exec(pod, container, request.command, this.clock.now(), this.client);
      if (!outcome?.ok) throw apiErrors.badRequest(outcome?.message ?? 'the kubelet is not running');
      return { exitCode: outcome.exitCode, output: outcome.output };
    } catch (error) {
      if (error instanceof ApiError) return error.status;
      throw error;
    } finally {
      this.runtime.drain();
      this.watches.flush();
    }
  }

  /**
   * The environment variables of a container's process as it started (the
   * kubelet's service variables, env, envFrom), for a container that is
   * running or has run: what a shell attached to it sees.
   */
  containerEnvironment(request: {
    namespace: string;
    name: string;
    container: string;
  }): { env: Record<string, string> } | Status {
    this.settle();
    try {
      const pod = this.api.store.get(keyOf(RESOURCES.pods), request.namespace, request.name);
      if (!pod) throw apiErrors.notFound({ group: '', resource: 'pods' }, request.name);
      const kubelet = this.runtime.controller('kubelet') as KubeletController | undefined;
      const outcome = kubelet?.environment(pod, chooseContainer(pod, request.container), this.client);
      if (!outcome?.ok) throw apiErrors.badRequest(outcome?.message ?? 'the kubelet is not running');
      return { env: outcome.env };
    } catch (error) {
      if (error instanceof ApiError) return error.status;
      throw error;
    }
  }

  /** Discovery: `/api` */
  coreApiVersions(): Record<string, unknown> {
    return coreVersions(`${nodeInternalIP(this.config, 0)}:6443`);
  }

  /** Discovery: `/apis` */
  apiGroups(): Record<string, unknown> {
    return apiGroupList(this.api.registry);
  }

  /** Discovery: `/api/v1`, `/apis/<group>/<version>`; undefined when not served. */
  apiResources(group: string, version: string): ApiResourceList | undefined {
    return apiResourceList(this.api.registry, group, version);
  }

  now(): number {
    return this.clock.now();
  }

  /** Moves simulated time forward and lets everything due happen. */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.settle();
  }

  /** Runs controllers and timers up to the current time and delivers watch events. */
  settle(): void {
    this.runtime.runDue(this.clock.now());
    this.watches.flush();
  }

  /** When something will next happen on its own (a container starting), if anything. */
  nextWakeAt(): number | undefined {
    return this.runtime.nextTimerAt();
  }

  snapshot(): ClusterSnapshot {
    return {
      format: 'kubelab.cluster/v1',
      config: jsonCopy(this.config),
      clockOffsetMs: this.clock.offset,
      takenAt: this.clock.now(),
      random: this.api.random.state,
      store: jsonCopy(this.api.store.contents()),
      runtime: this.runtime.state(),
      network: jsonCopy(this.network.state),
    };
  }
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** How long a shared bootstrap serves new sandboxes before it is rebuilt. */
const TEMPLATE_LIFETIME_MS = 60 * 60 * 1000;
const MAX_TEMPLATES = 64;
const templates = new Map<string, ClusterSnapshot>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function defaultTimeSource(): TimeSource {
  return () => Date.now();
}
