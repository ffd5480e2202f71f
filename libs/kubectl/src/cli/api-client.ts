// kubectl's REST client over the cluster's request API: the same requests
// kubectl sends, with failures turned into kubectl's error texts.
import type { ApiRequest, ApiResponse, Cluster, KubeObject, RequestQuery, Table } from '@kubelab/cluster';
import type { ResourceMapping } from '../resources/rest-mapper';
import { isStatus, statusError } from './errors';

export interface KubeListBody {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items: KubeObject[];
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
}

function target(
  mapping: ResourceMapping,
  namespace: string | undefined,
): Pick<ApiRequest, 'group' | 'version' | 'resource' | 'namespace'> {
  return {
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    ...(mapping.namespaced && namespace !== undefined ? { namespace } : {}),
  };
}

function writeQuery(options: WriteOptions): RequestQuery {
  return {
    ...(options.dryRun ? { dryRun: 'All' as const } : {}),
    ...(options.fieldManager ? { fieldManager: options.fieldManager } : {}),
  };
}

export class ApiClient {
  constructor(readonly cluster: Cluster) {}

  /** The raw response (for callers that handle a Status themselves). */
  send(request: ApiRequest): ApiResponse {
    return this.cluster.request(request);
  }

  private ok<T>(response: ApiResponse): T {
    if (isStatus(response.body) && response.status >= 300) throw statusError(response.body);
    return response.body as T;
  }

  get(mapping: ResourceMapping, namespace: string | undefined, name: string): KubeObject {
    return this.ok(this.send({ verb: 'get', ...target(mapping, namespace), name }));
  }

  /** The object, or undefined when the server says NotFound. */
  tryGet(mapping: ResourceMapping, namespace: string | undefined, name: string): KubeObject | undefined {
    const response = this.send({ verb: 'get', ...target(mapping, namespace), name });
    if (response.status === 404) return undefined;
    return this.ok(response);
  }

  list(mapping: ResourceMapping, namespace: string | undefined, options: ListOptions = {}): KubeListBody {
    return this.ok(this.send({ verb: 'list', ...target(mapping, namespace), query: { ...options } }));
  }

  /** A server-side Table; rows carry object metadata, or whole objects (for --sort-by) when asked. */
  table(
    mapping: ResourceMapping,
    namespace: string | undefined,
    options: ListOptions & { name?: string; includeObject?: 'Object' | 'Metadata' } = {},
  ): Table {
    const { name, includeObject = 'Metadata', ...query } = options;
    const request: ApiRequest = name
      ? { verb: 'get', ...target(mapping, namespace), name, as: 'Table', query: { includeObject } }
      : { verb: 'list', ...target(mapping, namespace), as: 'Table', query: { ...query, includeObject } };
    return this.ok(this.send(request));
  }

  create(
    mapping: ResourceMapping,
    namespace: string | undefined,
    body: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    return this.ok(this.send({ verb: 'create', ...target(mapping, namespace), body, query: writeQuery(options) }));
  }

  update(
    mapping: ResourceMapping,
    namespace: string | undefined,
    body: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const name = body.metadata?.name ?? '';
    return this.ok(
      this.send({ verb: 'update', ...target(mapping, namespace), name, body, query: writeQuery(options) }),
    );
  }

  patch(
    mapping: ResourceMapping,
    namespace: string | undefined,
    name: string,
    patchType: 'json' | 'merge' | 'strategic',
    body: unknown,
    options: WriteOptions & { subresource?: string } = {},
  ): KubeObject {
    return this.ok(
      this.send({
        verb: 'patch',
        ...target(mapping, namespace),
        name,
        patchType,
        body,
        query: writeQuery(options),
        ...(options.subresource ? { subresource: options.subresource } : {}),
      }),
    );
  }

  delete(mapping: ResourceMapping, namespace: string | undefined, name: string, query: RequestQuery = {}): unknown {
    return this.ok(this.send({ verb: 'delete', ...target(mapping, namespace), name, query }));
  }
}
