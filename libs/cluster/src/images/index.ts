// The catalogue of simulated container images: what an image reference
// resolves to, what its container does when started, and what its servers
// answer. Nothing runs for real; the kubelet, kube-proxy and the shells use
// these facts to behave like a node running the real images.

export {
  fakeDigest,
  imageIdFor,
  invalidImageNameMessage,
  parseImageReference,
  type ImageReference,
  type ParsedImageReference,
} from './reference';
export {
  imagePullFailure,
  imagePullFailureMessage,
  knownRepositories,
  lookupImage,
  resolveImage,
  type ImagePullFailure,
  type ImageResolution,
  type PullFailureOptions,
} from './catalogue';
export { listeningPorts, processArgv, runsImageProgram } from './process';
export { respondHttp, serializeHttpResponse, statusLine, type HttpRequest, type HttpResponse } from './http-responses';
export { canonicalHeaderKey, podInterfaceAddresses } from './http-go';
export { redisInlineExchange, respondRedis, type RedisExchange, type RedisStore } from './redis-protocol';
export {
  DEFAULT_PATH,
  envValue,
  type HttpServer,
  type ImageBehaviour,
  type ImageDefinition,
  type ImageKind,
  type ListenService,
  type ListenSpec,
  type ShellTools,
  type StartContext,
  type StartOutcome,
  type StopSignal,
} from './types';
