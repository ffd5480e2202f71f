// @kubelab/cluster: a simulated Kubernetes cluster reached through the
// Kubernetes API, for one learner's sandbox.
export { Cluster, type ClusterCreateOptions, type ClusterSnapshot, type ExecResponse } from './cluster';
export type { ClusterConfig, ClusterOptions, KubeProxyMode, NodeConfig, QuotaLimits } from './config';
export type {
  ApiRequest,
  ApiResponse,
  PatchType,
  RequestQuery,
  ResponseBody,
  Verb,
  WatchEvent,
  WatchEventType,
  WatchHandle,
  WatchRequest,
} from './api/request';
export type {
  KubeList,
  KubeObject,
  ObjectMeta,
  OwnerReference,
  Status,
  StatusCause,
  StatusDetails,
  Table,
  TableCell,
  TableColumnDefinition,
  TableRow,
} from './api/objects';
export type { ApiGroup, ApiResource, ApiResourceList } from './api/discovery';
export { ApiError } from './api/errors';
export { SimulatedClock, formatTimestamp, type TimeSource } from './runtime/clock';
export type {
  ClusterConnectRequest,
  ClusterNetwork,
  ClusterResolveRequest,
  ConnectFailure,
  ConnectResult,
  ConnectSource,
  ConnectSuccess,
  Hop,
  HttpExchange,
  ResolveResult,
} from './network';
// Kubernetes' duration and timestamp formatting (HumanDuration, ages), for kubectl's client-side printers.
export { humanDuration, timestampMs, translateTimestampSince } from './printers/duration';
// The image catalogue, for shells that enter a container (its tools, its files).
export { lookupImage, type ImageBehaviour, type ShellTools } from './images';
export { nginx50xPage, nginxIndexPage } from './images/nginx-pages';
// kube-apiserver's HTTP API over a cluster, for real clients (kubectl) and the server's /clusters/:id proxy.
export {
  handleHttp,
  isWatchRequest,
  openWatchStream,
  statusFailure,
  statusResponse,
  type HttpRequest,
  type HttpResponse,
  type WatchStream,
} from './http';
// Go's view of strings as bytes, and the apiserver's /version document.
export { utf8Decode, utf8Encode, utf8Length } from './runtime/bytes';
export { versionInfo as apiServerVersion } from './http/discovery-documents';
// Kubernetes quantities (`500m`, `1Gi`) as numbers, for comparing and sorting them.
export { quantityNumber } from './registry/pod/quantity';
