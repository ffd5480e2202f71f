// Paths of the sandboxes' Kubernetes endpoint (`/clusters/:id/...`).

/** Where a token rides in the path: kubectl sends no Authorization header over plain HTTP (kubernetes/kubectl#744). */
export const PATH_TOKEN_SEGMENT = 'token';

/** Request URLs with the path token masked, for logs. */
export function maskPathToken(url: string): string {
  return url.replace(new RegExp(`^(/clusters/[^/]+/${PATH_TOKEN_SEGMENT}/)[^/?]+`), '$1[redacted]');
}
