// What the kubelet needs to know of an image, from the images catalogue:
// how the runtime names it, its digest and size, what its process does,
// which ports it listens on, what it logs at start and answers over HTTP.
import { listeningPorts, resolveImage, respondHttp, type HttpRequest, type HttpResponse } from '../../images';
import type { ImageBehaviour, StartContext } from '../../images';
import type { ProcessImage } from './process-model';

export interface KubeletImage {
  /** As containerStatuses[].image shows it: `docker.io/library/nginx:1.25`. */
  name: string;
  /** `docker.io/library/nginx@sha256:...`. */
  imageID: string;
  /** `docker.io/library/nginx`. */
  repository: string;
  /** The tag asked for (`1.25`, `latest`), or undefined when asked by digest. */
  tag: string | undefined;
  /** `sha256:...`. */
  digest: string;
  sizeBytes: number;
  process: ProcessImage;
  env: ReadonlyArray<readonly [string, string]>;
  /** The ports the container listens on when it runs `argv` with `env` (none unless it runs the image's program). */
  listeningPorts(
    env: Readonly<Record<string, string>>,
    argv: readonly string[],
  ): Array<{ port: number; protocol: string }>;
  startupLogs(ctx: StartContext): string[];
  /** The image's HTTP server's answer, undefined when it serves no HTTP. */
  respond(request: HttpRequest): HttpResponse | undefined;
}

export type ImageLookup =
  | { ok: true; image: KubeletImage }
  /** InvalidImageName: the kubelet cannot parse the reference; ErrImagePull: the registry has no such image. */
  | { ok: false; reason: 'InvalidImageName' | 'ErrImagePull'; message: string };

/** Resolves an image reference as written in a pod spec. */
export type ImageCatalogue = (reference: string) => ImageLookup;

/** The names a node lists for an image it holds (status.images[].names). */
export function nodeImageNames(image: KubeletImage): string[] {
  const names = [`${image.repository}@${image.digest}`];
  if (image.tag !== undefined) names.push(`${image.repository}:${image.tag}`);
  return names;
}

function kubeletImage(image: ImageBehaviour): KubeletImage {
  const reference = image.reference;
  return {
    name: reference.normalized,
    imageID: image.imageId,
    repository: reference.name,
    tag: reference.digest ? undefined : (reference.tag ?? 'latest'),
    digest: image.digest,
    sizeBytes: image.sizeBytes,
    process: {
      entrypoint: image.entrypoint,
      cmd: image.cmd,
      runsUntilStopped: image.runsUntilStopped,
      exitCode: image.exitCode,
      handlesSigterm: image.handlesSigterm,
      binaries: image.shell.binaries,
      shell: image.shell.shell,
      bash: image.shell.bash,
    },
    env: image.env,
    listeningPorts: (env, argv) => listeningPorts(image, env, argv),
    startupLogs: (ctx) => image.startupLogs(ctx),
    respond: (request) => respondHttp(image, request),
  };
}

/** The images catalogue (images/) as the kubelet asks it. */
export const catalogueImages: ImageCatalogue = (reference) => {
  const resolution = resolveImage(reference);
  if (resolution.kind === 'found') return { ok: true, image: kubeletImage(resolution.image) };
  if (resolution.kind === 'invalid') return { ok: false, reason: 'InvalidImageName', message: resolution.message };
  return { ok: false, reason: 'ErrImagePull', message: resolution.failure.message };
};
