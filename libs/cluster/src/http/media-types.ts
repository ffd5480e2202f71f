// Content negotiation as kube-apiserver does it for a JSON-only server: the
// Accept header's `as=Table` / `as=PartialObjectMetadata` parameters, and the
// Content-Type of a PATCH naming its kind.
import type { PatchType } from '../api/request';

export interface MediaRange {
  type: string;
  params: Map<string, string>;
}

/** `application/json;as=Table;v=v1;g=meta.k8s.io, application/json` into its ranges. */
export function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept) return [];
  return accept.split(',').map((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim());
    const parsed = new Map<string, string>();
    for (const param of params) {
      const equals = param.indexOf('=');
      if (equals > 0) parsed.set(param.slice(0, equals).trim(), param.slice(equals + 1).trim());
    }
    return { type: type.toLowerCase(), params: parsed };
  });
}

export type Rendering = 'object' | 'Table' | 'PartialObjectMetadata';

function isJson(range: MediaRange): boolean {
  return range.type === 'application/json' || range.type === '*/*' || range.type === 'application/*';
}

/**
 * What the client prefers among what a JSON server can send: the first range
 * that is a meta.k8s.io/v1 conversion it names, or a plain object. Discovery
 * ranges (g=apidiscovery.k8s.io) are skipped: this server only has the legacy
 * documents, and clients fall back to them when the answer is plain JSON.
 */
export function chooseRendering(accept: string | undefined): Rendering {
  for (const range of parseAccept(accept)) {
    if (!isJson(range)) continue;
    const as = range.params.get('as');
    if (as === undefined) return 'object';
    if (range.params.get('g') !== 'meta.k8s.io' || range.params.get('v') !== 'v1') continue;
    if (as === 'Table') return 'Table';
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return 'PartialObjectMetadata';
  }
  return 'object';
}

/** True when the client accepts JSON at all (a protobuf-only client gets 406). */
export function acceptsJson(accept: string | undefined): boolean {
  const ranges = parseAccept(accept);
  return ranges.length === 0 || ranges.some(isJson);
}

/** The content type the server answers with for a rendering. */
export function contentTypeOf(rendering: Rendering): string {
  if (rendering === 'Table') return 'application/json;as=Table;v=v1;g=meta.k8s.io';
  if (rendering === 'PartialObjectMetadata') return 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io';
  return 'application/json';
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

export const SUPPORTED_PATCH_TYPES = Object.keys(PATCH_TYPES);

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return PATCH_TYPES[type];
}

/** Header lookup regardless of case, as HTTP header names are. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
