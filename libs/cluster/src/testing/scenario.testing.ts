// Scenario tests that read like a lab: manifests and API requests in, objects
// and tables out, on a cluster whose clock only moves when the test says so.
import { Cluster } from '../cluster';
import type { KubeObject, Status, Table } from '../api/objects';
import type { ApiRequest, ApiResponse, RequestQuery } from '../api/request';
import type { ClusterOptions } from '../config';
import { SimulatedClock } from '../runtime/clock';

export const SCENARIO_START = Date.parse('2026-11-22T10:00:00Z');

export interface ResourceTarget {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

export class Scenario {
  readonly cluster: Cluster;
  private readonly time = SimulatedClock.manual(SCENARIO_START);

  constructor(options: ClusterOptions = {}) {
    this.cluster = Cluster.create({ seed: 'scenario', ...options, timeSource: this.time.source });
  }

  /** Lets `seconds` of simulated time pass. */
  wait(seconds: number): this {
    this.time.advance(seconds * 1000);
    this.cluster.settle();
    return this;
  }

  /** The resource behind a kind or plural name, as a client finds it through discovery. */
  target(kindOrResource: string): ResourceTarget {
    for (const [group, version] of [
      ['', 'v1'],
      ['apps', 'v1'],
      ['discovery.k8s.io', 'v1'],
    ] as const) {
      const found = this.cluster
        .apiResources(group, version)
        ?.resources.find(
          (resource) =>
            !resource.name.includes('/') &&
            (resource.kind === kindOrResource ||
              resource.name === kindOrResource ||
              resource.shortNames?.includes(kindOrResource)),
        );
      if (found) return { group, version, resource: found.name, namespaced: found.namespaced };
    }
    throw new Error(`no resource for ${kindOrResource}`);
  }

  request(request: ApiRequest): ApiResponse {
    return this.cluster.request(request);
  }

  /** Creates an object; fails the test when the server refuses it. */
  create(manifest: KubeObject, namespace = 'default'): KubeObject {
    const response = this.tryCreate(manifest, namespace);
    if (response.status >= 300) throw new Error(`create refused: ${JSON.stringify(response.body)}`);
    return response.body as KubeObject;
  }

  tryCreate(manifest: KubeObject, namespace = 'default'): ApiResponse {
    const target = this.target(manifest.kind);
    return this.request({
      verb: 'create',
      ...target,
      namespace: target.namespaced ? (manifest.metadata.namespace ?? namespace) : undefined,
      body: manifest,
    });
  }

  get(kind: string, name: string, namespace = 'default'): KubeObject {
    const response = this.tryGet(kind, name, namespace);
    if (response.status !== 200) throw new Error(`get ${kind}/${name}: ${JSON.stringify(response.body)}`);
    return response.body as KubeObject;
  }

  tryGet(kind: string, name: string, namespace = 'default'): ApiResponse {
    const target = this.target(kind);
    return this.request({ verb: 'get', ...target, namespace: target.namespaced ? namespace : undefined, name });
  }

  list(kind: string, namespace: string | undefined = 'default', query: RequestQuery = {}): KubeObject[] {
    const target = this.target(kind);
    const response = this.request({
      verb: 'list',
      ...target,
      namespace: target.namespaced ? namespace : undefined,
      query,
    });
    return (response.body as { items: KubeObject[] }).items;
  }

  mergePatch(kind: string, name: string, patch: unknown, namespace = 'default'): ApiResponse {
    const target = this.target(kind);
    return this.request({
      verb: 'patch',
      ...target,
      namespace: target.namespaced ? namespace : undefined,
      name,
      patchType: 'merge',
      body: patch,
    });
  }

  delete(kind: string, name: string, namespace = 'default', query: RequestQuery = {}): ApiResponse {
    const target = this.target(kind);
    return this.request({
      verb: 'delete',
      ...target,
      namespace: target.namespaced ? namespace : undefined,
      name,
      query,
    });
  }

  /** A server-side printed table as rows of cells (wide columns included), headed by the column names. */
  table(kind: string, namespace: string | undefined = 'default', query: RequestQuery = {}): string[][] {
    const target = this.target(kind);
    const response = this.request({
      verb: 'list',
      ...target,
      namespace: target.namespaced ? namespace : undefined,
      query,
      as: 'Table',
    });
    const table = response.body as Table;
    return [
      (table.columnDefinitions ?? []).map((column) => column.name.toUpperCase()),
      ...table.rows.map((row) => row.cells.map(String)),
    ];
  }

  /** The IPs an Endpoints object lists as ready. */
  endpointIPs(service: string, namespace = 'default'): string[] {
    const endpoints = this.tryGet('Endpoints', service, namespace);
    if (endpoints.status !== 200) return [];
    const subsets = ((endpoints.body as KubeObject).subsets ?? []) as Array<{ addresses?: Array<{ ip: string }> }>;
    return subsets.flatMap((subset) => (subset.addresses ?? []).map((address) => address.ip)).sort();
  }

  podIPs(labelSelector: string, namespace = 'default'): string[] {
    return this.list('Pod', namespace, { labelSelector })
      .filter((pod) => !pod.metadata.deletionTimestamp)
      .map((pod) => String((pod.status as { podIP?: string } | undefined)?.podIP ?? ''))
      .filter(Boolean)
      .sort();
  }
}

export function statusOf(response: ApiResponse): Status {
  return response.body as Status;
}

export function deployment(
  name: string,
  image: string,
  replicas: number,
  labels: Record<string, string> = { app: name },
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: image.split(/[:/]/)[0] ?? 'app', image }] } },
    },
  };
}

export function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec };
}

export function pod(
  name: string,
  image: string,
  labels: Record<string, string> = { run: name },
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name, image, ...extra }] },
  };
}
