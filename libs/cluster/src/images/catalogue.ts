// The simulated registry: which image references exist and what they are,
// and for those that do not, the error containerd returns to the kubelet.
// The catalogue is a snapshot of the registries as of 2025-02-20 (nginx
// latest = 1.27.4, httpd 2.4.63, redis 7.4.2, busybox 1.37.0, alpine 3.21.3,
// mysql 9.2.0 / 8.4.4, postgres 17.3, mongo 8.0.4, traefik/whoami v1.11.0).

import { goQuote } from '../api/field-errors';
import { fakeDigest, invalidImageNameMessage, parseImageReference, type ImageReference } from './reference';
import { type ImageBehaviour, type ImageDefinition, type RepositoryDefinition, type StartContext } from './types';
import { mongoRepository, mysqlRepository, postgresRepository } from './library/databases';
import { kubelabWebRepository, whoamiRepository } from './library/go-servers';
import { httpdRepository } from './library/httpd';
import { corednsRepository, kubeProxyRepository, pauseRepository } from './library/kubernetes';
import { alpineRepository, busyboxRepository } from './library/minimal';
import { nginxRepository } from './library/nginx';
import { redisRepository } from './library/redis';

const REPOSITORIES = new Map<string, RepositoryDefinition>(
  [
    nginxRepository,
    httpdRepository,
    redisRepository,
    busyboxRepository,
    alpineRepository,
    whoamiRepository,
    kubelabWebRepository,
    mysqlRepository,
    postgresRepository,
    mongoRepository,
    corednsRepository,
    kubeProxyRepository,
    pauseRepository,
  ].map((repository) => [repository.name, repository]),
);

/** Registries that answer 404 (not 401) for a repository they do not have. */
const NOT_FOUND_REGISTRIES = new Set(['registry.k8s.io', 'ghcr.io', 'quay.io', 'gcr.io', 'mcr.microsoft.com']);

/** Repositories in the simulated registry (`docker.io/library/nginx`, ...). */
export function knownRepositories(): string[] {
  return [...REPOSITORIES.keys()];
}

/** What the reference pulls, or undefined when the registry has no such image (or the reference is invalid). */
export function lookupImage(ref: string): ImageBehaviour | undefined {
  const resolution = resolveImage(ref);
  return resolution.kind === 'found' ? resolution.image : undefined;
}

export type ImageResolution =
  | { readonly kind: 'found'; readonly image: ImageBehaviour }
  | { readonly kind: 'invalid'; readonly reason: 'InvalidImageName'; readonly message: string }
  | { readonly kind: 'not-found'; readonly failure: ImagePullFailure };

/** The outcome of asking for an image reference: the image, an unparsable name, or a failed pull. */
export function resolveImage(ref: string): ImageResolution {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) {
    return { kind: 'invalid', reason: 'InvalidImageName', message: invalidImageNameMessage(ref) ?? parsed.error };
  }
  const reference = parsed.reference;
  const repository = REPOSITORIES.get(reference.name);
  const definition = repository?.resolve(reference.tag ?? 'latest');
  const image = definition ? behaviour(reference, definition) : undefined;
  if (image && (reference.digest === undefined || reference.digest === image.digest)) return { kind: 'found', image };
  return { kind: 'not-found', failure: pullFailure(reference, repository !== undefined) };
}

function behaviour(reference: ImageReference, definition: ImageDefinition): ImageBehaviour {
  const digest = fakeDigest(`${definition.repository}:${definition.canonicalTag}`);
  return {
    ...definition,
    reference,
    digest,
    imageId: `${reference.name}@${digest}`,
    defaultCommand: [...definition.entrypoint, ...definition.cmd],
    listens: definition.listeningPorts({}),
    startupLogs: (ctx: StartContext) => [...definition.start(ctx).logs],
  };
}

export interface ImagePullFailure {
  readonly reference: ImageReference;
  /** The waiting reason right after the failed pull (then ImagePullBackOff). */
  readonly reason: 'ErrImagePull';
  /** The gRPC code containerd answered with; the kubelet drops the `rpc error` prefix for Unknown. */
  readonly grpcCode: 'NotFound' | 'Unknown';
  /** containerd's own error text. */
  readonly runtimeMessage: string;
  /** The error as the kubelet carries it: the container's waiting message. */
  readonly message: string;
  /** The kubelet's Warning event (reason Failed). */
  readonly eventMessage: string;
}

export interface PullFailureOptions {
  /** The node's resolver, for registries whose name does not resolve; default `127.0.0.53:53`. */
  readonly nodeResolver?: string;
}

/** The failure of pulling `ref`, or undefined when the reference names an image of the catalogue. */
export function imagePullFailure(ref: string, options: PullFailureOptions = {}): ImagePullFailure | undefined {
  const resolution = resolveImage(ref);
  if (resolution.kind !== 'not-found') return undefined;
  if (!options.nodeResolver) return resolution.failure;
  const reference = resolution.failure.reference;
  return pullFailure(reference, REPOSITORIES.has(reference.name), options.nodeResolver);
}

/** The kubelet's message for a failed pull of `ref` (the container's waiting message). */
export function imagePullFailureMessage(ref: string): string | undefined {
  return imagePullFailure(ref)?.message;
}

function pullFailure(
  reference: ImageReference,
  repositoryKnown: boolean,
  resolver = '127.0.0.53:53',
): ImagePullFailure {
  const name = reference.normalized;
  const prefix = `failed to pull and unpack image "${name}": failed to resolve reference "${name}": `;
  let cause: string;
  let grpcCode: 'NotFound' | 'Unknown';
  const host = reference.registry.replace(/:\d+$/, '');
  if (repositoryKnown || NOT_FOUND_REGISTRIES.has(reference.registry)) {
    cause = `${name}: not found`;
    grpcCode = 'NotFound';
  } else if (reference.registry === 'docker.io') {
    cause =
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    grpcCode = 'Unknown';
  } else {
    const target = reference.digest ?? reference.tag ?? 'latest';
    const url = `https://${reference.registry}/v2/${reference.repository}/manifests/${target}`;
    const dial =
      /^[\d.]+$/.test(host) || host === 'localhost'
        ? `dial tcp ${host === 'localhost' ? '127.0.0.1' : host}:${reference.registry.split(':')[1] ?? '443'}: connect: connection refused`
        : `dial tcp: lookup ${host} on ${resolver}: no such host`;
    cause = `failed to do request: Head "${url}": ${dial}`;
    grpcCode = 'Unknown';
  }
  const runtimeMessage = prefix + cause;
  const message = grpcCode === 'Unknown' ? runtimeMessage : `rpc error: code = ${grpcCode} desc = ${runtimeMessage}`;
  return {
    reference,
    reason: 'ErrImagePull',
    grpcCode,
    runtimeMessage,
    message,
    eventMessage: `Failed to pull image ${goQuote(reference.original)}: ${message}`,
  };
}
