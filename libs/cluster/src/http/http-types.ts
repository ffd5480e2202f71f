// The HTTP exchange the adapter speaks: plain strings, so any server (Node's
// http, a framework, a test) can carry it.

export interface HttpRequest {
  method: string;
  /** The path with its query string: `/api/v1/namespaces/default/pods?limit=500`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The body's bytes, needed for protobuf bodies (what kubectl's typed clients send); `body` is their UTF-8 text. */
  bodyBytes?: Uint8Array;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
