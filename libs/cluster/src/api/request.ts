// The one entry point's vocabulary: a request as kube-apiserver sees it after
// routing (verb, group/version/resource, namespace, name, subresource, query,
// body), and what comes back.
import type { KubeList, KubeObject, Status, Table } from './objects';

export type Verb = 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export type PatchType = 'json' | 'merge' | 'strategic';

export interface RequestQuery {
  labelSelector?: string;
  fieldSelector?: string;
  /** `All` runs every step but stores nothing. */
  dryRun?: 'All';
  fieldManager?: string;
  resourceVersion?: string;
  limit?: number;
  continue?: string;
  /** DeleteOptions carried in the query, as kubectl sends them in the body. */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  /** pods/log: which container, its previous run, the last N lines, lines since N seconds, timestamps. */
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  /** Table responses: which object each row carries (default Metadata). */
  includeObject?: 'None' | 'Metadata' | 'Object';
}

export interface ApiRequest {
  verb: Verb;
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query?: RequestQuery;
  body?: unknown;
  /** For `patch`: the Content-Type the client declared. */
  patchType?: PatchType;
  /** `Table` asks for server-side printing (Accept: as=Table;g=meta.k8s.io;v=v1). */
  as?: 'Table';
}

export type ResponseBody = KubeObject | KubeList | Table | Status;

export interface ApiResponse {
  status: number;
  /** A string is a text/plain body (pods/log). */
  body: ResponseBody | string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject | Table | Status;
}

export interface WatchRequest {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  query?: RequestQuery;
  as?: 'Table';
}

export interface WatchHandle {
  stop(): void;
}
