// The Kubernetes REST API over HTTP for a simulated cluster.
export { handleHttp } from './handle-http';
export type { HttpRequest, HttpResponse } from './http-types';
export { isWatchRequest, openWatchStream, watchEventLine, type WatchStream } from './watch-stream';
export { statusFailure, statusResponse } from './responses';
