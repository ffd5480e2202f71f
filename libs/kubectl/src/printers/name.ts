// `-o name` (cli-runtime NamePrinter): "<kind>[.<group>]/<name>", lower-cased kind, optional operation.

export interface NamedObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

/** `deployment.apps/web`, `pod/nginx`. */
export function resourceName(object: NamedObject): string {
  const apiVersion = object.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = (object.kind ?? '').toLowerCase();
  const name = object.metadata?.name ?? '';
  return group ? `${kind}.${group}/${name}` : `${kind}/${name}`;
}

/** One `-o name` line; with an operation: `pod/nginx created`. */
export function nameWithOperation(object: NamedObject, operation = ''): string {
  const name = resourceName(object);
  return operation ? `${name} ${operation}\n` : `${name}\n`;
}
